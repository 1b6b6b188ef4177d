import CVipsShim
import ShowcaseFoundation

/// libvips, through the C shim: the only file that imports it. Every buffer it returns is copied and freed here.
enum Vips {
    /// What the header of a photo says, or why it could not be read.
    static func facts(_ bytes: [UInt8]) -> Result<PhotoFacts, PhotoError> {
        guard showcase_vips_start() == 0 else { return .failure(.library(lastError())) }
        var raw = showcase_photo_facts()
        let status = bytes.withUnsafeBytes { buffer in
            showcase_vips_facts(buffer.baseAddress, buffer.count, &raw)
        }
        guard status == 0 else { return .failure(.unreadable(lastError())) }
        let loader = withUnsafeBytes(of: raw.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return .success(PhotoFacts(width: Int(raw.width), height: Int(raw.height), bands: Int(raw.bands),
                                   isSixteenBits: raw.sixteen_bits != 0, isCMYK: raw.cmyk != 0, pages: Int(raw.pages),
                                   orientation: Int(raw.orientation), loader: loader))
    }

    /// Every width of one photo, decoded once: for each width, widest first, the WebP then the JPEG.
    static func variants(_ bytes: [UInt8], widths: [Int], webpQuality: Int, jpegQuality: Int) -> Result<[[UInt8]], PhotoError> {
        guard showcase_vips_start() == 0 else { return .failure(.library(lastError())) }
        let sizes = widths.map { Int32($0) }
        var outputs = [showcase_encoded](repeating: showcase_encoded(), count: 2 * widths.count)
        let status = bytes.withUnsafeBytes { buffer in
            sizes.withUnsafeBufferPointer { widths in
                showcase_vips_variants(buffer.baseAddress, buffer.count, widths.baseAddress, Int32(widths.count),
                                       Int32(webpQuality), Int32(jpegQuality), &outputs)
            }
        }
        defer { for output in outputs where output.bytes != nil { showcase_vips_free(output.bytes) } }
        guard status == 0 else { return .failure(.unreadable(lastError())) }
        return .success(outputs.enumerated().map { index, output in
            let encoded = Array(UnsafeRawBufferPointer(start: output.bytes, count: output.length))
            return index % 2 == 0 ? WebPMetadata.stripped(encoded) : encoded
        })
    }

    private static func lastError() -> String {
        let message = showcase_vips_error().map { String(cString: $0) } ?? ""
        showcase_vips_clear_error()
        return message.trimmingWhitespace
    }
}
