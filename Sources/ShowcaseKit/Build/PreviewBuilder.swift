/// What one rebuild of the preview found and did.
public struct PreviewOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    /// Content files parsed again (the others were reused unchanged).
    public var reparsed: Int
    /// Entry pages rendered again.
    public var rerendered: Int
    /// Site files whose bytes changed since the previous good build.
    public var changedFiles: [String]
    public var seconds: Double

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Builds the site in memory for `showcase serve`, again and again: a rebuild parses only the content files
/// whose bytes changed and renders only their pages, then the pages that list entries; when the configuration,
/// catalogue or templates change, every page is rendered again. The last good site stays available while the
/// content is invalid.
public actor PreviewBuilder {
    let paths: ProjectPaths
    let fileSystem: FileSystem
    private var readings: [String: ReadCaseStudy] = [:]
    /// Rendered entries by path, with the fingerprint of the file they were rendered from.
    private var entries: [String: (hash: String, rendered: RenderedEntry)] = [:]
    private var settingsHash = ""
    /// The last site that built without errors, by path.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The last rebuild's outcome.
    public private(set) var lastOutcome: PreviewOutcome?

    public init(paths: ProjectPaths, fileSystem: FileSystem = .disk) {
        self.paths = paths
        self.fileSystem = fileSystem
    }

    public func rebuild() async -> PreviewOutcome {
        let outcome: PreviewOutcome
        do throws(EnvironmentError) {
            outcome = try await build()
        } catch {
            outcome = PreviewOutcome(diagnostics: [error.diagnostic], sources: [:], reparsed: 0, rerendered: 0,
                                     changedFiles: [], seconds: 0)
        }
        lastOutcome = outcome
        return outcome
    }

    private func build() async throws(EnvironmentError) -> PreviewOutcome {
        var stopwatch = Stopwatch()
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths, reusing: readings)
        let reparsed = project.studies.filter { readings[$0.file.path]?.contentHash != $0.contentHash }.count
        readings = Dictionary(project.studies.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })
        var outcome = PreviewOutcome(diagnostics: project.diagnostics, sources: project.sources, reparsed: reparsed,
                                     rerendered: 0, changedFiles: [], seconds: 0)
        guard let studies = project.validStudies else {
            stopwatch.lap("")
            outcome.seconds = stopwatch.total
            return outcome
        }
        if project.settingsHash != settingsHash {
            entries = [:]
            settingsHash = project.settingsHash
        }
        let renderer = SiteRenderer(project: project, fileSystem: fileSystem)
        let hashes = Dictionary(project.studies.map { ($0.file.path, $0.contentHash) }, uniquingKeysWith: { first, _ in first })
        let stale = studies.filter { entries[$0.path]?.hash != hashes[$0.path] }
        let fresh = await stale.concurrentMap { renderer.renderEntry($0) }
        let kept = entries.filter { path, _ in hashes[path] != nil }
        entries = kept
        for (study, entry) in zip(stale, fresh) { entries[study.path] = (hashes[study.path] ?? "", entry) }
        let ordered = studies.compactMap { entries[$0.path]?.rendered }
        outcome.rerendered = fresh.count
        outcome.diagnostics += ordered.flatMap(\.diagnostics)
        guard !outcome.diagnostics.hasErrors else {
            stopwatch.lap("")
            outcome.seconds = stopwatch.total
            return outcome
        }

        var site: [String: [UInt8]] = [:]
        for entry in ordered { site[entry.file] = entry.page }
        for (file, bytes) in await renderer.renderListings(ordered.map(\.entry)) { site[file] = bytes }
        for (file, bytes) in try renderer.staticFiles(studies) { site[file] = bytes }
        outcome.changedFiles = site.filter { files[$0.key] != $0.value }.map(\.key).sorted()
            + files.keys.filter { site[$0] == nil }.sorted()
        files = site
        stopwatch.lap("")
        outcome.seconds = stopwatch.total
        return outcome
    }
}
