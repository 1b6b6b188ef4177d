#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation

/// A YAML document as `YAMLReader` read it: every node in one flat list, in the order written, and every
/// scalar's text in one byte buffer, made into a `String` only when the schema asks for it.
///
/// A fiche's front matter holds a few hundred values, read by the tens of thousands: built as a tree, each value
/// cost a node, a string and an array of its children. Here a file costs two arrays, whatever its size.
package final class YAMLDocument: Sendable {
    /// One node. A container's children follow it; `end` is the position after its last descendant, so that
    /// a reader steps from one child to the next without walking what each holds.
    struct Entry {
        enum Shape: UInt8 { case scalar, quotedScalar, mapping, sequence, alias }

        var shape: Shape
        var location: SourceLocation
        /// A scalar's text in `bytes`; an alias's target (an earlier, finished node) in `start`.
        var start: Int
        var count: Int
        var end: Int
        /// Nodes counted once aliases are expanded: what reading this node again through an alias costs.
        var size: Int
        /// Whether a scalar's text is plain ASCII (then its bytes alone say which name it is).
        var isASCII = true
    }

    let entries: [Entry]
    let bytes: [UInt8]

    init(entries: [Entry], bytes: [UInt8]) {
        self.entries = entries
        self.bytes = bytes
    }

    /// The node an entry stands for: an alias's target, any other entry itself.
    func resolved(_ index: Int) -> Int {
        entries[index].shape == .alias ? entries[index].start : index
    }

    /// The text of the scalar at `index`.
    func text(_ index: Int) -> String {
        Self.text(of: entries[index], in: bytes)
    }

    static func text(of entry: Entry, in bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: $0[entry.start..<entry.start + entry.count], as: UTF8.self) }
    }

    /// Whether the scalar at `index` is written `name`, compared byte for byte: the schema's names are plain
    /// ASCII, so this is what comparing them as strings would say, without making one per key.
    func text(_ index: Int, is name: String) -> Bool {
        let entry = entries[index]
        guard name.utf8.count == entry.count else { return false }
        guard entry.count > 0 else { return true }
        return bytes.withUnsafeBufferPointer { bytes in
            let written = bytes[entry.start..<entry.start + entry.count]
            return name.utf8.withContiguousStorageIfAvailable { wanted in
                memcmp(wanted.baseAddress!, bytes.baseAddress! + entry.start, entry.count) == 0
            } ?? name.utf8.elementsEqual(written)
        }
    }

    /// The positions of a container's children (keys and values alternating for a mapping), aliases as written.
    func children(of index: Int) -> [Int] {
        var children: [Int] = []
        children.reserveCapacity(entries[index].count * (entries[index].shape == .mapping ? 2 : 1))
        var child = index + 1
        while child < entries[index].end {
            children.append(child)
            child = entries[child].end
        }
        return children
    }
}

/// One value of a `YAMLDocument`, with the place it was written.
///
/// Scalars stay text: what `9000` or `2025-12-17` means is decided by the schema that expects it, not guessed
/// by the parser (so `"47"` and `47` are both the département code 47, and a word where a number is expected
/// can be reported with its exact position).
package struct YAMLNode: Sendable {
    package enum Shape: Sendable { case scalar, mapping, sequence }

    let document: YAMLDocument
    /// Never an alias: aliases are resolved to their target when a node is made.
    let index: Int

    init(_ document: YAMLDocument, _ index: Int) {
        self.document = document
        self.index = document.resolved(index)
    }

    /// An empty mapping written at `location`: a fiche without front matter reads as one.
    package static func emptyMapping(at location: SourceLocation) -> YAMLNode {
        YAMLNode(YAMLDocument(entries: [.init(shape: .mapping, location: location, start: 0, count: 0, end: 1, size: 1)], bytes: []), 0)
    }

    private var entry: YAMLDocument.Entry { document.entries[index] }

    package var location: SourceLocation { entry.location }

    /// Nodes in this value once aliases are expanded, itself included.
    package var size: Int { entry.size }

    package var shape: Shape {
        switch entry.shape {
        case .scalar, .quotedScalar, .alias: return .scalar
        case .mapping: return .mapping
        case .sequence: return .sequence
        }
    }

    /// A scalar's text as written (escapes decoded); `nil` for a mapping or a sequence.
    package var text: String? {
        shape == .scalar ? document.text(index) : nil
    }

    /// Whether a scalar was written between quotes (`"47"`): then it is text, never a number.
    package var isQuoted: Bool { entry.shape == .quotedScalar }

    /// A sequence's items; none for anything else.
    package var items: [YAMLNode] {
        guard entry.shape == .sequence else { return [] }
        return document.children(of: index).map { YAMLNode(document, $0) }
    }

    /// A mapping's pairs in the order written, each key with its place; none for anything else.
    package var pairs: [(key: Located<String>, value: YAMLNode)] {
        guard entry.shape == .mapping else { return [] }
        let children = document.children(of: index)
        return stride(from: 0, to: children.count - 1, by: 2).map { position in
            (key(children[position]), YAMLNode(document, children[position + 1]))
        }
    }

    /// The pair whose key is `name`, in a mapping; looked up without making a string of each key.
    package func pair(named name: String) -> (key: Located<String>, value: YAMLNode)? {
        guard entry.shape == .mapping else { return nil }
        var child = index + 1
        while child < entry.end {
            let value = document.entries[child].end
            if document.text(document.resolved(child), is: name) { return (key(child), YAMLNode(document, value)) }
            child = document.entries[value].end
        }
        return nil
    }

    /// The pairs of a mapping whose keys are none of `names`, in the order written.
    package func pairs(outside names: [String]) -> [(key: Located<String>, value: YAMLNode)] {
        guard entry.shape == .mapping else { return [] }
        var outside: [(key: Located<String>, value: YAMLNode)] = []
        var child = index + 1
        while child < entry.end {
            let resolved = document.resolved(child), value = document.entries[child].end
            if !names.contains(where: { document.text(resolved, is: $0) }) { outside.append((key(child), YAMLNode(document, value))) }
            child = document.entries[value].end
        }
        return outside
    }

    /// Where a mapping's first key is written; `nil` for an empty mapping or anything else.
    package var firstKeyLocation: SourceLocation? {
        guard entry.shape == .mapping, entry.end > index + 1 else { return nil }
        return key(index + 1).location
    }

    /// A key with its place, as wide as its text (without its quotes).
    private func key(_ child: Int) -> Located<String> {
        let node = YAMLNode(document, child)
        let name = document.text(node.index)
        var location = node.location
        location.length = max(1, name.unicodeScalars.count)
        return Located(name, at: location)
    }

    /// A plain scalar that YAML reads as "nothing": empty, `~` or `null`.
    package var isNull: Bool {
        guard entry.shape == .scalar else { return false }
        return entry.count == 0 || document.text(index, is: "~") || document.text(index, is: "null")
    }

    /// What this node is, in words for a diagnostic: « du texte », « une liste »…
    package var kindDescription: String {
        switch shape {
        case .scalar: return isNull ? "une valeur vide" : "du texte"
        case .mapping: return "un groupe de champs"
        case .sequence: return "une liste"
        }
    }
}
