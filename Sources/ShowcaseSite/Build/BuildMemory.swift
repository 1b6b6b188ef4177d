import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// What a build remembers for the next one, so that after one edit only the pages that change are rendered
/// again: for each content file, how to tell it has not changed and what lists need of it; the plan of the pages
/// that list entries, and the fingerprint of what each of them and each data file was made of.
///
/// `showcase build` keeps it in `.showcase-cache/` (`BuildCache`), `showcase serve` in memory. It is only
/// valid with the same configuration, catalogue and templates (`settingsHash`), and, on disk, with the site
/// the build left (`siteMarker`, the fingerprint of its marker file).
struct BuildMemory: Sendable {
    var settingsHash: String
    /// The first day a result under embargo may be shown (`2025-12-04`), empty when none was held back: from
    /// that day on, the pages it left are out of date, and the memory is not used.
    var embargoLifts: String = ""
    /// The output folder, resolved.
    var output: String
    var siteMarker: UInt64
    /// The stamp of each file of the site as the build left it, in its marker's order: one whose stamp changed
    /// since was touched by someone else, and is written again.
    var siteStamps: [FileStamp?] = []
    /// In content path order.
    var entries: [RememberedEntry]
    /// The digest of the summaries the pages were planned from, the pages planned, and the home page's order
    /// (positions in the content order), which the search index follows.
    var planDigest: UInt64
    var layouts: [PageLayout]
    var homeOrder: [Int]
    /// By file of the site: each page that lists entries.
    var pages: [String: UInt64]
    /// By `RecordKind`: each data file's fingerprint.
    var recordFiles: [UInt64]
}

/// Where an entry's record lies in a data file (or, until the files are written, in the build's scratch file),
/// and the record's fingerprint.
struct RecordSlot: Sendable, Equatable {
    var range: Range<Int>
    var fingerprint: UInt64
}

/// One content file as the previous build left it. Only files that gave no diagnostic are remembered: a warning
/// must be shown again at every build. Its summary stays encoded, or in the summaries file, until a build needs
/// to plan pages again.
final class RememberedEntry: Sendable {
    /// `nil` when the file was modified too recently for its stamp to prove anything: it is read again.
    let stamp: FileStamp?
    let sourceHash: UInt64
    /// The photos it names (project paths) and their stamps.
    let images: [(path: String, stamp: FileStamp?)]
    let key: EntryKey
    let summary: StoredSummary
    /// The fingerprint of the summary's bytes.
    let summaryHash: UInt64
    /// In `RecordKind` order.
    let records: [RecordSlot]

    init(stamp: FileStamp?, sourceHash: UInt64, images: [(path: String, stamp: FileStamp?)], key: EntryKey,
         summary: StoredSummary, summaryHash: UInt64, records: [RecordSlot]) {
        self.stamp = stamp
        self.sourceHash = sourceHash
        self.images = images
        self.key = key
        self.summary = summary
        self.summaryHash = summaryHash
        self.records = records
    }

    func with(stamp: FileStamp?) -> RememberedEntry {
        RememberedEntry(stamp: stamp, sourceHash: sourceHash, images: images, key: key, summary: summary,
                        summaryHash: summaryHash, records: records)
    }

    /// The same entry when its records stay where they were: 10 000 entries are carried from build to build.
    func with(records: [RecordSlot]) -> RememberedEntry {
        if records == self.records { return self }
        return RememberedEntry(stamp: stamp, sourceHash: sourceHash, images: images, key: key, summary: summary,
                               summaryHash: summaryHash, records: records)
    }

    func decodedSummary() throws(MalformedBinary) -> EntrySummary {
        try EntrySummary(encoded: summary.bytes())
    }
}

extension BuildMemory {
    static let header = Array("showcase-cache 12\n".utf8)

    /// What a memory file holds: a memory, one from another version of showcase (not an error: the next build is
    /// a complete one), or one whose checksum or structure is wrong (a damaged disk, a hand edit).
    enum Reading {
        case usable(BuildMemory)
        case otherVersion
        case damaged
    }

    /// The memory in `bytes`, after its checksum: the last eight bytes are the hash of all the others.
    static func read(_ bytes: [UInt8], summaries load: @escaping @Sendable () -> [UInt8]?) -> Reading {
        guard bytes.starts(with: header) else { return .otherVersion }
        guard bytes.count >= header.count + 8 else { return .damaged }
        let body = bytes.count - 8
        let recorded = bytes[body...].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        let actual = bytes.withUnsafeBytes { ContentHash.hash(UnsafeRawBufferPointer(rebasing: $0[..<body])) }
        guard recorded == actual, let memory = BuildMemory(bytes[..<body], summaries: load) else { return .damaged }
        return .usable(memory)
    }

    /// The memory's own file; each entry's summary is the one at the same position in `summaries`.
    func encoded(summaries: SummaryStore) -> [UInt8] {
        var writer = BinaryWriter()
        writer.reserveCapacity(Self.header.count + entries.count * 700 + siteStamps.count * 60)
        writer.append(raw: Self.header)  // first, so that megabytes are not copied behind it
        writer.write(settingsHash)
        writer.write(embargoLifts)
        writer.write(output)
        writer.write(siteMarker)
        writer.write(siteStamps.count)
        for stamp in siteStamps { Self.write(stamp, to: &writer) }
        writer.write(summaries.fingerprint)
        writer.write(summaries.hashes.count)
        for (hash, range) in zip(summaries.hashes, summaries.ranges) {
            writer.write(hash)
            writer.write(range.lowerBound)
            writer.write(range.count)
        }
        writer.write(entries.count)
        for entry in entries {
            Self.write(entry.stamp, to: &writer)
            writer.write(entry.sourceHash)
            writer.write(entry.images.count)
            for image in entry.images {
                writer.write(image.path)
                Self.write(image.stamp, to: &writer)
            }
            writer.write(entry.key.path)
            writer.write(entry.key.slug)
            writer.write(entry.key.cardFingerprint)
            writer.write(entry.key.planningHash)
            writer.write(entry.key.imageOutputs)
            writer.write(entry.records.count)
            for record in entry.records {
                writer.write(record.range.lowerBound)
                writer.write(record.range.count)
                writer.write(record.fingerprint)
            }
        }
        writer.write(planDigest)
        writer.write(layouts.count)
        for layout in layouts {
            writer.write(layout.file)
            writer.write(layout.template)
            writer.write(layout.members.count)
            for member in layout.members { writer.write(member) }
        }
        writer.write(homeOrder.count)
        for position in homeOrder { writer.write(position) }
        writer.write(pages.count)
        for (file, fingerprint) in pages {
            writer.write(file)
            writer.write(fingerprint)
        }
        writer.write(recordFiles.count)
        for fingerprint in recordFiles { writer.write(fingerprint) }
        var bytes = writer.bytes
        let checksum = ContentHash.hash(bytes)
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: checksum >> (8 * $0)) }
        return bytes
    }

    /// `nil` when the bytes (without the checksum) are not a memory this version of showcase wrote, whole.
    /// `summaries` reads the summaries file, when a build needs it.
    private init?(_ bytes: ArraySlice<UInt8>, summaries load: @escaping @Sendable () -> [UInt8]?) {
        guard bytes.starts(with: Self.header) else { return nil }
        var reader = BinaryReader(bytes[(bytes.startIndex + Self.header.count)...])
        do throws(MalformedBinary) {
            settingsHash = try reader.readString()
            embargoLifts = try reader.readString()
            output = try reader.readString()
            siteMarker = try reader.readUInt64()
            let stampCount = try reader.readCount()
            siteStamps.reserveCapacity(stampCount)
            for _ in 0..<stampCount { siteStamps.append(try Self.readStamp(&reader)) }
            let fingerprint = try reader.readUInt64()
            var hashes: [UInt64] = [], ranges: [Range<Int>] = []
            for _ in 0..<(try reader.readCount()) {
                hashes.append(try reader.readUInt64())
                ranges.append(try Self.readRange(&reader))
            }
            let store = SummaryStore(hashes: hashes, ranges: ranges, fingerprint: fingerprint, load: load)
            entries = []
            entries.reserveCapacity(hashes.count)
            for _ in 0..<(try reader.readCount()) {
                guard entries.count < hashes.count else { return nil }
                entries.append(try Self.readEntry(&reader, summary: store, at: entries.count))
            }
            guard entries.count == hashes.count else { return nil }
            planDigest = try reader.readUInt64()
            layouts = []
            for _ in 0..<(try reader.readCount()) {
                let file = try reader.readString(), template = try reader.readString()
                layouts.append(PageLayout(file: file, template: template, members: try Self.readPositions(&reader)))
            }
            homeOrder = try Self.readPositions(&reader)
            pages = [:]
            for _ in 0..<(try reader.readCount()) { pages[try reader.readString()] = try reader.readUInt64() }
            recordFiles = []
            for _ in 0..<(try reader.readCount()) { recordFiles.append(try reader.readUInt64()) }
            guard reader.isAtEnd, recordFiles.count == RecordKind.allCases.count else { return nil }
        } catch {
            return nil
        }
    }

    private static func readEntry(_ reader: inout BinaryReader, summary store: SummaryStore,
                                  at position: Int) throws(MalformedBinary) -> RememberedEntry {
        let stamp = try readStamp(&reader)
        let sourceHash = try reader.readUInt64()
        var images: [(path: String, stamp: FileStamp?)] = []
        for _ in 0..<(try reader.readCount()) { images.append((try reader.readString(), try readStamp(&reader))) }
        let key = EntryKey(path: try reader.readString(), slug: try reader.readString(), cardFingerprint: try reader.readUInt64(),
                           planningHash: try reader.readUInt64(), imageOutputs: try reader.readStrings())
        var records: [RecordSlot] = []
        for _ in 0..<(try reader.readCount()) {
            records.append(RecordSlot(range: try readRange(&reader), fingerprint: try reader.readUInt64()))
        }
        guard records.count == RecordKind.allCases.count else { throw MalformedBinary() }
        return RememberedEntry(stamp: stamp, sourceHash: sourceHash, images: images, key: key,
                               summary: .stored(store, store.ranges[position]), summaryHash: store.hashes[position],
                               records: records)
    }

    /// A start and a length, as written; damaged ones (negative, or past the largest integer) are refused.
    private static func readRange(_ reader: inout BinaryReader) throws(MalformedBinary) -> Range<Int> {
        let start = try reader.readInt(), count = try reader.readInt()
        guard start >= 0, count >= 0, count <= Int.max - start else { throw MalformedBinary() }
        return start..<start + count
    }

    private static func readPositions(_ reader: inout BinaryReader) throws(MalformedBinary) -> [Int] {
        var positions: [Int] = []
        for _ in 0..<(try reader.readCount()) {
            let position = try reader.readInt()
            guard position >= 0 else { throw MalformedBinary() }
            positions.append(position)
        }
        return positions
    }

    private static func write(_ stamp: FileStamp?, to writer: inout BinaryWriter) {
        writer.write(stamp != nil)
        guard let stamp else { return }
        writer.write(Int(stamp.size))
        writer.write(Int(stamp.modifiedSeconds))
        writer.write(Int(stamp.modifiedNanoseconds))
        writer.write(Int(stamp.changedSeconds))
        writer.write(Int(stamp.changedNanoseconds))
        writer.write(stamp.inode)
        writer.write(stamp.device)
    }

    private static func readStamp(_ reader: inout BinaryReader) throws(MalformedBinary) -> FileStamp? {
        guard try reader.readBool() else { return nil }
        return FileStamp(size: Int64(try reader.readInt()), modifiedSeconds: Int64(try reader.readInt()),
                         modifiedNanoseconds: Int64(try reader.readInt()), changedSeconds: Int64(try reader.readInt()),
                         changedNanoseconds: Int64(try reader.readInt()), inode: try reader.readUInt64(),
                         device: try reader.readUInt64())
    }
}
