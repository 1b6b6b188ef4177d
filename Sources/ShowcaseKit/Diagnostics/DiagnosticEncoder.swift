import Foundation

/// Renders diagnostics for machines: one JSON array with stable field names, for CI.
///
/// Each element: `severity` (`error` | `warning`), `code`, `message`, `file`, `line`, `column`, `endColumn`
/// (exclusive, in Unicode scalars), `help`. Absent values are `null`, so every element has every field.
public enum DiagnosticEncoder {
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.sortedForDisplay().map { diagnostic -> String in
            let location = diagnostic.location
            let fields: [(String, String)] = [
                ("severity", quote(diagnostic.severity.rawValue)),
                ("code", quote(diagnostic.code.rawValue)),
                ("message", quote(diagnostic.message)),
                ("file", location.map { quote($0.file) } ?? "null"),
                ("line", location.map { String($0.line) } ?? "null"),
                ("column", location.map { String($0.column) } ?? "null"),
                ("endColumn", location.map { String($0.column + $0.length) } ?? "null"),
                ("help", diagnostic.help.map(quote) ?? "null"),
            ]
            return "  {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// A JSON string literal; non-ASCII text is kept as UTF-8, control characters are escaped.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
