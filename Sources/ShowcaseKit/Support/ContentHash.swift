/// A short fingerprint of a file's bytes (64-bit FNV-1a, in hexadecimal), to give copied files names that
/// change when their content does. Not a security hash: it only has to tell versions of the same file apart.
public enum ContentHash {
    public static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}
