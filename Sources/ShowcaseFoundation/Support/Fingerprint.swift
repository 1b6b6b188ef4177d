/// A 64-bit fingerprint of several values taken in turn (texts, numbers, bytes, other fingerprints), to tell
/// whether what a page is made of changed since the previous build. Like `ContentHash`, not a security hash.
package struct Fingerprint: Sendable, Hashable {
    package private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    package init() {}

    package mutating func add(_ number: UInt64) {
        value = ContentHash.mix(value ^ number) &+ 0x9E37_79B9_7F4A_7C15
    }

    package mutating func add(_ number: Int) { add(UInt64(bitPattern: Int64(number))) }

    package mutating func add(_ number: Double) { add(number.bitPattern) }

    package mutating func add(_ flag: Bool) { add(flag ? 1 as UInt64 : 2) }

    /// Its length first, so that `"ab" + "c"` and `"a" + "bc"` differ.
    package mutating func add(_ text: String) {
        var text = text
        add(UInt64(text.utf8.count))
        add(text.withUTF8 { ContentHash.hash(UnsafeRawBufferPointer($0)) })
    }

    package mutating func add(_ text: String?) {
        add(text != nil)
        if let text { add(text) }
    }

    package mutating func add(_ bytes: [UInt8]) {
        add(UInt64(bytes.count))
        add(ContentHash.hash(bytes))
    }
}
