import Testing
@testable import ShowcaseFoundation

/// `JSONWriter` writes as it goes what `JSONValue` writes from a tree: the same bytes, on one line and indented
/// at any depth, for every shape of value (empty containers, nesting, texts to escape).
@Suite("JSON écrit au fil de l'eau")
struct JSONWriterTests {
    static let texts = ["", "a", "l'été « à »", "ligne\nsuivante", "<script>", "\u{2028}", "guillemet \" et \\", "\u{1}"]

    static func tree(depth: Int, _ random: inout SeededGenerator) -> JSONValue {
        switch Int.random(in: depth > 3 ? 0...3 : 0...5, using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .number(Double(Int.random(in: -5000...5000, using: &random)) / 8)
        case 3: return .string(texts.randomElement(using: &random)!)
        case 4: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in tree(depth: depth + 1, &random) })
        default:
            return .object((0..<Int.random(in: 0...3, using: &random)).map { index in
                (texts.randomElement(using: &random)! + "\(index)", tree(depth: depth + 1, &random))
            })
        }
    }

    static func write(_ value: JSONValue, to json: inout JSONWriter) {
        switch value {
        case .null: json.null()
        case .bool(let flag): json.bool(flag)
        case .number(let text): json.number(Double(text)!)
        case .string(let text): json.string(text)
        case .array(let items): json.array { json in for item in items { write(item, to: &json) } }
        case .object(let members):
            json.object { json in
                for (key, member) in members {
                    json.key(key)
                    write(member, to: &json)
                }
            }
        }
    }

    @Test("Mêmes octets que l'arbre de valeurs, sur une ligne et indenté", arguments: [0, 2])
    func sameBytesAsTheTree(level: Int) {
        var random = SeededGenerator(seed: UInt64(level))  // the same trees at every run
        for _ in 0..<500 {
            let value = Self.tree(depth: 0, &random)
            var compact = JSONWriter(), indented = JSONWriter(indented: true, level: level)
            Self.write(value, to: &compact)
            Self.write(value, to: &indented)
            #expect(compact.bytes == value.compactBytes)
            #expect(indented.bytes == value.prettyBytes(level: level))
        }
    }

    @Test("Une liste d'objets, un par élément, s'écrit comme l'arbre qui la tient", arguments: [0, 1, 3])
    func objectsPerItem(count: Int) {
        let items = (0..<count).map { ("n\($0)", Double($0)) }
        let value = JSONValue.array(items.map { .object([("id", .string($0.0)), ("valeur", .number($0.1))]) })
        for indented in [false, true] {
            var json = JSONWriter(indented: indented)
            json.objects(items) { json, item in
                json.field("id", item.0)
                json.field("valeur", item.1)
            }
            #expect(json.bytes == (indented ? value.prettyBytes(level: 0) : value.compactBytes))
        }
    }
}
