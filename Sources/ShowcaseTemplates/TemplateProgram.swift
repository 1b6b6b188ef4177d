/// Every template of a library compiled once into one flat list of instructions whose operands are all
/// integers: running it copies no reference (a tree of nodes retained and released each text, name and child
/// list it visited, at every page). Texts lie in one byte pool, names in one table; partials and layouts are
/// resolved to the template they name when the library is read.
struct TemplateProgram: Sendable {
    enum Instruction: Sendable {
        /// `bytes[start..<end]`.
        case text(start: Int32, end: Int32)
        case variable(name: Int32, escaped: Bool)
        /// The section's content is the instructions up to `end`.
        case section(name: Int32, inverted: Bool, end: Int32)
        /// `template` is -1 when no template has that name (nothing is written); `indentation`, -1 when the
        /// partial does not stand alone on an indented line.
        case partial(template: Int32, indentation: Int32)
        /// The layout rendered with the overrides of `overrides`, whose instructions lie up to `end`.
        case parent(template: Int32, overrides: Int32, end: Int32)
        /// A block's default content, up to `end`, unless a page overrides it.
        case block(name: Int32, end: Int32)
    }

    /// A name of a tag: its keys are `keys[keysStart..<keysEnd]`.
    struct Name: Sendable {
        let keysStart: Int32
        let keysEnd: Int32
        let transform: TemplateName.Transform?
    }

    /// The code of a block, by block name.
    typealias Blocks = [Int32: Range<Int32>]

    private(set) var code: [Instruction] = []
    private(set) var bytes: [UInt8] = []
    private(set) var names: [Name] = []
    private(set) var keys: [TemplateKey?] = []
    private(set) var indentations: [[UInt8]] = []
    private(set) var overrides: [Blocks] = []
    /// Each template's code, by its index in `indexByName`.
    private(set) var templates: [Range<Int32>] = []
    let indexByName: [String: Int32]
    private var blockNames: [String: Int32] = [:]

    init(_ parsed: [String: [TemplateNode]]) {
        // Sorted, so that the same templates give the same program.
        let ordered = parsed.sorted { $0.key < $1.key }
        indexByName = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, Int32($0.offset)) })
        for (_, nodes) in ordered {
            let start = Int32(code.count)
            compile(nodes)
            templates.append(start..<Int32(code.count))
        }
    }

    private mutating func compile(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = Int32(bytes.count)
                bytes += text
                code.append(.text(start: start, end: Int32(bytes.count)))
            case .variable(let name, let escaped):
                code.append(.variable(name: intern(name), escaped: escaped))
            case .section(let name, let inverted, let children):
                let at = code.count
                code.append(.text(start: 0, end: 0))  // replaced once the end is known
                compile(children)
                code[at] = .section(name: intern(name), inverted: inverted, end: Int32(code.count))
            case .partial(let name, let indentation):
                var indentationIndex: Int32 = -1
                if !indentation.isEmpty {
                    indentationIndex = Int32(indentations.count)
                    indentations.append(Array(indentation.utf8))
                }
                code.append(.partial(template: indexByName[name] ?? -1, indentation: indentationIndex))
            case .parent(let name, let overridden):
                let at = code.count
                code.append(.text(start: 0, end: 0))  // replaced once the end is known
                var blocks: Blocks = [:]
                for (block, content) in overridden.sorted(by: { $0.key < $1.key }) {
                    let start = Int32(code.count)
                    compile(content)
                    blocks[blockName(block)] = start..<Int32(code.count)
                }
                code[at] = .parent(template: indexByName[name] ?? -1, overrides: Int32(overrides.count), end: Int32(code.count))
                overrides.append(blocks)
            case .block(let name, let defaults):
                let at = code.count
                code.append(.text(start: 0, end: 0))  // replaced once the end is known
                compile(defaults)
                code[at] = .block(name: blockName(name), end: Int32(code.count))
            }
        }
    }

    private mutating func intern(_ name: TemplateName) -> Int32 {
        let start = Int32(keys.count)
        keys += name.keys
        names.append(Name(keysStart: start, keysEnd: Int32(keys.count), transform: name.transform))
        return Int32(names.count - 1)
    }

    private mutating func blockName(_ name: String) -> Int32 {
        if let known = blockNames[name] { return known }
        let number = Int32(blockNames.count)
        blockNames[name] = number
        return number
    }
}
