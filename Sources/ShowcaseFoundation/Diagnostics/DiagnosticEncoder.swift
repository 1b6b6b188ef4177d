import Foundation
/// Renders diagnostics for machines: one JSON array with stable field names, for CI.
///
/// Each element: `severity` (`error` | `warning`), `code`, `message`, `file`, `line`, `column`, `endColumn`
/// (exclusive, in Unicode scalars), `help`. Absent values are `null`, so every element has every field.
public enum DiagnosticEncoder {
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let objects = diagnostics.sortedForDisplay().map { diagnostic -> JSONValue in
            let location = diagnostic.location
            return .object([
                ("severity", .string(diagnostic.severity.rawValue)),
                ("code", .string(diagnostic.code.rawValue)),
                ("message", .string(diagnostic.message)),
                ("file", .optional(location?.file)),
                ("line", location.map { .number($0.line) } ?? .null),
                ("column", location.map { .number($0.column) } ?? .null),
                ("endColumn", location.map { .number($0.column + $0.length) } ?? .null),
                ("help", .optional(diagnostic.help)),
            ])
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.map { "  " + $0.compact }.joined(separator: ",\n") + "\n]\n"
    }

    /// GitHub Actions workflow commands: one `::error file=…,line=…,col=…::message` line per diagnostic, so
    /// that problems show on the pull request's lines.
    public static func githubAnnotations(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedForDisplay().map { diagnostic in
            var properties: [String] = []
            if let location = diagnostic.location {
                properties = [
                    "file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)",
                    "endColumn=\(location.column + location.length)",
                ]
            }
            properties.append("title=\(escapeProperty(diagnostic.code.rawValue))")
            var message = diagnostic.message
            if let help = diagnostic.help { message += "\naide: " + help }
            let command = diagnostic.severity == .error ? "error" : "warning"
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }.joined()
    }

    /// GitLab's Code Quality report (a JSON array), so that a merge request shows each problem on its line:
    /// `description`, `check_name`, `fingerprint` (the same from run to run while the problem stays: made of its
    /// code, file and message, not of its line, which moves when lines are added above), `severity`
    /// (`major` for an error, `minor` for a warning) and `location.path` with `location.lines.begin`.
    public static func gitlabCodeQuality(_ diagnostics: [Diagnostic]) -> String {
        var occurrences: [String: Int] = [:]
        let objects = diagnostics.sortedForDisplay().map { diagnostic -> JSONValue in
            var description = diagnostic.message
            if let help = diagnostic.help { description += " — aide : " + help }
            let identity = [diagnostic.code.rawValue, diagnostic.location?.file ?? "", diagnostic.message].joined(separator: "\u{0}")
            // The same problem twice in one file keeps two fingerprints, each stable.
            let occurrence = occurrences[identity, default: 0]
            occurrences[identity] = occurrence + 1
            return .object([
                ("description", .string(description)),
                ("check_name", .string(diagnostic.code.rawValue)),
                ("fingerprint", .string(ContentHash.hex(Array((identity + "\u{0}\(occurrence)").utf8)))),
                ("severity", .string(diagnostic.severity == .error ? "major" : "minor")),
                ("location", .object([
                    ("path", .string(diagnostic.location?.file ?? "showcase.yaml")),
                    ("lines", .object([("begin", .number(diagnostic.location?.line ?? 1))])),
                ])),
            ])
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.map { "  " + $0.compact }.joined(separator: ",\n") + "\n]\n"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
