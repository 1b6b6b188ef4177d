import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Every file showcase wrote in an output folder, with a fingerprint of its bytes (one line each:
/// `<fingerprint> <path>`, in the byte order of the paths), kept in the marker file. Nothing in it depends on
/// when the site was built: two builds of the same content give the same marker.
struct Manifest: Sendable, Equatable {
    static let header = "showcase 1"
    /// Keyed by the paths' bytes: two names the disk tells apart are two files.
    var files: [PathKey: String]
    /// Lines of the marker that were not followed, by line number (1-based) and text: a path that is not a
    /// plain relative path inside the site (`../content`, `/etc`, `a/../../b`, an empty component). The marker
    /// is a file anyone who can write the site can edit; trusting it would let the next build delete anything.
    private(set) var refusedLines: [(line: Int, text: String)] = []
    /// The paths of `files` in order, when read from a marker that listed them so: the next marker merges its
    /// few new paths into them instead of sorting 10 000 paths again.
    private var orderedPaths: [String]?

    init(files: [PathKey: String] = [:]) {
        self.files = files
    }

    /// `nil` for a marker from an older showcase, which did not list its files.
    init?(_ bytes: [UInt8]) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.elementsEqual(Self.header.utf8) else { return nil }
        var files: [PathKey: String] = [:], ordered: [String] = [], inOrder = true
        var refused: [(line: Int, text: String)] = []
        files.reserveCapacity(lines.count)
        ordered.reserveCapacity(lines.count)
        for (number, line) in zip(2..., lines) where !line.isEmpty {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            let path = String(decoding: line[(space + 1)...], as: UTF8.self)
            guard Path.isConfinedRelative(path), path != SiteWriter.markerName else {
                refused.append((number, String(decoding: line, as: UTF8.self)))
                continue
            }
            if let last = ordered.last, !last.precedesInBytes(path) { inOrder = false }
            ordered.append(path)
            files[PathKey(path)] = String(decoding: line[..<space], as: UTF8.self)
        }
        self.files = files
        orderedPaths = inOrder ? ordered : nil
        refusedLines = refused
    }

    static func == (left: Manifest, right: Manifest) -> Bool { left.files == right.files }

    /// The paths listed, in order when the marker listed them so.
    var paths: [String] { orderedPaths ?? files.keys.map(\.path) }

    var bytes: [UInt8] { bytes(after: nil) }

    /// The marker's bytes; `previous`, the marker this one replaces, spares sorting the paths both list.
    func bytes(after previous: Manifest?) -> [UInt8] {
        var out = Array(Self.header.utf8) + [UInt8(ascii: "\n")]
        out.reserveCapacity(files.count * 48)
        for (path, fingerprint) in lines(after: previous) {
            out += fingerprint.utf8
            out.append(UInt8(ascii: " "))
            out += path.utf8
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    private typealias Line = (path: String, fingerprint: String)

    private func lines(after previous: Manifest?) -> [Line] {
        let byPath = { (left: Line, right: Line) in left.path.precedesInBytes(right.path) }
        guard let previous, let ordered = previous.orderedPaths else {
            return files.map { Line($0.key.path, $0.value) }.sorted(by: byPath)
        }
        let kept = ordered.compactMap { path in files[PathKey(path)].map { Line(path, $0) } }
        let added = files.filter { previous.files[$0.key] == nil }.map { Line($0.key.path, $0.value) }.sorted(by: byPath)
        // Two runs in order, merged.
        var merged: [Line] = []
        merged.reserveCapacity(kept.count + added.count)
        var next = added.startIndex
        for line in kept {
            while next < added.endIndex, byPath(added[next], line) {
                merged.append(added[next])
                next += 1
            }
            merged.append(line)
        }
        merged += added[next...]
        return merged
    }
}
