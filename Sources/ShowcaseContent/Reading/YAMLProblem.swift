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
        return .error(.yamlSyntax, "il manque les deux-points après « \(name) »",
                      at: file.location(line: number, column: end + 1),
                      help: "écrivez `\(name): ` suivi de la valeur")
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
