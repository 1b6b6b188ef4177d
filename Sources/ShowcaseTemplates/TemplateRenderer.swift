import ShowcaseFoundation

/// Renders parsed templates into UTF-8 bytes. Each name is looked up through the stack of enclosing objects,
/// innermost first, as Mustache specifies; values come from `TemplateObject.value(for:)`, with no reflection
/// or casting, and escaping works on bytes: rendering a page costs microseconds, which matters at 10 000 pages.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]

    /// One level of the context stack: an object, or the current element of a list of texts, with its place in
    /// the list for `first()`, `last()`, `index()`.
    private struct Frame {
        enum Content {
            case object(any TemplateObject)
            case value(TemplateValue)
        }
        var content: Content
        var position = 0
        var count = 1
    }

    func render(_ name: String, _ root: any TemplateObject) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var stack = [Frame(content: .object(root))]
        render(nodes, &stack, blocks: [:], into: &output, depth: 0)
        return output
    }

    /// Partials and layouts may include each other; past this depth a loop is assumed and rendering stops.
    private static let maximumDepth = 32

    private func render(_ nodes: [TemplateNode], _ stack: inout [Frame], blocks: [String: [TemplateNode]],
                        into output: inout [UInt8], depth: Int) {
        guard depth < Self.maximumDepth else { return }
        for node in nodes {
            switch node {
            case .text(let bytes):
                output += bytes
            case .variable(let name, let escaped):
                write(resolve(name, stack), escaped: escaped, into: &output)
            case .section(let name, let inverted, let children):
                let value = resolve(name, stack)
                if inverted {
                    if !Self.isTruthy(value) { render(children, &stack, blocks: blocks, into: &output, depth: depth) }
                    continue
                }
                switch value {
                case .list(let items):
                    let count = items.count
                    for position in 0..<count {
                        stack.append(Frame(content: .object(items.item(at: position)), position: position, count: count))
                        render(children, &stack, blocks: blocks, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case .texts(let items):
                    for (position, item) in items.enumerated() {
                        stack.append(Frame(content: .value(.text(item)), position: position, count: items.count))
                        render(children, &stack, blocks: blocks, into: &output, depth: depth)
                        stack.removeLast()
                    }
                case .object(let object):
                    stack.append(Frame(content: .object(object)))
                    render(children, &stack, blocks: blocks, into: &output, depth: depth)
                    stack.removeLast()
                case .flag(true):
                    render(children, &stack, blocks: blocks, into: &output, depth: depth)
                case .text(let text) where text.isEmpty:
                    break  // falsy, as Mustache has it, and as the inverted section below takes it
                case .text, .number:
                    stack.append(Frame(content: .value(value)))
                    render(children, &stack, blocks: blocks, into: &output, depth: depth)
                    stack.removeLast()
                case .missing, .flag(false):
                    break
                }
            case .partial(let name, let indentation):
                guard let partial = templates[name] else { continue }
                if indentation.isEmpty {
                    render(partial, &stack, blocks: blocks, into: &output, depth: depth + 1)
                } else {
                    var inner: [UInt8] = []
                    render(partial, &stack, blocks: blocks, into: &inner, depth: depth + 1)
                    Self.indent(inner, by: Array(indentation.utf8), into: &output)
                }
            case .parent(let name, let overrides):
                guard let layout = templates[name] else { continue }
                // An override from further out (the page that started it all) wins over a nearer one.
                let merged = overrides.merging(blocks) { _, outer in outer }
                render(layout, &stack, blocks: merged, into: &output, depth: depth + 1)
            case .block(let name, let defaults):
                render(blocks[name] ?? defaults, &stack, blocks: blocks, into: &output, depth: depth)
            }
        }
    }

    private func resolve(_ name: TemplateName, _ stack: [Frame]) -> TemplateValue {
        if let transform = name.transform, name.keys.isEmpty {
            guard let frame = stack.last else { return .missing }
            switch transform {
            case .first: return .flag(frame.position == 0)
            case .last: return .flag(frame.position == frame.count - 1)
            case .index: return .number(frame.position)
            case .odd: return .flag(frame.position % 2 == 1)
            case .even: return .flag(frame.position % 2 == 0)
            case .empty, .count: return .missing
            }
        }
        var value = lookup(name.keys, stack)
        switch name.transform {
        case .empty:
            value = .flag(!Self.isTruthy(value))
        case .count:
            switch value {
            case .list(let items): value = .number(items.count)
            case .texts(let items): value = .number(items.count)
            default: value = .number(0)
            }
        default:
            break
        }
        return value
    }

    private func lookup(_ keys: [TemplateKey?], _ stack: [Frame]) -> TemplateValue {
        guard let first = keys.first else {
            switch stack.last?.content {
            case .object(let object): return .object(object)
            case .value(let value): return value
            case nil: return .missing
            }
        }
        guard let first else { return .missing }
        var value = TemplateValue.missing
        for frame in stack.reversed() {
            guard case .object(let object) = frame.content else { continue }
            value = object.value(for: first)
            if case .missing = value { continue }
            break
        }
        for key in keys.dropFirst() {
            guard let key, case .object(let object) = value else { return .missing }
            value = object.value(for: key)
        }
        return value
    }

    private static func isTruthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .missing: return false
        case .flag(let flag): return flag
        case .list(let items): return items.count > 0
        case .texts(let items): return !items.isEmpty
        case .text(let text): return !text.isEmpty
        case .number, .object: return true
        }
    }

    private func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
        switch value {
        case .text(let text):
            if escaped { Self.appendEscaped(text, to: &output) } else { output += text.utf8 }
        case .number(let number):
            output += String(number).utf8
        case .flag(let flag):
            output += (flag ? "true" : "false").utf8
        case .missing, .object, .list, .texts:
            break
        }
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; everything else copied byte for byte.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// A partial standing alone on an indented line gets that indentation on each of its lines.
    private static func indent(_ text: [UInt8], by indentation: [UInt8], into output: inout [UInt8]) {
        var atLineStart = true
        for byte in text {
            if atLineStart, byte != UInt8(ascii: "\n") { output += indentation }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
    }
}
