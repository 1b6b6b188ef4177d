import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Where `showcase build` keeps its `BuildMemory` between runs: `.showcase-cache/memoire` in the project, with
/// the entries' summaries beside it in `resumes` (`SummaryStore`), a folder to leave out of version control.
/// Losing it only makes the next build a complete one.
struct BuildCache: Sendable {
    static let folder = ".showcase-cache"
    static let fileName = "memoire"
    static let summariesName = "resumes"

    let fileSystem: FileSystem
    let paths: ProjectPaths

    private var file: String { paths.onDisk(Path.join(Self.folder, Self.fileName)) }
    private var summariesFile: String { paths.onDisk(Path.join(Self.folder, Self.summariesName)) }

    /// The memory the previous build left, whole, before it is matched to the output folder (`matching`): the
    /// two are read at the same time. A damaged memory is not used, and says so.
    func load() -> (memory: BuildMemory?, notice: String?) {
        let fileSystem = fileSystem, summariesFile = summariesFile
        guard let bytes = try? fileSystem.readFile(file) else { return (nil, nil) }
        switch BuildMemory.read(bytes, summaries: { try? fileSystem.readFile(summariesFile) }) {
        case .usable(let memory): return (memory, nil)
        case .otherVersion: return (nil, nil)
        case .damaged: return (nil, Self.damagedNotice)
        }
    }

    static let damagedNotice = "la mémoire de la construction précédente (`.showcase-cache/`) est abîmée : elle est ignorée et toutes les pages sont refaites"

    /// `memory` if it matches the output folder as it is now.
    func matching(_ memory: BuildMemory?, output: SiteOutput) -> BuildMemory? {
        guard let memory, let marker = output.previousMarker, memory.siteMarker == marker,
              memory.output == fileSystem.realPath(output.output) else { return nil }
        return memory
    }

    /// Removed before the site changes, so that a build cut short cannot leave a memory that no longer matches.
    func forget() {
        try? fileSystem.removeTree(file)
    }

    /// Best effort: a project folder that cannot be written to only loses the speed-up.
    func write(_ memory: BuildMemory, siteMarker: UInt64, stamps: [FileStamp?], output: SiteOutput) {
        var memory = memory
        memory.siteMarker = siteMarker
        memory.siteStamps = stamps
        memory.output = fileSystem.realPath(output.output) ?? output.output
        let temporary = file + ".nouveau"
        do throws(FileSystemError) {
            try fileSystem.createDirectories(paths.onDisk(Self.folder))
            guard let summaries = try summaries(of: memory.entries) else { return }
            try fileSystem.writeFile(temporary, memory.encoded(summaries: summaries))
            try fileSystem.rename(temporary, file)
        } catch {
            try? fileSystem.removeTree(temporary)
        }
    }

    /// The summaries file for `entries`: the previous one when it holds their summaries in their order (an edit
    /// of a story changes none), else a new one, written before the memory that refers to it. `nil` when a
    /// summary of the previous file cannot be read: the memory is then not written.
    private func summaries(of entries: [RememberedEntry]) throws(FileSystemError) -> SummaryStore? {
        let previous = entries.lazy.compactMap(\.summary.store).first
        if let previous, previous.holds(entries) { return previous }
        var bytes: [UInt8] = [], ranges: [Range<Int>] = []
        bytes.reserveCapacity(entries.count * 480)
        ranges.reserveCapacity(entries.count)
        for entry in entries {
            guard let summary = try? entry.summary.bytes() else { return nil }
            ranges.append(bytes.count..<bytes.count + summary.count)
            bytes += summary
        }
        let temporary = summariesFile + ".nouveau"
        try fileSystem.writeFile(temporary, bytes)
        try fileSystem.rename(temporary, summariesFile)
        let written = bytes
        return SummaryStore(hashes: entries.map(\.summaryHash), ranges: ranges, fingerprint: ContentHash.hash(bytes),
                            load: { written })
    }
}
