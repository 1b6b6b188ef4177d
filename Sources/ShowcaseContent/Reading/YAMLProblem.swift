import Foundation
import ShowcaseFoundation

/// French words for libyaml's English problem descriptions, with the fix a writer most likely needs.
enum YAMLProblem {
    /// libyaml notices a forgotten colon (`titre "Casiers"`) only on the next line; find the line a writer must fix.
    static func missingColon(before line: Int, in file: SourceFile, firstLine: Int, problem: String) -> Diagnostic? {
        guard problem.contains("mapping values are not allowed") || problem.contains("could not find expected ':'")
        else { return nil }
        var number = line - 1
        while number >= firstLine, let text = file.line(number), text.trimmingCharacters(in: .whitespaces).isEmpty
            || text.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            number -= 1
        }
        guard number >= firstLine, let text = file.line(number), !text.contains(":") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == " " || scalars[start] == "-" { start += 1 }
        var end = start
        while end < scalars.count, scalars[end].properties.isAlphabetic || scalars[end] == "_" || scalars[end] == "-"
            || ("0"..."9").contains(scalars[end]) { end += 1 }
        guard end > start, end < scalars.count, scalars[end] == " " else { return nil }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        let value = String(String.UnicodeScalarView(scalars[(end + 1)...])).trimmingCharacters(in: .whitespaces)
        let needsQuotes = value.contains(": ") || value.contains(" #") || value.hasPrefix("\"") == false && value.contains("\"")
        let written = needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
        let line = value.isEmpty ? "\(name):" : "\(name): \(written)"
        return .error(.yamlSyntax, "il manque les deux-points après « \(name) »",
                      at: file.location(line: number, column: end + 1),
                      help: "ajoutez les deux-points : `\(line)`")
    }

    /// A line indented with a tab (libyaml stops there or on the next line): the line as it should be written,
    /// indented like its neighbours — two spaces more than a line ending with `:`, else as the line before.
    static func tabIndentation(near line: Int, in file: SourceFile, firstLine: Int) -> Diagnostic? {
        for number in [line, line - 1] where number >= firstLine {
            guard let text = file.line(number) else { continue }
            let indentation = text.prefix { $0 == " " || $0 == "\t" }
            guard indentation.contains("\t") else { continue }
            var previous = number - 1
            while previous >= firstLine, let before = file.line(previous),
                  before.trimmingCharacters(in: .whitespaces).isEmpty || before.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                previous -= 1
            }
            var spaces = 0
            if previous >= firstLine, let before = file.line(previous), !before.contains("\t") {
                spaces = before.prefix { $0 == " " }.count + (before.trimmingCharacters(in: .whitespaces).hasSuffix(":") ? 2 : 0)
            }
            let fixed = String(repeating: " ", count: spaces) + text.dropFirst(indentation.count)
            return .error(.yamlSyntax, "tabulation en début de ligne : l'en-tête s'indente avec des espaces",
                          at: file.location(line: number, column: 1, length: max(1, indentation.count)),
                          help: "remplacez-la par \(spaces) espace\(spaces > 1 ? "s" : "") : `\(fixed)`")
        }
        return nil
    }

    /// `titre: Casiers : fabrication locale`: the same line, the value between quotes.
    static func colonInValue(at line: Int, in file: SourceFile, problem: String) -> Diagnostic? {
        guard problem.contains("mapping values are not allowed"), let text = file.line(line),
              let separator = text.range(of: ": ") else { return nil }
        let value = text[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty, !value.hasPrefix("\""), !value.hasPrefix("'") else { return nil }
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let column = text[..<separator.upperBound].unicodeScalars.count + 1
        return .error(.yamlSyntax, "deux-points dans une valeur : elle doit être entre guillemets",
                      at: file.location(line: line, column: column, length: value.unicodeScalars.count),
                      help: "mettez la valeur entre guillemets : `\(text[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)): \(quoted)`")
    }

    static func translate(_ problem: String) -> (message: String, help: String?) {
        for (english, message, help) in known where problem.contains(english) {
            return (message, help)
        }
        return ("erreur de syntaxe dans l'en-tête (\(problem))",
                "vérifiez l'indentation et les deux-points de cette ligne et de la précédente")
    }

    private static let known: [(String, String, String?)] = [
        ("mapping values are not allowed", "deux-points inattendu dans une valeur",
         "mettez la valeur entre guillemets : `titre: \"Casiers : fabrication locale\"`"),
        ("could not find expected ':'", "il manque les deux-points après le nom du champ",
         "écrivez `nom: valeur` ; une valeur sur plusieurs lignes doit être indentée ou entre guillemets"),
        ("did not find expected key", "ligne mal alignée : un nom de champ était attendu",
         "alignez ce champ sur les autres champs du même groupe (mêmes espaces en début de ligne)"),
        ("did not find expected '-' indicator", "élément de liste mal aligné",
         "commencez chaque élément de la liste par `- `, aligné sur les autres"),
        ("found character that cannot start any token", "caractère inattendu en début de valeur",
         "mettez la valeur entre guillemets ; les tabulations ne sont pas permises pour indenter"),
        ("found a tab character", "tabulation utilisée pour indenter",
         "remplacez les tabulations par des espaces en début de ligne"),
        ("found unexpected end of stream", "guillemet ou crochet jamais refermé",
         "refermez la valeur avec le même guillemet ou crochet que celui qui l'ouvre"),
        ("found undefined alias", "alias `*` qui ne renvoie à aucune ancre", "supprimez l'alias ou l'astérisque"),
        ("control characters are not allowed", "caractère de contrôle invisible dans l'en-tête",
         "supprimez ce caractère (souvent venu d'un copier-coller) en retapant la ligne"),
        ("found unknown escape character", "séquence d'échappement inconnue entre guillemets doubles",
         "utilisez des guillemets simples ou doublez la barre oblique inverse : `\\\\`"),
        ("found unexpected ':'", "deux-points inattendu", "mettez la valeur entre guillemets"),
        ("block sequence entries are not allowed", "élément de liste `-` mal placé",
         "placez la liste sur les lignes suivantes, indentée sous le nom du champ"),
        ("expected <document start>", "texte inattendu après la fin de l'en-tête", nil),
        ("but found another document", "un second en-tête `---` est ouvert dans l'en-tête",
         "gardez une seule ligne `---` au début et une à la fin de l'en-tête"),
    ]
}
