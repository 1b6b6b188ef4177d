/// The pipeline: load → front matter → validate → indicators → Markdown → templates → write.
///
/// Pages render independently of each other (each from its own case study and the read-only project), spread
/// across cores; the home page and the open-data files follow, from the entries' results.
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
        case .csv: return (CSVExporter.csv(entries, config: project.config, catalogue: catalogue), report)
        case .json: return (JSONExporter.json(entries, config: project.config, catalogue: catalogue), report)
        }
    }

    /// Checks, then renders and writes the site into a staging folder swapped in only on success.
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

        let staging = try SiteWriter(fileSystem: fileSystem).begin(output: paths.output)
        do throws(EnvironmentError) {
            let pages = SitePages(config: project.config, catalogue: project.catalogue)
            let files = Dictionary(project.studies.map { ($0.file.path, $0.file) }, uniquingKeysWith: { a, _ in a })
            let catalogue = project.catalogue, templates = project.templates, config = project.config
            let rendered = await studies.concurrentMap { study -> Result<RenderedEntry, EnvironmentError> in
                let body = MarkdownRenderer().render(study.body, file: files[study.path]!, firstLine: study.bodyFirstLine)
                let derived = IndicatorCompiler.compute(study, catalogue: catalogue)
                let view = EntryViewBuilder.build(
                    study, derived: derived, notComputed: EntryViewBuilder.notComputed(study, catalogue: catalogue, computed: derived),
                    bodyHTML: body.html, config: config)
                do throws(EnvironmentError) {
                    try staging.write(SitePages.entryFile(study.slug), Array(templates.render(pages.entry(view), template: "fiche").utf8))
                } catch {
                    return .failure(error)
                }
                return .success(RenderedEntry(entry: SiteEntry(study: study, derived: derived, view: view), diagnostics: body.diagnostics))
            }
            var entries: [SiteEntry] = []
            for result in rendered {
                let entry = try result.get()
                entries.append(entry.entry)
                report.diagnostics += entry.diagnostics
            }
            stopwatch.lap("rendu des fiches")
            guard !report.diagnostics.hasErrors else {
                staging.abandon()
                report.timings = stopwatch.laps
                return report
            }

            let sitePages = pages.sitePages(entries).filter { templates.has($0.template) }
            let written = await sitePages.concurrentMap { page -> EnvironmentError? in
                do throws(EnvironmentError) {
                    try staging.write(page.file, Array(templates.render(page.view, template: page.template).utf8))
                    return nil
                } catch {
                    return error
                }
            }
            if let failure = written.compactMap({ $0 }).first { throw failure }
            try staging.write("recherche.json", Array(pages.searchIndex(entries).utf8))
            try writeOpenData(entries.map { OpenDataEntry(study: $0.study, derived: $0.derived) }, project: project, into: staging)
            try copyImages(studies, paths: paths, into: staging)
            for asset in project.assets {
                let bytes = try attempt { () throws(FileSystemError) in
                    try fileSystem.readFile(paths.onDisk(Path.join(ProjectPaths.assetsFolder, asset)))
                }
                try staging.write(Path.join("assets", asset), bytes)
            }
            try staging.commit()
            stopwatch.lap("pages du site, données ouvertes et remplacement du site")
            report.pagesWritten = entries.count + sitePages.count
        } catch {
            staging.abandon()
            throw error
        }
        report.timings = stopwatch.laps
        return report
    }

    /// Each photo once, under its content-named path.
    private func copyImages(_ studies: [CaseStudy], paths: ProjectPaths, into staging: StagingFolder) throws(EnvironmentError) {
        var copied = Set<String>()
        for image in studies.flatMap(\.images) {
            guard let output = image.outputPath, copied.insert(output).inserted else { continue }
            let source = paths.onDisk(Path.join(ProjectPaths.contentFolder, image.file.value))
            let bytes = try attempt { () throws(FileSystemError) in try fileSystem.readFile(source) }
            try staging.write(output, bytes)
        }
    }

    private func writeOpenData(_ entries: [OpenDataEntry], project: LoadedProject, into staging: StagingFolder) throws(EnvironmentError) {
        let folder = OpenDataFiles.folder
        try staging.write(Path.join(folder, OpenDataFiles.csvName),
                          Array(CSVExporter.csv(entries, config: project.config, catalogue: project.catalogue).utf8))
        try staging.write(Path.join(folder, OpenDataFiles.jsonName),
                          Array(JSONExporter.json(entries, config: project.config, catalogue: project.catalogue).utf8))
        try staging.write(Path.join(folder, OpenDataFiles.schemaName),
                          Array(JSONSchemaWriter.schema(catalogue: project.catalogue).utf8))
    }
}

/// What rendering one entry yields besides its page.
struct RenderedEntry: Sendable {
    let entry: SiteEntry
    let diagnostics: [Diagnostic]
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
}
