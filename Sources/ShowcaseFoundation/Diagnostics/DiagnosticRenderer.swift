/// Renders diagnostics for people, in French, in the style of rustc and swift-syntax:
///
/// ```
/// erreur[champ-inconnu]: champ inconnu « heures_insertio » dans « chiffres »
///   --> content/angresse.md:14:3
///    |
/// 14 |   heures_insertio:
///    |   ^^^^^^^^^^^^^^^
///    = aide: vouliez-vous dire « heures_insertion » ?
/// ```
///
/// The only place where a diagnostic becomes text for a terminal.
public struct DiagnosticRenderer: Sendable {
    private let sources: [String: SourceFile]
    private let colors: Bool

    /// - Parameters:
    ///   - sources: the files the diagnostics point into, by display path, to quote their lines.
    ///   - colors: ANSI colours, for a terminal that shows them.
    public init(sources: [String: SourceFile], colors: Bool = false) {
        self.sources = sources
        self.colors = colors
    }

    /// Every diagnostic, sorted by file and line, separated by blank lines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedForDisplay().map(render).joined(separator: "\n")
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let label = diagnostic.severity == .error ? "erreur" : "avertissement"
        let tint = diagnostic.severity == .error ? "31" : "33"
        var lines = [paint("\(label)[\(diagnostic.code.rawValue)]", tint) + paint(": \(diagnostic.message)", "1")]
        var gutter = "  "
        if let location = diagnostic.location {
            let number = String(location.line)
            gutter = String(repeating: " ", count: number.count + 1)
            lines.append("\(gutter.dropLast())" + paint("-->", "34") + " \(location.file):\(location.line):\(location.column)")
            if let source = sources[location.file], !source.text.isEmpty, let sourceLine = source.line(location.line) {
                let (shown, column) = Self.window(of: sourceLine, around: location.column)
                lines.append(gutter + paint("|", "34"))
                lines.append(paint(number + " |", "34") + (shown.isEmpty ? "" : " \(shown)"))
                lines.append(gutter + paint("|", "34") + " " + paint(caret(under: shown, column: column, length: location.length), tint))
            }
        }
        if let help = diagnostic.help {
            lines.append(gutter + paint("= aide:", "36") + " \(help)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2 erreurs et 1 avertissement", or `nil` when there is nothing to say.
    public static func summary(_ diagnostics: [Diagnostic]) -> String? {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        var parts: [String] = []
        if errors > 0 { parts.append(errors == 1 ? "1 erreur" : "\(errors) erreurs") }
        if warnings > 0 { parts.append(warnings == 1 ? "1 avertissement" : "\(warnings) avertissements") }
        return parts.isEmpty ? nil : parts.joined(separator: " et ")
    }

    /// Characters of a line shown at most; a longer line (a minified paste, a whole paragraph on one line) is
    /// shown around the column, with « … » where it is cut.
    package static let widestLine = 120

    /// The part of `line` to show, and the column within it. Invisible characters that would disturb the
    /// terminal (controls, direction overrides) are shown as « � », one for one, so that the caret stays in place.
    package static func window(of line: Substring, around column: Int) -> (text: String, column: Int) {
        let scalars = line.unicodeScalars.map { isInvisible($0) ? "\u{FFFD}" : $0 }
        let column = min(max(column, 1), scalars.count + 1)
        guard scalars.count > widestLine else {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return (text, column)
        }
        let start = max(0, min(column - 1 - widestLine / 3, scalars.count - widestLine))
        let end = min(scalars.count, start + widestLine)
        var text = start > 0 ? "…" : ""
        text.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text += "…" }
        return (text, column - start + (start > 0 ? 1 : 0))
    }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Spaces (or the line's own tabs, so that the caret stays aligned) up to the column, then `^` over the length
    /// (at least one, and not past the end of the line).
    private func caret(under line: String, column: Int, length: Int) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = min(max(column - 1, 0), scalars.count)
        let padding = scalars[..<start].map { $0 == "\t" ? "\t" : " " }.joined()
        let width = max(1, min(length, scalars.count - start))
        return padding + String(repeating: "^", count: width)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
