import Foundation

/// ArgumentParser's own words (errors, usage, help headings) in French: communications staff read them, and
/// the library only speaks English. Each phrase is replaced where it stands; arguments and values stay as typed.
enum FrenchUsage {
    private static let phrases: [(String, String)] = [
        ("Error: ", "erreur : "),
        ("Unknown option ", "option inconnue "),
        ("Unexpected arguments ", "arguments inattendus "),
        ("Unexpected argument ", "argument inattendu "),
        ("Missing expected argument ", "argument manquant "),
        ("Missing value for option ", "valeur manquante pour l'option "),
        ("The value ", "la valeur "),
        (" is invalid for ", " n'est pas permise pour "),
        ("Please provide one of ", "choisissez parmi "),
        (" or ", " ou "),
        ("Help:  ", "aide :  "),
        ("Usage: ", "utilisation : "),
        ("OVERVIEW:", "APERÇU :"),
        ("USAGE:", "UTILISATION :"),
        ("ARGUMENTS:", "ARGUMENTS :"),
        ("OPTIONS:", "OPTIONS :"),
        ("SUBCOMMANDS:", "COMMANDES :"),
        ("Show help information.", "Affiche cette aide."),
        ("(default: ", "(par défaut : "),
        ("<subcommand>", "<commande>"),
        ("' for detailed help.", "» pour l'aide de chaque commande."),
        ("' for more information.", "» pour en savoir plus."),
        ("See '", "Voir « "),
    ]

    static func translate(_ message: String) -> String {
        // 'name' → « name » on the error line, before any French apostrophe comes in (« l'option »).
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.hasPrefix("Error: ") { lines[0] = guillemets(first) }
        var text = lines.joined(separator: "\n")
        for (english, french) in phrases { text = text.replacingOccurrences(of: english, with: french) }
        return text
    }

    private static func guillemets(_ line: String) -> String {
        var result = "", open = true
        for character in line {
            if character == "'" {
                result += open ? "« " : " »"
                open.toggle()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
