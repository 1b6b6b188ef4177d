import Foundation
import Testing
@testable import ShowcaseFoundation
@testable import ShowcaseContent

/// Every fix an `aide:` quotes between backticks is valid where the diagnostic points, as written: applied to
/// that line (or to its field's line), it makes the error go.
@Suite("Aides applicables telles quelles")
struct HelpSnippetTests {
    /// A fault put into the valid sample: (what to replace, with what, the error it gives).
    static let faults: [(String, String, DiagnosticCode)] = [
        ("    valeur: 9000", "    valeur: 9 000", .wrongType),
        ("    valeur: 9000", "    valeur: \"9000\"", .wrongType),
        ("    valeur: 9000", "    valeur: 9000 h", .wrongType),
        ("    valeur: 24", "    valeur: 24 personnes", .wrongType),
        ("  type: departement", "\ttype: departement", .yamlSyntax),
        ("resume: Un collège construit avec une clause sociale.", "resume:\n  - Un collège construit.\n  - Une clause sociale.", .wrongType),
        ("titre: \"Un chantier d'insertion\"", "titre: Un chantier : l'insertion", .yamlSyntax),
        ("titre: \"Un chantier d'insertion\"", "titre \"Un chantier d'insertion\"", .yamlSyntax),
        ("resume: Un collège construit avec une clause sociale.", "resume: Un collège.\nmise_a_jour: 17/12/2025", .invalidDate),
        ("resume: Un collège construit avec une clause sociale.", "resume: Un collège.\nmise_a_jour: décembre 2025", .invalidDate),
        ("resume: Un collège construit avec une clause sociale.", "resume: Un collège.\nmise_a_jour: 2025-13-45", .invalidDate),
        ("    titre: La commande publique inclusive\n", "", .missingField),
        ("    editeur: Département des Landes\n", "", .missingField),
    ]

    @Test("L'extrait d'une aide, appliqué à sa ligne, fait disparaître l'erreur", arguments: faults.indices)
    func snippetFixes(index: Int) throws {
        let (old, new, code) = Self.faults[index]
        let broken = Sample.replacing(old, with: new)
        let diagnostic = try #require(TestSupport.read(broken).diagnostics.first { $0.code == code },
                                      "\(TestSupport.read(broken).diagnostics)")
        let help = try #require(diagnostic.help)
        let snippet = try #require(Self.lastSnippet(help), "l'aide « \(help) » ne cite aucun extrait")
        let line = try #require(diagnostic.location?.line)
        let fixed = Self.apply(snippet, near: line, in: broken, adding: code == .missingField)
        #expect(fixed != broken)
        let after = TestSupport.read(fixed).diagnostics
        #expect(!after.hasErrors, "après « \(snippet) » : \(after.map(\.message))")
    }

    /// The last text between backticks.
    static func lastSnippet(_ help: String) -> String? {
        let parts = help.components(separatedBy: "`")
        guard parts.count >= 3 else { return nil }
        return parts[parts.count - 2]
    }

    /// A whole indented line replaces the line; `key: value` replaces the line of `key` at or above `line` (and
    /// the lines below it that belonged to it), or, for a missing field, is added to the group the error points at.
    static func apply(_ snippet: String, near line: Int, in text: String, adding: Bool) -> String {
        var lines = text.components(separatedBy: "\n")
        let indentation = { (text: String) in text.prefix { $0 == " " || $0 == "\t" }.count }
        if adding {
            // A missing field: added to the group the error points at, indented like the group's fields.
            let group = lines[line - 1]
            let fields = indentation(lines[line]) > indentation(group) || group.hasPrefix("  - ")
                ? String(lines[line].prefix { $0 == " " }) : String(group.prefix { $0 == " " }) + "  "
            lines.insert(fields + snippet, at: line)
            return lines.joined(separator: "\n")
        }
        if snippet.hasPrefix(" ") {
            lines[line - 1] = snippet
            return lines.joined(separator: "\n")
        }
        let key = String(snippet.prefix { $0 != ":" })
        for number in stride(from: line, through: 1, by: -1) {
            let current = lines[number - 1]
            let trimmed = current.drop { $0 == " " || $0 == "\t" || $0 == "-" }.drop { $0 == " " }
            guard trimmed.hasPrefix(key + ":") || trimmed.hasPrefix(key + " ") else { continue }
            let prefixLength = current.count - trimmed.count
            lines[number - 1] = String(current.prefix(prefixLength)) + snippet
            let own = indentation(current)
            while number < lines.count, !lines[number].isEmpty, lines[number] != "---", indentation(lines[number]) > own {
                lines.remove(at: number)
            }
            return lines.joined(separator: "\n")
        }
        return text
    }
}
