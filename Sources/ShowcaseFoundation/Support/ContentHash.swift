/// A short fingerprint of a file's bytes (64 bits, in hexadecimal), to tell whether a file changed and to give
/// copied files names that change when their content does. Not a security hash: it only has to tell versions
/// of the same file apart. Thirty-two bytes at a time, since it runs over every input and output file.
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
    ///
    /// Two lanes, each taking 16 bytes of a 32-byte block in one full-width multiplication (as wyhash does):
    /// one lane that mixed each word in turn made every word wait for two multiplications of the one before,
    /// and the hash ran at the speed of that chain (it reads every page, record and content file of a build).
    /// Four such lanes were turned by the compiler into vector code without 64-bit multiplication, slower still.
    package struct Stream {
        private var lanes: (UInt64, UInt64)
        /// Bytes not yet making a whole block, in the order they came.
        private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var pendingCount = 0

        package init(length: Int) {
            let seed = 0x9E37_79B9_7F4A_7C15 ^ UInt64(length)
            lanes = (seed, seed ^ 0xC2B2_AE3D_27D4_EB4F)
        }

        package mutating func add(_ buffer: UnsafeRawBufferPointer) {
            var offset = 0
            // Complete a block begun by the previous piece, a byte at a time.
            while pendingCount > 0, offset < buffer.count {
                push(buffer[offset])
                offset += 1
            }
            while offset + 32 <= buffer.count {
                mixBlock(word(buffer, offset), word(buffer, offset + 8), word(buffer, offset + 16), word(buffer, offset + 24))
                offset += 32
            }
            while offset < buffer.count {
                push(buffer[offset])
                offset += 1
            }
        }

        package mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

        /// The hash of every byte added, which must be the length given: the bytes of an unfinished block are
        /// mixed in their lanes, the lanes folded one into the next.
        package var value: UInt64 {
            var lanes = self.lanes
            if pendingCount > 0 { lanes.0 = Self.multiplyFold(pending.0 ^ Self.firstSecret, pending.1 ^ lanes.0) }
            if pendingCount > 16 { lanes.1 = Self.multiplyFold(pending.2 ^ Self.secondSecret, pending.3 ^ lanes.1) }
            let folded = ContentHash.mix(lanes.0 ^ UInt64(pendingCount))
            return ContentHash.mix(folded ^ lanes.1 ^ 0xFF51_AFD7_ED55_8CCD)
        }

        private func word(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
            UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }

        private mutating func mixBlock(_ first: UInt64, _ second: UInt64, _ third: UInt64, _ fourth: UInt64) {
            lanes.0 = Self.multiplyFold(first ^ Self.firstSecret, second ^ lanes.0)
            lanes.1 = Self.multiplyFold(third ^ Self.secondSecret, fourth ^ lanes.1)
        }

        /// wyhash's constants, one per lane: odd, with bits spread over the word.
        private static var firstSecret: UInt64 { 0xA076_1D64_78BD_642F }
        private static var secondSecret: UInt64 { 0x8EBC_6AF0_9C88_C6E3 }

        /// The 128-bit product of two words, its halves folded together: every bit of each reaches the result.
        private static func multiplyFold(_ first: UInt64, _ second: UInt64) -> UInt64 {
            let product = first.multipliedFullWidth(by: second)
            return product.high ^ product.low
        }

        private mutating func push(_ byte: UInt8) {
            let shifted = UInt64(byte) << (8 * UInt64(pendingCount % 8))
            switch pendingCount / 8 {
            case 0: pending.0 |= shifted
            case 1: pending.1 |= shifted
            case 2: pending.2 |= shifted
            default: pending.3 |= shifted
            }
            pendingCount += 1
            if pendingCount == 32 {
                mixBlock(pending.0, pending.1, pending.2, pending.3)
                (pending, pendingCount) = ((0, 0, 0, 0), 0)
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
