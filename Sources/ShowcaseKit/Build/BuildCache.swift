/// Where `showcase build` keeps its `BuildMemory` between runs: `.showcase-cache/memoire` in the project, a
/// folder to leave out of version control. Losing it only makes the next build a complete one.
struct BuildCache: Sendable {
    static let folder = ".showcase-cache"
    static let fileName = "memoire"

    let fileSystem: FileSystem
    let paths: ProjectPaths

    private var file: String { paths.onDisk(Path.join(Self.folder, Self.fileName)) }

    /// The memory the previous build left, whole, before it is matched to the output folder (`matching`): the
    /// two are read at the same time.
    func load() -> BuildMemory? {
        (try? fileSystem.readFile(file)).flatMap(BuildMemory.init)
    }

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
    func write(_ memory: BuildMemory, siteMarker: UInt64, output: SiteOutput) {
        var memory = memory
        memory.siteMarker = siteMarker
        memory.siteStamps = output.stamps
        memory.output = fileSystem.realPath(output.output) ?? output.output
        let temporary = file + ".nouveau"
        do throws(FileSystemError) {
            try fileSystem.createDirectories(paths.onDisk(Self.folder))
            try fileSystem.writeFile(temporary, memory.bytes)
            try fileSystem.rename(temporary, file)
        } catch {
            try? fileSystem.removeTree(temporary)
        }
    }
}
