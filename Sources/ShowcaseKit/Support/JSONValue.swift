/// JSON written by hand, with keys in the order given, so that the same data always gives the same bytes.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Already formatted for JSON (`9000`, `5.6`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compact == rhs.compact }

    public static func number(_ value: Double) -> JSONValue { .number(MachineNumber.format(value)) }
    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// On one line.
    public var compact: String {
        var out = ""
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented by two spaces, with a final line end.
    public var pretty: String {
        var out = ""
        write(into: &out, indent: "  ", level: 0)
        return out + "\n"
    }

    private func write(into out: inout String, indent: String?, level: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (depth: Int) in indent.map { String(repeating: $0, count: depth) } ?? "" }
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += Self.quote(text)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (offset, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
                out += (offset < items.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (offset, (key, value)) in members.enumerated() {
                out += pad(level + 1) + Self.quote(key) + (indent == nil ? ":" : ": ")
                value.write(into: &out, indent: indent, level: level + 1)
                out += (offset < members.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }

    /// A JSON string literal: UTF-8 kept as is, control characters and the line separators U+2028/U+2029
    /// escaped (so the text is also safe inside a `<script>` block once `<` is escaped), `<` escaped too.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
