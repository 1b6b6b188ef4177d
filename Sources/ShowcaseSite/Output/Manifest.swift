import ShowcaseFoundation

/// Every file showcase wrote in an output folder, with a fingerprint of its bytes (one line each:
/// `<fingerprint> <path>`, in the byte order of the paths), kept in the marker file. Nothing in it depends on
/// when the site was built: two builds of the same content give the same marker.
///
/// The previous marker, read back, gives each file a position: what the next build knows of a file (its stamp
/// in the build memory, whether it was kept) is kept by position, and each file of a site is looked up by its
/// path once per build.
struct Manifest: Sendable {
    static let header = "showcase 1"
    /// The paths listed, in the marker's order; a path listed twice counts once.
    let paths: [String]
    /// The fingerprint of each path, at the same position; `nil` when the marker's is not one showcase writes
    /// (a hand edit): it then matches no file.
    let fingerprints: [UInt64?]
    /// Whether `paths` are in byte order, as every marker showcase writes them.
    let isSorted: Bool
    /// Lines of the marker that were not followed, by line number (1-based) and text: a path that is not a
    /// plain relative path inside the site (`../content`, `/etc`, `a/../../b`, an empty component). The marker
    /// is a file anyone who can write the site can edit; trusting it would let the next build delete anything.
    let refusedLines: [(line: Int, text: String)]
    /// Keyed by the paths' bytes: two names the disk tells apart are two files.
    private let positions: [PathKey: Int]

    /// `nil` for a marker from an older showcase, which did not list its files.
    init?(_ bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.elementsEqual(Self.header.utf8) else { return nil }
        var paths: [String] = [], fingerprints: [UInt64?] = [], positions: [PathKey: Int] = [:], isSorted = true
        var refused: [(line: Int, text: String)] = []
        paths.reserveCapacity(lines.count)
        fingerprints.reserveCapacity(lines.count)
        positions.reserveCapacity(lines.count)
        for (number, line) in zip(2..., lines) where !line.isEmpty {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            let path = String(decoding: line[(space + 1)...], as: UTF8.self)
            guard Path.isConfinedRelative(path), path != SiteWriter.markerName else {
                refused.append((number, String(decoding: line, as: UTF8.self)))
                continue
            }
            let key = PathKey(path)
            guard positions[key] == nil else { continue }
            positions[key] = paths.count
            if let last = paths.last, !last.precedesInBytes(path) { isSorted = false }
            paths.append(path)
            fingerprints.append(ContentHash.value(ofHex: line[..<space]))
        }
        self.paths = paths
        self.fingerprints = fingerprints
        self.positions = positions
        self.isSorted = isSorted
        refusedLines = refused
    }

    var count: Int { paths.count }

    func position(of path: PathKey) -> Int? { positions[path] }

    /// A marker listing these files, given in byte order of their paths.
    static func bytes(_ lines: some Sequence<(path: String, fingerprint: UInt64)>, count: Int) -> [UInt8] {
        var out = Array(header.utf8) + [UInt8(ascii: "\n")]
        out.reserveCapacity(count * 48)
        for line in lines {
            ContentHash.appendHex(line.fingerprint, to: &out)
            out.append(UInt8(ascii: " "))
            out += line.path.utf8
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
