import ShowcaseFoundation

/// The files of the site being built, as they are written or kept, and what the marker and the build memory
/// will say of them. A file the previous marker listed is recorded at its position there (an array write); only
/// a new file is kept by path.
struct SiteListing: Sendable {
    struct Recorded: Sendable {
        var fingerprint: UInt64
        /// Its stamp once in place, when known: the next build trusts a file whose stamp did not change.
        var stamp: FileStamp?
    }

    /// What the new site's marker says, the stamps of its files in the marker's order, and the previous site's
    /// files it no longer has.
    struct Finished: Sendable {
        let marker: [UInt8]
        let stamps: [FileStamp?]
        let stale: [String]
    }

    let previous: Manifest?
    /// By position in the previous marker: each of its files the new site has.
    private var listed: [Recorded?]
    /// Files the previous marker does not list.
    private var added: [PathKey: Recorded] = [:]

    init(previous: Manifest?) {
        self.previous = previous
        listed = Array(repeating: nil, count: previous?.count ?? 0)
    }

    /// A file of the new site, at its position in the previous marker when it had one.
    mutating func record(_ path: PathKey, at position: Int?, _ file: Recorded) {
        if let position { listed[position] = file } else { added[path] = file }
    }

    func finished() -> Finished {
        let byPath = { (left: (path: String, file: Recorded), right: (path: String, file: Recorded)) in
            left.path.precedesInBytes(right.path)
        }
        let new = added.map { (path: $0.key.path, file: $0.value) }.sorted(by: byPath)
        var kept: [(path: String, file: Recorded)] = []
        var stale: [String] = []
        if let previous {
            kept.reserveCapacity(previous.count)
            for (position, file) in listed.enumerated() {
                if let file { kept.append((previous.paths[position], file)) } else { stale.append(previous.paths[position]) }
            }
        }
        let lines: [(path: String, file: Recorded)]
        if previous?.isSorted ?? true {
            // Two runs in order, merged: sorting 10 000 paths again costs milliseconds.
            var merged: [(path: String, file: Recorded)] = []
            merged.reserveCapacity(kept.count + new.count)
            var next = new.startIndex
            for line in kept {
                while next < new.endIndex, byPath(new[next], line) {
                    merged.append(new[next])
                    next += 1
                }
                merged.append(line)
            }
            merged += new[next...]
            lines = merged
        } else {
            lines = (kept + new).sorted(by: byPath)
        }
        return Finished(marker: Manifest.bytes(lines.lazy.map { ($0.path, $0.file.fingerprint) }, count: lines.count),
                        stamps: lines.map(\.file.stamp), stale: stale.sorted { $0.precedesInBytes($1) })
    }
}
