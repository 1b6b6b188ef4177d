/// The pipeline: load → front matter → validate → indicators → Markdown → templates → write.
///
/// Pages render independently of each other (each from its own case study and the read-only project), spread
/// across cores and written as soon as each is ready; the pages that list entries follow.
public struct Pipeline: Sendable {
    let fileSystem: FileSystem

    public init(fileSystem: FileSystem = .disk) {
        self.fileSystem = fileSystem
    }

    /// Validates everything, writes nothing.
    public func check(_ paths: ProjectPaths) async throws(EnvironmentError) -> CheckReport {
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths)
        let renderer = MarkdownRenderer()
        let bodyProblems = await project.studies.concurrentMap { read -> [Diagnostic] in
            guard let study = read.study else { return [] }
            return renderer.render(study.body, file: read.file, firstLine: study.bodyFirstLine).diagnostics
        }
        return CheckReport(diagnostics: project.diagnostics + bodyProblems.flatMap { $0 }, sources: project.sources,
                           entryCount: project.studies.count)
    }

    /// The open data of a valid project (`nil` with the diagnostics when it is not), in the given format.
    public func export(_ paths: ProjectPaths, format: OpenDataFormat) async throws(EnvironmentError) -> (text: String?, report: CheckReport) {
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths)
        let report = CheckReport(diagnostics: project.diagnostics, sources: project.sources, entryCount: project.studies.count)
        guard let studies = project.validStudies else { return (nil, report) }
        let catalogue = project.catalogue
        let entries = await studies.concurrentMap { OpenDataEntry(study: $0, derived: IndicatorCompiler.compute($0, catalogue: catalogue)) }
        switch format {
        case .csv: return (String(decoding: CSVExporter.csv(entries, config: project.config, catalogue: catalogue), as: UTF8.self), report)
        case .json: return (JSONExporter.json(entries, config: project.config, catalogue: catalogue), report)
        }
    }

    /// Checks, then renders and writes the site, which replaces the previous one only on success.
    public func build(_ paths: ProjectPaths) async throws(EnvironmentError) -> BuildReport {
        var stopwatch = Stopwatch()
        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths)
        stopwatch.lap("lecture et validation")
        var report = BuildReport(diagnostics: project.diagnostics, sources: project.sources,
                                 entryCount: project.studies.count, pagesWritten: 0, output: paths.output, timings: [])
        guard let studies = project.validStudies else {
            report.timings = stopwatch.laps
            return report
        }

        let output = try SiteWriter(fileSystem: fileSystem).begin(output: paths.output)
        do throws(EnvironmentError) {
            let renderer = SiteRenderer(project: project, fileSystem: fileSystem)
            let rendered = await studies.concurrentMap { study -> Result<RenderedEntry, EnvironmentError> in
                let entry = renderer.renderEntry(study)
                do throws(EnvironmentError) {
                    try output.write(entry.file, entry.page)
                } catch {
                    return .failure(error)
                }
                return .success(entry)
            }
            var entries: [SiteEntry] = []
            for result in rendered {
                let entry = try result.get()
                entries.append(entry.entry)
                report.diagnostics += entry.diagnostics
            }
            stopwatch.lap("rendu des fiches")
            guard !report.diagnostics.hasErrors else {
                output.abandon()
                report.timings = stopwatch.laps
                return report
            }

            let listings = await renderer.renderListings(entries)
            stopwatch.lap("pages des listes, recherche et données ouvertes")
            for (file, bytes) in try listings + renderer.staticFiles(studies) { try output.write(file, bytes) }
            stopwatch.lap("écriture des listes et ressources")
            try output.commit()
            stopwatch.lap("remplacement du site précédent")
            report.pagesWritten = entries.count + listings.filter { !$0.file.hasSuffix(".json") && !$0.file.hasSuffix(".csv") }.count
        } catch {
            output.abandon()
            throw error
        }
        report.timings = stopwatch.laps
        return report
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
