import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// The pipeline: load → front matter → validate → indicators → Markdown → templates → write.
///
/// Pages render independently of each other (each from its own case study and the read-only settings), spread
/// across cores and written as soon as each is ready; the pages that list entries follow. `build` remembers what
/// it did in `.showcase-cache/`, so that the next build renders only what changed (`SiteBuilder`).
public struct Pipeline: Sendable {
    let fileSystem: FileSystem
    /// False for a command that exits once the pipeline is done: what it built is left for the system to
    /// reclaim (`ExitReclaimed`).
    let freesMemory: Bool

    public init(freesMemory: Bool = true) {
        self.init(fileSystem: .disk, freesMemory: freesMemory)
    }

    package init(fileSystem: FileSystem, freesMemory: Bool = true) {
        self.fileSystem = fileSystem
        self.freesMemory = freesMemory
    }

    /// Validates everything, writes nothing. With `decp`, the path of a DECP v2 JSON file, also compares each
    /// entry that names its contract's record with that record.
    public func check(_ paths: ProjectPaths, decp: String? = nil) async throws(EnvironmentError) -> CheckReport {
        // Stories are checked as each file is read; the cross-check with the DECP needs the studies that name a
        // record, nothing else does (holding every study, 10 000 entries took three times check's memory).
        let crossChecking = decp != nil
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths, checkingStories: true,
                                                                           keeping: { crossChecking && $0.decp != nil })
        var recordProblems: [Diagnostic] = []
        if let decp {
            let studies = project.studies.compactMap(\.study)
            let records = try DECPFile(path: decp).records(ids: Set(studies.compactMap(\.decp?.id)))
            recordProblems = DECPCrossCheck.check(studies, records: records)
        }
        if !freesMemory { ExitReclaimed.keep(project) }
        return CheckReport(diagnostics: project.diagnostics + recordProblems, sources: project.sources,
                           entryCount: project.studies.count)
    }

    /// The open data of a valid project (`nil` with the diagnostics when it is not), in the given format: the
    /// bytes `build` writes into `donnees/`.
    public func export(_ paths: ProjectPaths, format: OpenDataFormat) async throws(EnvironmentError) -> (bytes: [UInt8]?, report: CheckReport) {
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths)
        let report = CheckReport(diagnostics: project.diagnostics, sources: project.sources, entryCount: project.studies.count)
        guard let studies = project.validStudies else { return (nil, report) }
        let config = project.config, catalogue = project.catalogue
        let entries = studies.map { OpenDataEntry(study: $0, derived: $0.derived) }
        switch format {
        case .csv: return (CSVExporter.csv(entries, config: config, catalogue: catalogue), report)
        case .json: return (JSONExporter.json(entries, config: config, catalogue: catalogue), report)
        }
    }

    /// Checks, then renders and writes the site; on any error the previous site stays as it was. Drafts are
    /// left out, unless `includingDrafts` (then they are shown, marked).
    public func build(_ paths: ProjectPaths, includingDrafts: Bool = false) async throws(EnvironmentError) -> BuildReport {
        let startedAt = POSIX.now()
        var stopwatch = Stopwatch()
        try OutputFolderGuard(fileSystem: fileSystem).check(paths)
        // One build at a time writes an output folder; the first thing it does is finish what a killed one left.
        let lock = try OutputLock(SiteFolders(output: paths.output))
        defer { withExtendedLifetime(lock) {} }
        try SiteWriter(fileSystem: fileSystem).recover(output: paths.output)
        let cache = BuildCache(fileSystem: fileSystem, paths: paths)
        async let loaded = cache.load()  // while the settings and the previous site's marker are read
        let settings = try ProjectLoader(fileSystem: fileSystem).settings(paths)
        var builder = SiteBuilder(settings: settings, fileSystem: fileSystem, readings: [:], startedAt: startedAt)
        builder.includesDrafts = includingDrafts
        var output = try SiteWriter(fileSystem: fileSystem).begin(output: paths.output, shownAs: paths.shownOutput)
        stopwatch.lap("configuration, gabarits et site précédent")
        let (earlierMemory, cacheNotice) = await loaded
        let memory = cache.matching(earlierMemory, output: output)
        if let memory { output = output.trusting(memory.siteStamps) }
        stopwatch.lap("mémoire de la construction précédente")
        let setup = stopwatch.laps
        let outcome: SiteBuilder.Outcome
        (outcome, output) = try await builder.build(memory: memory, into: output) { () throws(EnvironmentError) in
            let output = try SiteWriter(fileSystem: fileSystem).begin(output: paths.output, shownAs: paths.shownOutput)
            // The stamps still tell which files of the site someone touched.
            return memory.map { output.trusting($0.siteStamps) } ?? output
        }
        let published = [settings.config.exampleAddressWarning].compactMap { $0 }
        var report = BuildReport(diagnostics: output.warnings.diagnostics + published + outcome.diagnostics,
                                 sources: outcome.sources.merging(output.warnings.sources) { content, _ in content },
                                 entryCount: outcome.entryCount,
                                 pagesWritten: 0, pagesRendered: 0, output: paths.output, timings: [],
                                 notices: (cacheNotice.map { [$0] } ?? []) + outcome.notices + Self.draftNotice(outcome.draftsLeftOut),
                                 photosEncoded: outcome.photosEncoded)
        guard outcome.succeeded, let memory = outcome.memory else {
            output.abandon()
            report.timings = setup + outcome.laps
            return report
        }
        stopwatch = Stopwatch()
        cache.forget()
        let finished = output.finished, fingerprint = ContentHash.hash(finished.marker)
        // Updating in place, the memory is written while the site is put in place: the next build believes it
        // only if the site then carries this marker. A new folder's real path is only known once renamed.
        let inPlace = output.isInPlace
        async let remembered: Void = inPlace ? cache.write(memory, siteMarker: fingerprint, stamps: finished.stamps, output: output) : ()
        do throws(EnvironmentError) {
            try output.commit(finished)
        } catch {
            await remembered
            cache.forget()
            output.abandon()
            throw error
        }
        await remembered
        if !inPlace { cache.write(memory, siteMarker: fingerprint, stamps: finished.stamps, output: output) }
        stopwatch.lap("mise en place du site")
        report.pagesWritten = outcome.pageCount
        report.pagesRendered = outcome.renderedEntries + outcome.renderedPages
        report.timings = setup + outcome.laps + stopwatch.laps
        if !freesMemory { ExitReclaimed.keep([outcome, memory, output, builder] as [any Sendable]) }
        return report
    }
}

extension Pipeline {
    /// « 2 brouillons ne sont pas publiés… », when drafts were left out.
    static func draftNotice(_ count: Int) -> [String] {
        guard count > 0 else { return [] }
        let drafts = count == 1 ? "1 brouillon n'est pas publié" : "\(count) brouillons ne sont pas publiés"
        return ["\(drafts) (`brouillon: true`) ; `showcase build --drafts` les montre, marqués, pour les relire"]
    }
}

/// The formats of `showcase export`.
public enum OpenDataFormat: String, Sendable, CaseIterable {
    case csv, json
}

/// Seconds spent in each stage of a build.
struct Stopwatch {
    private let clock = ContinuousClock()
    private var started: ContinuousClock.Instant
    private(set) var laps: [(stage: String, seconds: Double)] = []

    init() { started = clock.now }

    mutating func lap(_ stage: String) {
        let now = clock.now
        let elapsed = (now - started).components
        laps.append((stage, Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18))
        started = now
    }

    var total: Double { laps.reduce(0) { $0 + $1.seconds } }
}
