/// The pipeline: load → front matter → validate → indicators → Markdown → templates → write.
///
/// Pages render independently of each other (each from its own case study and the read-only project), spread
/// across cores; the home page follows, from the entries' views.
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

    /// Checks, then renders and writes the site into a staging folder swapped in only on success.
    public func build(_ paths: ProjectPaths) async throws(EnvironmentError) -> BuildReport {
        let clock = ContinuousClock()
        var timings: [(stage: String, seconds: Double)] = []
        var started = clock.now
        func lap(_ stage: String) {
            let now = clock.now
            let elapsed = now - started
            timings.append((stage, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            started = now
        }

        let project = try await ProjectLoader(fileSystem: fileSystem).load(paths)
        lap("lecture et validation")
        var report = BuildReport(diagnostics: project.diagnostics, sources: project.sources,
                                 entryCount: project.studies.count, pagesWritten: 0, output: paths.output, timings: [])
        guard let studies = project.validStudies else {
            report.timings = timings
            return report
        }

        let staging = try SiteWriter(fileSystem: fileSystem).begin(output: paths.output)
        do throws(EnvironmentError) {
            let pages = SitePages(config: project.config)
            let files = Dictionary(project.studies.map { ($0.file.path, $0.file) }, uniquingKeysWith: { a, _ in a })
            let catalogue = project.catalogue, templates = project.templates
            let rendered = await studies.concurrentMap { study -> Result<(EntryView, [Diagnostic]), EnvironmentError> in
                let body = MarkdownRenderer().render(study.body, file: files[study.path]!, firstLine: study.bodyFirstLine)
                let view = EntryViewBuilder.build(
                    study, derived: IndicatorCompiler.compute(study, catalogue: catalogue), bodyHTML: body.html)
                let html = templates.render(pages.entry(view), template: "fiche")
                do throws(EnvironmentError) {
                    try staging.write(SitePages.entryPath(study.slug), Array(html.utf8))
                } catch {
                    return .failure(error)
                }
                return .success((view, body.diagnostics))
            }
            var views: [EntryView] = []
            for result in rendered {
                let (view, problems) = try result.get()
                views.append(view)
                report.diagnostics += problems
            }
            lap("rendu des fiches")

            let home = templates.render(pages.home(entries: SitePages.homeOrder(views)), template: "index")
            try staging.write(SitePages.homePath, Array(home.utf8))
            for asset in project.assets {
                let bytes = try attempt { () throws(FileSystemError) in
                    try fileSystem.readFile(paths.onDisk(Path.join(ProjectPaths.assetsFolder, asset)))
                }
                try staging.write(Path.join("assets", asset), bytes)
            }
            try staging.commit()
            lap("accueil, ressources et remplacement du site")
            report.pagesWritten = views.count + 1
        } catch {
            staging.abandon()
            throw error
        }
        report.timings = timings
        return report
    }
}
