import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates

/// A file of the site made of one record per entry between a fixed opening and closing: the open data as CSV
/// and as JSON, and the search index. An incremental build writes the records that changed and copies the
/// others from the previous file, by the positions it remembered.
package struct RecordFile: Sendable {
    package let opening: [UInt8]
    package let separator: [UInt8]
    let closing: [UInt8]
    /// The whole file when there is no record (`[]` rather than an empty pair of lines).
    let whenEmpty: [UInt8]?

    init(opening: [UInt8], separator: [UInt8], closing: [UInt8], whenEmpty: [UInt8]? = nil) {
        self.opening = opening
        self.separator = separator
        self.closing = closing
        self.whenEmpty = whenEmpty
    }

    /// A record: bytes put aside in the build's scratch file, or a range of the previous file.
    package enum Piece {
        case spooled(Range<Int>)
        case previous(Range<Int>)
    }

    /// The whole file, from records in memory (`showcase export`).
    package func assemble(_ records: [[UInt8]]) -> [UInt8] {
        if records.isEmpty, let whenEmpty { return whenEmpty }
        var bytes = opening
        for (offset, record) in records.enumerated() {
            if offset > 0 { bytes += separator }
            bytes += record
        }
        return bytes + closing
    }

    /// The file's length for records of these lengths, and where each record lies in it.
    package func layout(_ lengths: [Int]) -> (length: Int, ranges: [Range<Int>]) {
        if lengths.isEmpty, let whenEmpty { return (whenEmpty.count, []) }
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(lengths.count)
        var offset = opening.count
        for (rank, length) in lengths.enumerated() {
            if rank > 0 { offset += separator.count }
            ranges.append(offset..<offset + length)
            offset += length
        }
        return (offset + closing.count, ranges)
    }

    /// Writes the file piece by piece (`layout` gives its length), each record read from the scratch file or
    /// the previous file: 34 MB of JSON for 10 000 entries never stand whole in memory.
    package func write(_ pieces: [Piece], spool: some RandomAccessBytes, previous: (any RandomAccessBytes)?,
                       to file: StreamedFile) throws(FileSystemError) {
        if pieces.isEmpty, let whenEmpty { return try file.append(whenEmpty) }
        try file.append(opening)
        var rank = 0
        while rank < pieces.count {
            if rank > 0 { try file.append(separator) }
            switch pieces[rank] {
            case .spooled(let range):
                try file.append(try spool.read(range))
                rank += 1
            case .previous(let range):
                guard let previous else { preconditionFailure("a record of the previous file, without the file") }
                // Records that followed each other in the previous file, separators included, are copied as one
                // run, a megabyte at a time: after one edit, nearly the whole file is such a run.
                var end = range.upperBound
                rank += 1
                while rank < pieces.count, case .previous(let next) = pieces[rank], next.lowerBound == end + separator.count {
                    end = next.upperBound
                    rank += 1
                }
                for start in stride(from: range.lowerBound, to: end, by: 1 << 20) {
                    try file.append(try previous.read(start..<min(start + (1 << 20), end)))
                }
            }
        }
        try file.append(closing)
    }

    /// What the file is made of, from the fingerprints of its records in order: equal fingerprints, equal bytes.
    package func fingerprint(records: [UInt64]) -> UInt64 {
        var fingerprint = Fingerprint()
        fingerprint.add(opening)
        fingerprint.add(separator)
        fingerprint.add(closing)
        fingerprint.add(whenEmpty ?? [])
        fingerprint.add(records.count)
        for record in records { fingerprint.add(record) }
        return fingerprint.value
    }
}
