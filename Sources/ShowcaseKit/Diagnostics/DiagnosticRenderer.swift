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
            if let sourceLine = sources[location.file]?.line(location.line) {
                lines.append(gutter + paint("|", "34"))
                lines.append(paint(number + " |", "34") + (sourceLine.isEmpty ? "" : " \(sourceLine)"))
                lines.append(gutter + paint("|", "34") + " " + paint(caret(under: sourceLine, at: location), tint))
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

    /// Spaces (or the line's own tabs, so that the caret stays aligned) up to the column, then `^` over the length.
    private func caret(under line: Substring, at location: SourceLocation) -> String {
        let scalars = Array(line.unicodeScalars)
        let start = min(location.column - 1, scalars.count)
        let padding = scalars[..<start].map { $0 == "\t" ? "\t" : " " }.joined()
        let width = max(1, min(location.length, scalars.count - start))
        return padding + String(repeating: "^", count: width)
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
