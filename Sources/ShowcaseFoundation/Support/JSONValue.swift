/// JSON written by hand, with keys in the order given, so that the same data always gives the same bytes.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// Already formatted for JSON (`9000`, `5.6`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.compactBytes == rhs.compactBytes }

    package static func number(_ value: Double) -> JSONValue { .number(MachineNumber.format(value)) }
    package static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    package static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// On one line.
    package var compact: String { String(decoding: compactBytes, as: UTF8.self) }

    package var compactBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: nil, level: 0)
        return out
    }

    /// Indented by two spaces, with a final line end.
    package var pretty: String { String(decoding: prettyBytes, as: UTF8.self) }

    package var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 2, level: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// Indented as if nested `level` deep, without a final line end: for a value placed inside a larger document.
    package func prettyBytes(level: Int) -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out, indent: 2, level: level)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int?, level: Int) {
        func newline(_ depth: Int) {
            guard let indent else { return }
            out.append(UInt8(ascii: "\n"))
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * depth))
        }
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): Self.appendQuoted(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (offset, (key, value)) in members.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                Self.appendQuoted(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal: UTF-8 kept as is, control characters and the line separators U+2028/U+2029
    /// escaped, and `<` escaped too, so that the text is also safe inside a `<script>` block.
    package static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied whole: almost every byte of the open data is one.
            var index = 0, copied = 0
            func flush() { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index])) }
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<")
                    || (byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
                        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)) else {
                    index += 1
                    continue
                }
                flush()
                switch byte {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case UInt8(ascii: "\n"): out += "\\n".utf8
                case UInt8(ascii: "\r"): out += "\\r".utf8
                case UInt8(ascii: "\t"): out += "\\t".utf8
                case UInt8(ascii: "<"): out += "\\u003c".utf8
                case 0xE2:
                    appendEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    index += 2
                default: appendEscape(UInt32(byte), to: &out)
                }
                index += 1
                copied = index
            }
            flush()
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out += "\\u".utf8
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
    }
}
