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

    /// A record: new bytes, or a range of the previous file.
    package enum Piece {
        case fresh([UInt8])
        case previous(Range<Int>)
    }

    package func assemble(_ records: [[UInt8]]) -> [UInt8] {
        assemble(records.map(Piece.fresh), previous: []).bytes
    }

    /// The file, and where each record now lies in it.
    package func assemble(_ pieces: [Piece], previous: [UInt8]) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        if pieces.isEmpty, let whenEmpty { return (whenEmpty, []) }
        // Sized at once: grown by doubling, the 34 MB of JSON of 10 000 entries would briefly take three times that.
        let length = pieces.reduce(opening.count + closing.count + separator.count * max(pieces.count - 1, 0)) { total, piece in
            switch piece {
            case .fresh(let record): total + record.count
            case .previous(let range): total + range.count
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        bytes += opening
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(pieces.count)
        for (offset, piece) in pieces.enumerated() {
            if offset > 0 { bytes += separator }
            let start = bytes.count
            switch piece {
            case .fresh(let record): bytes += record
            case .previous(let range): bytes += previous[range]
            }
            ranges.append(start..<bytes.count)
        }
        bytes += closing
        return (bytes, ranges)
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
