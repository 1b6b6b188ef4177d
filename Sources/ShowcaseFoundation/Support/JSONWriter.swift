/// JSON written straight into bytes as it is produced, laid out exactly as `JSONValue` lays it out (members in
/// the order written; on one line, or indented by two spaces): the open data and the search index write one
/// record per entry, and building a tree of values first cost an allocation per field.
///
/// Inside an object, each value follows its `key`; inside an array, values follow each other.
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []
    private let indented: Bool
    private let level: Int
    /// How many values each open container holds so far, outermost first.
    private var counts: [Int] = []
    /// A key was just written: the next value is its value, not a new element.
    private var afterKey = false

    /// - Parameters:
    ///   - indented: two spaces per level, as `JSONValue.prettyBytes(level:)`; else on one line.
    ///   - level: the depth the first value sits at in a larger document.
    package init(indented: Bool = false, level: Int = 0, capacity: Int = 512) {
        self.indented = indented
        self.level = level
        bytes.reserveCapacity(capacity)
        counts.reserveCapacity(8)
    }

    // MARK: Values

    package mutating func string(_ text: String) {
        beginValue()
        JSONValue.appendQuoted(text, to: &bytes)
    }

    /// The text, or `null`.
    package mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    package mutating func number(_ value: Double) {
        beginValue()
        bytes += MachineNumber.format(value).utf8
    }

    package mutating func number(_ value: Int) {
        beginValue()
        bytes += String(value).utf8
    }

    package mutating func bool(_ value: Bool) {
        beginValue()
        bytes += (value ? "true" : "false").utf8
    }

    package mutating func null() {
        beginValue()
        bytes += "null".utf8
    }

    package mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    package mutating func array(_ elements: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        elements(&self)
        close(UInt8(ascii: "]"))
    }

    package mutating func strings(_ texts: [String]) {
        array { for text in texts { $0.string(text) } }
    }

    /// An array holding one object per item, whose members `members` writes.
    package mutating func objects<Item>(_ items: some Sequence<Item>, _ members: (inout JSONWriter, Item) -> Void) {
        array { json in
            for item in items { json.object { members(&$0, item) } }
        }
    }

    // MARK: Members

    /// The name of the object's next member; its value is written next.
    package mutating func key(_ name: String) {
        separate()
        JSONValue.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if indented { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    package mutating func field(_ name: String, _ text: String) {
        key(name)
        string(text)
    }

    package mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    package mutating func field(_ name: String, _ value: Double) {
        key(name)
        number(value)
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !counts.isEmpty {
            separate()
        }
    }

    /// The comma before every value but a container's first, then its line.
    private mutating func separate() {
        if counts[counts.count - 1] > 0 { bytes.append(UInt8(ascii: ",")) }
        counts[counts.count - 1] += 1
        newline(depth: counts.count)
    }

    private mutating func open(_ bracket: UInt8) {
        beginValue()
        bytes.append(bracket)
        counts.append(0)
    }

    /// An empty container is `[]` or `{}`; a full one closes on its own line.
    private mutating func close(_ bracket: UInt8) {
        if counts.removeLast() > 0 { newline(depth: counts.count) }
        bytes.append(bracket)
    }

    private mutating func newline(depth: Int) {
        guard indented else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (level + depth)))
    }
}
