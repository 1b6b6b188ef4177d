/// A short fingerprint of a file's bytes (64 bits, in hexadecimal), to tell whether a file changed and to give
/// copied files names that change when their content does. Not a security hash: it only has to tell versions
/// of the same file apart. Eight bytes at a time, since it runs over every input and output file.
package enum ContentHash {
    package static func hex(_ bytes: [UInt8]) -> String {
        hex(bytes.withUnsafeBytes(hash))
    }

    /// Sixteen hexadecimal digits.
    package static func hex(_ value: UInt64) -> String {
        var digits: [UInt8] = []
        appendHex(value, to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    /// Sixteen hexadecimal digits at the end of `bytes`, as `hex` writes them.
    package static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 60, through: 0, by: -4) {
            let nibble = UInt8((value >> UInt64(shift)) & 0xF)
            bytes.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
        }
    }

    /// The value of sixteen hexadecimal digits in lower case, as `hex` writes them; `nil` for anything else.
    package static func value(ofHex digits: some Collection<UInt8>) -> UInt64? {
        guard digits.count == 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return value
    }

    package static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes(hash) }

    package static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var stream = Stream(length: buffer.count)
        stream.add(buffer)
        return stream.value
    }

    /// The same hash over bytes that come piece by piece (a data file written as it is assembled), equal to
    /// the one-shot hash of the whole: the total length, which the first state takes, must be known up front.
    package struct Stream {
        private var state: UInt64
        /// Bytes not yet making a whole word, first in the low byte.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        /// Trailing bytes, as the one-shot hash reads them (first in the high byte).
        private var tail: UInt64 = 0

        package init(length: Int) {
            state = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
        }

        package mutating func add(_ buffer: UnsafeRawBufferPointer) {
            var offset = 0
            // Complete a word begun by the previous piece, a byte at a time.
            while pendingCount > 0, offset < buffer.count {
                push(buffer[offset])
                offset += 1
            }
            while offset + 8 <= buffer.count {
                state = ContentHash.mix(state ^ UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
            while offset < buffer.count {
                push(buffer[offset])
                offset += 1
            }
        }

        package mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        /// The hash of every byte added, which must be the length given.
        package var value: UInt64 { ContentHash.mix(state ^ tail ^ 0xFF51_AFD7_ED55_8CCD) }

        private mutating func push(_ byte: UInt8) {
            pending |= UInt64(byte) << (8 * UInt64(pendingCount))
            tail = tail << 8 | UInt64(byte)
            pendingCount += 1
            if pendingCount == 8 {
                state = ContentHash.mix(state ^ pending)
                (pending, pendingCount, tail) = (0, 0, 0)
            }
        }
    }

    /// The 64-bit finaliser of MurmurHash3: every input bit affects every output bit.
    package static func mix(_ value: UInt64) -> UInt64 {
        var x = value &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        x &*= 0x94D0_49BB_1331_11EB
        return x ^ (x >> 29)
    }
}
