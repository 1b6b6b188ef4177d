/// Removes the metadata chunks (EXIF, XMP, ICC profile) of a WebP file: libvips 8.14 writes them even when asked
/// to strip, and a published photo must carry nothing but its pixels.
enum WebPMetadata {
    private static let removed: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// The file without those chunks, its `VP8X` flags and RIFF size updated; the bytes unchanged when they are not
    /// a WebP file this understands.
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WEBP".utf8) else {
            return bytes
        }
        var body: [UInt8] = Array("WEBP".utf8)
        var index = 12
        while index + 8 <= bytes.count {
            let name = String(decoding: bytes[index..<index + 4], as: UTF8.self)
            let size = Int(bytes[index + 4]) | Int(bytes[index + 5]) << 8 | Int(bytes[index + 6]) << 16 | Int(bytes[index + 7]) << 24
            let end = index + 8 + size + (size % 2)
            guard end <= bytes.count || index + 8 + size == bytes.count else { return bytes }
            if !removed.contains(name) {
                var chunk = Array(bytes[index..<min(end, bytes.count)])
                // VP8X flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                body += chunk
            }
            index = end
        }
        let size = UInt32(body.count)
        return Array("RIFF".utf8) + (0..<4).map { UInt8(truncatingIfNeeded: size >> (8 * UInt32($0))) } + body
    }
}
