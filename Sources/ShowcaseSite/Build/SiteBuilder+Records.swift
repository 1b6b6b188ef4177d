import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Step 2 of a build: the files made of one record per entry (`RecordKind`).
extension SiteBuilder {
    /// Writes each data file whose records changed, from the new records and the previous file's others; each
    /// file's records are let go once it is written, so that those of the search index and the CSV are gone by
    /// the time the 34 MB of JSON of 10 000 entries are put together.
    /// - Returns: where each entry's record now lies in each file (by kind, then by content position), and each
    ///   file's fingerprint.
    func writeRecordFiles(_ entries: inout Entries, homeOrder: [Int], memory: BuildMemory?, renderer: SiteRenderer,
                          sink: SiteSink) throws(BuildError) -> (slots: [[RecordSlot]], fingerprints: [UInt64]) {
        var slots: [[RecordSlot]] = []
        var fingerprints: [UInt64] = []
        for kind in RecordKind.allCases {
            let order = kind.followsHomeOrder ? homeOrder : Array(entries.contents.indices)
            let file = renderer.recordFile(kind)
            let records = order.map { position -> (fresh: [UInt8]?, slot: RecordSlot?) in
                if let rendered = entries.rendered[position] { return (rendered.records[kind.rawValue], nil) }
                guard case .remembered(let remembered) = entries.contents[position] else { return (nil, nil) }
                return (nil, remembered.records[kind.rawValue])
            }
            let recordFingerprints = records.map { $0.fresh.map(ContentHash.hash) ?? $0.slot?.fingerprint ?? 0 }
            let fingerprint = file.fingerprint(records: recordFingerprints)
            fingerprints.append(fingerprint)

            var ranges: [Range<Int>]
            if memory?.recordFiles[kind.rawValue] == fingerprint, sink.has(kind.file) {
                // Unchanged: where each record lies follows from the lengths alone.
                ranges = []
                var offset = file.opening.count
                for record in records {
                    let length = record.fresh?.count ?? record.slot?.range.count ?? 0
                    ranges.append(offset..<offset + length)
                    offset += length + file.separator.count
                }
                sink.keep([kind.file])
            } else {
                var previous: [UInt8] = []
                if records.contains(where: { $0.fresh == nil }) {
                    guard let bytes = sink.previous(kind.file) else { throw .memoryUnusable }
                    previous = bytes
                }
                let pieces = try records.map { record throws(BuildError) -> RecordFile.Piece in
                    if let fresh = record.fresh { return .fresh(fresh) }
                    guard let range = record.slot?.range, range.upperBound <= previous.count else { throw .memoryUnusable }
                    return .previous(range)
                }
                let assembled = file.assemble(pieces, previous: previous)
                ranges = assembled.ranges
                try wrap { () throws(EnvironmentError) in try sink.write(kind.file, assembled.bytes) }
            }
            for index in entries.rendered.indices { entries.rendered[index]?.records[kind.rawValue] = [] }
            // Remembered by content position, whatever order the file follows.
            var byPosition = Array(repeating: RecordSlot(range: 0..<0, fingerprint: 0), count: entries.contents.count)
            for (rank, position) in order.enumerated() {
                byPosition[position] = RecordSlot(range: ranges[rank], fingerprint: recordFingerprints[rank])
            }
            slots.append(byPosition)
        }
        return (slots, fingerprints)
    }
}
