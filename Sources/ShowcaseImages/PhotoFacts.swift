/// What a photo's header says, read by libvips without decoding its pixels.
public struct PhotoFacts: Sendable, Equatable {
    /// As displayed: after its EXIF orientation (a portrait taken sideways is taller than wide).
    public let width: Int
    public let height: Int
    public let bands: Int
    /// More than 8 bits per band (16-bit PNG or TIFF-like data).
    public let isSixteenBits: Bool
    public let isCMYK: Bool
    /// Frames of an animation (GIF, WebP); 1 for a still photo.
    public let pages: Int
    /// The EXIF orientation (1 to 8), 1 when the file has none.
    public let orientation: Int
    /// The libvips loader that reads it (`VipsForeignLoadJpegBuffer`…).
    public let loader: String

    public var megapixels: Double { Double(width) * Double(height) / 1_000_000 }
    public var isAnimated: Bool { pages > 1 }
}

/// The formats a photo is published in: WebP for browsers that read it, JPEG for the others.
public enum PhotoFormat: String, Sendable, CaseIterable {
    case webp, jpeg

    public var fileExtension: String { self == .webp ? "webp" : "jpg" }
    public var mediaType: String { self == .webp ? "image/webp" : "image/jpeg" }
}

/// Why a photo could not be read or encoded.
public enum PhotoError: Error, Sendable, Equatable {
    /// libvips could not start: the machine lacks it.
    case library(String)
    /// The bytes are not an image libvips can read, or decoding failed midway.
    case unreadable(String)
}

/// Reads photos and makes their published variants.
public enum Photos {
    public static func facts(_ bytes: [UInt8]) -> Result<PhotoFacts, PhotoError> { Vips.facts(bytes) }

    static let webpQuality = 80, jpegQuality = 82

    /// All the published variants of a photo, decoded once and shrunk from its widest variant: the bytes of
    /// each of `variants`, in their order.
    public static func encode(_ bytes: [UInt8], as variants: [PublishedPhoto]) -> Result<[[UInt8]], PhotoError> {
        let widths = Array(Set(variants.map(\.width))).sorted(by: >)
        switch Vips.variants(bytes, widths: widths, webpQuality: webpQuality, jpegQuality: jpegQuality) {
        case .failure(let error): return .failure(error)
        case .success(let encoded):
            return .success(variants.map { variant in
                let index = 2 * widths.firstIndex(of: variant.width)! + (variant.format == .webp ? 0 : 1)
                return encoded[index]
            })
        }
    }
}

/// The widths a photo is published in, for `srcset`: the common ones below its own width, and its own width up
/// to the largest; never wider than the photo.
public enum PhotoWidths {
    public static let candidates = [480, 960, 1200, 1600]
    /// The width shared on social networks and messaging apps (`og:image`), when the photo is that wide.
    public static let sharing = 1200
    /// The width the page's column shows a photo at, on a wide screen (and on paper).
    public static let pageWidth = 960
    /// Narrower than this, a photo is blurred across the page's column.
    public static let minimumForPage = 960
    /// Beyond this, a photo is refused: decoding it would take hundreds of megabytes.
    public static let maximumMegapixels = 40.0

    public static func widths(for width: Int) -> [Int] {
        let below = candidates.filter { $0 < width }
        let own = min(width, candidates.last!)
        return below.contains(own) ? below : below + [own]
    }

    /// The height of a variant `width` pixels wide, as libvips rounds it.
    public static func height(ofWidth width: Int, original: (width: Int, height: Int)) -> Int {
        guard original.width > 0 else { return 0 }
        return max(1, Int((Double(original.height) * Double(width) / Double(original.width)).rounded()))
    }
}

/// One file a photo is published as: where, in which format, at which size.
public struct PublishedPhoto: Sendable, Equatable {
    /// `images/chantier-3f2a…-960.webp`: named by the photo's content, its width and format.
    public let path: String
    public let format: PhotoFormat
    public let width: Int
    public let height: Int

    public init(path: String, format: PhotoFormat, width: Int, height: Int) {
        self.path = path
        self.format = format
        self.width = width
        self.height = height
    }

    /// Every variant of a photo: each width of `PhotoWidths`, in WebP then JPEG.
    /// - Parameter base: `images/chantier-3f2a…`, the path without width and extension.
    public static func variants(base: String, facts: PhotoFacts) -> [PublishedPhoto] {
        PhotoFormat.allCases.flatMap { format in
            PhotoWidths.widths(for: facts.width).map { width in
                PublishedPhoto(path: "\(base)-\(width).\(format.fileExtension)", format: format, width: width,
                               height: PhotoWidths.height(ofWidth: width, original: (facts.width, facts.height)))
            }
        }
    }
}
