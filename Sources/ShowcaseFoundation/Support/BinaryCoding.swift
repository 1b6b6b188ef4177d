/// A compact binary encoding for what a build remembers between runs (`.showcase-cache/`): variable-length
/// integers, length-prefixed UTF-8 texts. Written and read field by field, in the same order, by the types that
/// are remembered; reading stops at the first inconsistency, and the build then starts from scratch.
package struct BinaryWriter {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func write(_ number: UInt64) {
        var rest = number
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    package mutating func write(_ number: Int) { write(UInt64(bitPattern: Int64(number))) }

    package mutating func write(_ number: Double) { write(number.bitPattern) }

    package mutating func write(_ flag: Bool) { bytes.append(flag ? 1 : 0) }

    package mutating func write(_ text: String) {
        write(text.utf8.count)
        bytes += text.utf8
    }

    package mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    package mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }

    /// A count, then each item as `each` writes it.
    package mutating func write<Item>(_ items: [Item], _ each: (inout BinaryWriter, Item) -> Void) {
        write(items.count)
        for item in items { each(&self, item) }
    }

    /// Whether there is an item, then the item as `each` writes it.
    package mutating func write<Item>(_ item: Item?, _ each: (inout BinaryWriter, Item) -> Void) {
        write(item != nil)
        if let item { each(&self, item) }
    }

    /// Bytes as they are, without a length: a header.
    package mutating func append(raw: [UInt8]) { bytes += raw }

    package mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }
}

/// The encoding was cut short or does not match what was expected.
package struct MalformedBinary: Error {
    package init() {}
}

package struct BinaryReader {
    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    package init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    package var isAtEnd: Bool { offset == bytes.endIndex }

    package mutating func readUInt64() throws(MalformedBinary) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw MalformedBinary() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    package mutating func readInt() throws(MalformedBinary) -> Int { Int(Int64(bitPattern: try readUInt64())) }

    /// A count of items to follow, which cannot exceed the bytes left (so that a damaged file cannot ask for
    /// an absurd allocation).
    package mutating func readCount() throws(MalformedBinary) -> Int {
        let count = try readInt()
        guard count >= 0, count <= bytes.endIndex - offset else { throw MalformedBinary() }
        return count
    }

    package mutating func readDouble() throws(MalformedBinary) -> Double { Double(bitPattern: try readUInt64()) }

    package mutating func readBool() throws(MalformedBinary) -> Bool {
        guard offset < bytes.endIndex, bytes[offset] <= 1 else { throw MalformedBinary() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func readString() throws(MalformedBinary) -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }

    /// Passes over a text without decoding it.
    package mutating func skipString() throws(MalformedBinary) {
        offset += try readCount()
    }

    /// What has not been read yet.
    package var rest: ArraySlice<UInt8> { bytes[offset...] }

    package mutating func readOptionalString() throws(MalformedBinary) -> String? {
        try readBool() ? try readString() : nil
    }

    package mutating func readStrings() throws(MalformedBinary) -> [String] {
        var texts: [String] = []
        for _ in 0..<(try readCount()) { texts.append(try readString()) }
        return texts
    }

    /// As `BinaryWriter.write(_:_:)` wrote a list.
    package mutating func readArray<Item>(_ each: (inout BinaryReader) throws(MalformedBinary) -> Item) throws(MalformedBinary) -> [Item] {
        let count = try readCount()
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try each(&self)) }
        return items
    }

    /// As `BinaryWriter.write(_:_:)` wrote an optional item.
    package mutating func readOptional<Item>(_ each: (inout BinaryReader) throws(MalformedBinary) -> Item) throws(MalformedBinary) -> Item? {
        try readBool() ? try each(&self) : nil
    }
}
