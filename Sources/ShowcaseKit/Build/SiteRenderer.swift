/// One entry rendered: its page and what the site-wide pages need of it.
public struct RenderedEntry: Sendable {
    public let entry: SiteEntry
    /// Problems found in its body (raw HTML, refused links, images).
    public let diagnostics: [Diagnostic]
    /// `fiches/<slug>/index.html`.
    public let file: String
    public let page: [UInt8]
}

/// Turns a loaded, valid project into the files of the site: each entry's page on its own, then the pages and
/// data that list entries, then the static files. Writes nothing itself: `build` sends the files to a
/// `SiteOutput`, `serve` keeps them in memory.
public struct SiteRenderer: Sendable {
    public let project: LoadedProject
    let fileSystem: FileSystem
    private let pages: SitePages
    private let files: [String: SourceFile]

    public init(project: LoadedProject, fileSystem: FileSystem = .disk) {
        self.project = project
        self.fileSystem = fileSystem
        pages = SitePages(config: project.config, catalogue: project.catalogue)
        files = Dictionary(project.studies.map { ($0.file.path, $0.file) }, uniquingKeysWith: { first, _ in first })
    }

    /// An entry's page, from its case study alone (and the read-only project).
    public func renderEntry(_ study: CaseStudy) -> RenderedEntry {
        let catalogue = project.catalogue
        let file = files[study.path] ?? SourceFile(path: study.path, text: study.body)
        let body = MarkdownRenderer().render(study.body, file: file, firstLine: study.bodyFirstLine)
        let derived = IndicatorCompiler.compute(study, catalogue: catalogue)
        let view = EntryViewBuilder.build(
            study, derived: derived, notComputed: EntryViewBuilder.notComputed(study, catalogue: catalogue, computed: derived),
            bodyHTML: body.html, config: project.config)
        let html = project.templates.render(pages.entry(view), template: "fiche")
        return RenderedEntry(entry: SiteEntry(study: study, derived: derived, view: view), diagnostics: body.diagnostics,
                             file: SitePages.entryFile(study.slug), page: html)
    }

    /// The pages that list entries (those whose template the project has), the search index and the open data,
    /// each file produced independently of the others (on all cores).
    public func renderListings(_ entries: [SiteEntry]) async -> [(file: String, bytes: [UInt8])] {
        let templates = project.templates, pages = self.pages
        let config = project.config, catalogue = project.catalogue
        let data = entries.map { OpenDataEntry(study: $0.study, derived: $0.derived) }
        let folder = OpenDataFiles.folder
        let dataFiles: [@Sendable () -> (file: String, bytes: [UInt8])] = [
            { ("recherche.json", pages.searchIndex(entries)) },
            { (Path.join(folder, OpenDataFiles.csvName), CSVExporter.csv(data, config: config, catalogue: catalogue)) },
            { (Path.join(folder, OpenDataFiles.jsonName), JSONExporter.document(data, config: config, catalogue: catalogue).prettyBytes) },
            { (Path.join(folder, OpenDataFiles.schemaName), Array(JSONSchemaWriter.schema(catalogue: catalogue).utf8)) },
        ]
        let planned = pages.sitePages(entries).filter { templates.has($0.template) }
        let jobs = dataFiles + planned.map { page in { @Sendable in (page.file, templates.render(page.view, template: page.template)) } }
        return await jobs.concurrentMap { $0() }
    }

    /// The files copied as they are: `templates/assets/` into `assets/`, and each photo once under its
    /// content-named path.
    public func staticFiles(_ studies: [CaseStudy]) throws(EnvironmentError) -> [(file: String, bytes: [UInt8])] {
        var result: [(file: String, bytes: [UInt8])] = []
        for asset in project.assets {
            let source = project.paths.onDisk(Path.join(ProjectPaths.assetsFolder, asset))
            result.append((Path.join("assets", asset), try read(source)))
        }
        var copied = Set<String>()
        for image in studies.flatMap(\.images) {
            guard let output = image.outputPath, copied.insert(output).inserted else { continue }
            result.append((output, try read(project.paths.onDisk(Path.join(ProjectPaths.contentFolder, image.file.value)))))
        }
        return result
    }

    private func read(_ path: String) throws(EnvironmentError) -> [UInt8] {
        try attempt { () throws(FileSystemError) in try fileSystem.readFile(path) }
    }
}
