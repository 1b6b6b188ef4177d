/// A short fingerprint of a file's bytes (64 bits, in hexadecimal), to tell whether a file changed and to give
/// copied files names that change when their content does. Not a security hash: it only has to tell versions
/// of the same file apart. Eight bytes at a time, since it runs over every input and output file.
package enum ContentHash {
    package static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes.withUnsafeBytes(hash))
    }

    /// Sixteen hexadecimal digits.
    package static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }

    package static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(hash) }

    package static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count)
        var offset = 0
        while offset + 8 <= buffer.count {
            state = mix(state ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<buffer.count { tail = tail << 8 | UInt64(buffer[index]) }
        return mix(state ^ tail ^ 0xFF51_AFD7_ED55_8CCD)
    }

    /// The 64-bit finaliser of MurmurHash3: every input bit affects every output bit.
    package static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x &*= 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
