import ShowcaseFoundation

/// Runs a compiled `TemplateProgram` into UTF-8 bytes. Each name is looked up through the stack of enclosing
/// objects, innermost first, as Mustache specifies; values come from `TemplateObject.value(for:)`, with no
/// reflection or casting, and escaping works on bytes: rendering a page costs microseconds, which matters at
/// 10 000 pages.
struct TemplateRenderer {
    let program: TemplateProgram

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
        guard let template = program.indexByName[name] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        var stack = [Frame(content: .object(root))]
        // The program's tables are read through pointers while it runs: no array is retained per instruction.
        program.code.withUnsafeBufferPointer { code in
            program.bytes.withUnsafeBufferPointer { bytes in
                program.names.withUnsafeBufferPointer { names in
                    program.keys.withUnsafeBufferPointer { keys in
                        let machine = Machine(program: program, code: code, bytes: bytes, names: names, keys: keys)
                        machine.run(program.templates[Int(template)], &stack, blocks: [:], into: &output, depth: 0)
                    }
                }
            }
        }
        return output
    }

    private struct Machine {
        let program: TemplateProgram
        let code: UnsafeBufferPointer<TemplateProgram.Instruction>
        let bytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<TemplateProgram.Name>
        let keys: UnsafeBufferPointer<TemplateKey?>

        /// Partials, layouts and block overrides may include each other; past this depth a loop is assumed and
        /// rendering stops.
        private static let maximumDepth = 32

        func run(_ range: Range<Int32>, _ stack: inout [Frame], blocks: TemplateProgram.Blocks,
                 into output: inout [UInt8], depth: Int) {
            guard depth < Self.maximumDepth else { return }
            var next = Int(range.lowerBound)
            let end = Int(range.upperBound)
            while next < end {
                let at = next
                next += 1
                switch code[at] {
                case .text(let start, let stop):
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[Int(start)..<Int(stop)]))
                case .variable(let name, let escaped):
                    TemplateRenderer.write(resolve(names[Int(name)], stack), escaped: escaped, into: &output)
                case .section(let name, let inverted, let sectionEnd):
                    next = Int(sectionEnd)
                    let children = Int32(at + 1)..<sectionEnd
                    let value = resolve(names[Int(name)], stack)
                    if inverted {
                        if !TemplateRenderer.isTruthy(value) { run(children, &stack, blocks: blocks, into: &output, depth: depth) }
                        continue
                    }
                    switch value {
                    case .list(let items):
                        let count = items.count
                        for position in 0..<count {
                            stack.append(Frame(content: .object(items.item(at: position)), position: position, count: count))
                            run(children, &stack, blocks: blocks, into: &output, depth: depth)
                            stack.removeLast()
                        }
                    case .texts(let items):
                        for (position, item) in items.enumerated() {
                            stack.append(Frame(content: .value(.text(item)), position: position, count: items.count))
                            run(children, &stack, blocks: blocks, into: &output, depth: depth)
                            stack.removeLast()
                        }
                    case .object(let object):
                        stack.append(Frame(content: .object(object)))
                        run(children, &stack, blocks: blocks, into: &output, depth: depth)
                        stack.removeLast()
                    case .flag(true):
                        run(children, &stack, blocks: blocks, into: &output, depth: depth)
                    case .text(let text) where text.isEmpty:
                        break  // falsy, as Mustache has it, and as the inverted section above takes it
                    case .text, .number:
                        stack.append(Frame(content: .value(value)))
                        run(children, &stack, blocks: blocks, into: &output, depth: depth)
                        stack.removeLast()
                    case .missing, .flag(false):
                        break
                    }
                case .partial(let template, let indentation):
                    guard template >= 0 else { continue }
                    let partial = program.templates[Int(template)]
                    if indentation < 0 {
                        run(partial, &stack, blocks: blocks, into: &output, depth: depth + 1)
                    } else {
                        var inner: [UInt8] = []
                        run(partial, &stack, blocks: blocks, into: &inner, depth: depth + 1)
                        TemplateRenderer.indent(inner, by: program.indentations[Int(indentation)], into: &output)
                    }
                case .parent(let template, let overrides, let parentEnd):
                    next = Int(parentEnd)
                    guard template >= 0 else { continue }
                    // An override from further out (the page that started it all) wins over a nearer one.
                    let merged = program.overrides[Int(overrides)].merging(blocks) { _, outer in outer }
                    run(program.templates[Int(template)], &stack, blocks: merged, into: &output, depth: depth + 1)
                case .block(let name, let blockEnd):
                    next = Int(blockEnd)
                    if let override = blocks[name] {
                        // A level deeper: an override may hold the same block again, which would never end.
                        run(override, &stack, blocks: blocks, into: &output, depth: depth + 1)
                    } else {
                        run(Int32(at + 1)..<blockEnd, &stack, blocks: blocks, into: &output, depth: depth)
                    }
                }
            }
        }

        private func resolve(_ name: TemplateProgram.Name, _ stack: [Frame]) -> TemplateValue {
            if let transform = name.transform, name.keysStart == name.keysEnd {
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
            var value = lookup(name, stack)
            switch name.transform {
            case .empty:
                value = .flag(!TemplateRenderer.isTruthy(value))
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

        private func lookup(_ name: TemplateProgram.Name, _ stack: [Frame]) -> TemplateValue {
            guard name.keysStart < name.keysEnd else {
                switch stack.last?.content {
                case .object(let object): return .object(object)
                case .value(let value): return value
                case nil: return .missing
                }
            }
            guard let first = keys[Int(name.keysStart)] else { return .missing }
            var value = TemplateValue.missing
            var index = stack.endIndex
            while index > stack.startIndex {
                index -= 1
                guard case .object(let object) = stack[index].content else { continue }
                value = object.value(for: first)
                if case .missing = value { continue }
                break
            }
            for position in Int(name.keysStart + 1)..<Int(name.keysEnd) {
                guard let key = keys[position], case .object(let object) = value else { return .missing }
                value = object.value(for: key)
            }
            return value
        }
    }

    fileprivate static func isTruthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .missing: return false
        case .flag(let flag): return flag
        case .list(let items): return items.count > 0
        case .texts(let items): return !items.isEmpty
        case .text(let text): return !text.isEmpty
        case .number, .object: return true
        }
    }

    fileprivate static func write(_ value: TemplateValue, escaped: Bool, into output: inout [UInt8]) {
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
    fileprivate static func indent(_ text: [UInt8], by indentation: [UInt8], into output: inout [UInt8]) {
        var atLineStart = true
        for byte in text {
            if atLineStart, byte != UInt8(ascii: "\n") { output += indentation }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
    }
}
