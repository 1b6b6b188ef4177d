import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Step 2 of a build: the files made of one record per entry (`RecordKind`).
extension SiteBuilder {
    /// Writes each data file whose records changed, streamed from the records put aside as entries were
    /// rendered and from the previous file's others: one task per file, the files being independent.
    /// - Returns: where each entry's record now lies in each file (by kind, then by content position), and each
    ///   file's fingerprint.
    func writeRecordFiles(_ entries: Entries, spool: ScratchFile, homeOrder: [Int], memory: BuildMemory?, renderer: SiteRenderer,
                          sink: SiteSink) async throws(BuildError) -> (slots: [[RecordSlot]], fingerprints: [UInt64]) {
        let results = await RecordKind.allCases.concurrentMap { kind -> Result<(slots: [RecordSlot], fingerprint: UInt64), BuildError> in
            do throws(BuildError) {
                return .success(try writeRecordFile(kind, entries, spool: spool, homeOrder: homeOrder, memory: memory,
                                                    renderer: renderer, sink: sink))
            } catch {
                return .failure(error)
            }
        }
        var slots: [[RecordSlot]] = [], fingerprints: [UInt64] = []
        for result in results {
            let file = try result.get()
            slots.append(file.slots)
            fingerprints.append(file.fingerprint)
        }
        return (slots, fingerprints)
    }

    private func writeRecordFile(_ kind: RecordKind, _ entries: Entries, spool: ScratchFile, homeOrder: [Int], memory: BuildMemory?,
                                 renderer: SiteRenderer, sink: SiteSink) throws(BuildError) -> (slots: [RecordSlot], fingerprint: UInt64) {
        let order = kind.followsHomeOrder ? homeOrder : Array(entries.contents.indices)
        let file = renderer.recordFile(kind)
        let records = order.map { position -> (spooled: RecordSlot?, previous: RecordSlot?) in
            if let rendered = entries.rendered[position] { return (rendered.spooled[kind.rawValue], nil) }
            guard case .remembered(let remembered) = entries.contents[position] else { return (nil, nil) }
            return (nil, remembered.records[kind.rawValue])
        }
        let recordFingerprints = records.map { ($0.spooled ?? $0.previous)?.fingerprint ?? 0 }
        let fingerprint = file.fingerprint(records: recordFingerprints)
        let (length, ranges) = file.layout(records.map { ($0.spooled ?? $0.previous)?.range.count ?? 0 })

        if memory?.recordFiles[kind.rawValue] == fingerprint, sink.has(kind.file) {
            sink.keep([kind.file])
        } else {
            var previous: (any RandomAccessBytes)?
            if records.contains(where: { $0.spooled == nil }) {
                guard let file = sink.previous(kind.file) else { throw .memoryUnusable }
                previous = file
            }
            let pieces = try records.map { record throws(BuildError) -> RecordFile.Piece in
                if let spooled = record.spooled { return .spooled(spooled.range) }
                guard let range = record.previous?.range, let previous, range.upperBound <= previous.count else {
                    throw .memoryUnusable
                }
                return .previous(range)
            }
            try wrap { () throws(EnvironmentError) in
                try sink.write(kind.file, length: length) { output throws(FileSystemError) in
                    try file.write(pieces, spool: spool, previous: previous, to: output)
                }
            }
        }
        // Remembered by content position, whatever order the file follows.
        var byPosition = Array(repeating: RecordSlot(range: 0..<0, fingerprint: 0), count: entries.contents.count)
        for (rank, position) in order.enumerated() {
            byPosition[position] = RecordSlot(range: ranges[rank], fingerprint: recordFingerprints[rank])
        }
        return (byPosition, fingerprint)
    }
}
