import ShowcaseFoundation
import ShowcaseImages
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// One entry rendered: its page, what lists show of it, and its records in the data files.
package struct RenderedEntry: Sendable {
    package let summary: EntrySummary
    /// Let go once put aside (`spooledCard`).
    package internal(set) var listed: ListedEntry?
    /// Where `listed`, encoded, lies in the build's scratch file.
    var spooledCard: Range<Int> = 0..<0
    /// Problems found in its body (raw HTML, refused links, images).
    package let diagnostics: [Diagnostic]
    /// `fiches/<slug>.html`.
    package let file: String
    /// Emptied once written.
    package internal(set) var page: [UInt8]
    /// Its record in each data file, in `RecordKind.allCases` order; emptied once put aside (`spooled`).
    var records: [[UInt8]]
    /// Where its records lie in the build's scratch file, until the data files are written.
    var spooled: [RecordSlot] = []
    /// Its photos: each published variant, and the photo's file in the project.
    let images: [(variant: PublishedPhoto, source: String)]
    /// The day its award result may be shown, when it is held back until then.
    let embargoedUntil: PartialDate?
}

/// The data files made of one record per entry.
enum RecordKind: Int, CaseIterable, Sendable {
    case search, csv, json

    var file: String {
        switch self {
        case .search: "recherche.json"
        case .csv: Path.join(OpenDataFiles.folder, OpenDataFiles.csvName)
        case .json: Path.join(OpenDataFiles.folder, OpenDataFiles.jsonName)
        }
    }

    /// The search index follows the home page's order; the open data, the files' order.
    var followsHomeOrder: Bool { self == .search }
}

/// Turns case studies into the files of the site: each entry's page on its own, the pages that list entries,
/// the data files and the static files. Writes nothing itself: `SiteBuilder` sends the files to a `SiteSink`.
package struct SiteRenderer: Sendable {
    package let settings: ProjectSettings
    let fileSystem: FileSystem
    let pages: SitePages

    package init(settings: ProjectSettings, fileSystem: FileSystem = .disk) {
        self.settings = settings
        self.fileSystem = fileSystem
        pages = SitePages(config: settings.config, catalogue: settings.catalogue)
    }

    /// An entry's page, from its case study alone (and the settings).
    func renderEntry(_ study: CaseStudy, read: ReadCaseStudy) -> RenderedEntry {
        let config = settings.config, catalogue = settings.catalogue
        let body = Story.render(study, file: read.file)
        let derived = study.derived
        let listed = listedEntry(study)
        let view = Self.completed(listed.card, study: study, body: body)
        let openData = OpenDataEntry(study: study, derived: derived)
        return RenderedEntry(
            summary: EntrySummary(study: study, derived: derived, cardFingerprint: read.cardFingerprint),
            listed: listed, diagnostics: body.diagnostics, file: SitePages.entryFile(study.slug),
            page: settings.templates.render(pages.entry(view), template: "fiche"),
            records: [
                SearchIndex.record(view, bodyHTML: body.html),
                CSVExporter.row(openData, config: config, catalogue: catalogue),
                JSONExporter.record(openData, config: config, catalogue: catalogue),
            ],
            images: study.images.flatMap { image in image.variants.map { ($0, image.projectPath) } },
            embargoedUntil: study.award?.embargoedUntil)
    }

    /// The entry as its own page shows it, for a page that holds it in full.
    func fullView(_ study: CaseStudy, read: ReadCaseStudy) -> EntryView {
        Self.completed(listedEntry(study).card, study: study, body: Story.render(study, file: read.file))
    }

    private static func completed(_ card: EntryView, study: CaseStudy, body: RenderedMarkdown) -> EntryView {
        card.completed(bodyHTML: body.html, jsonLD: StructuredData.jsonLD(study, url: card.absoluteURL),
                       headings: body.headings)
    }

    /// A page holding entries in full.
    func render(_ page: PlannedPage, full members: [EntryView]) -> [UInt8] {
        settings.templates.render(page.filled(withFull: members), template: page.template)
    }

    /// What lists show of an entry; the same whether the entry was just rendered or read again for a list.
    func listedEntry(_ study: CaseStudy) -> ListedEntry {
        let catalogue = settings.catalogue, derived = study.derived
        let card = EntryViewBuilder.card(
            study, derived: derived, notComputed: EntryViewBuilder.notComputed(study, catalogue: catalogue, computed: derived),
            config: settings.config)
        return ListedEntry(card: card, cells: ComparisonBuilder.cells(study, derived: derived, catalogue: catalogue),
                           filterKeys: Taxonomies.filterKeys(study).joined(separator: " "))
    }

    /// The pages that list entries, for the templates the project has.
    func plan(_ summaries: [EntrySummary]) -> [PlannedPage] {
        pages.sitePages(summaries).filter { settings.templates.has($0.template) }
    }

    /// A planned page with its entries.
    func render(_ page: PlannedPage, members: [ListedEntry]) -> [UInt8] {
        settings.templates.render(page.filled(with: members), template: page.template)
    }

    func recordFile(_ kind: RecordKind) -> RecordFile {
        switch kind {
        case .search: SearchIndex.file
        case .csv: CSVExporter.file(config: settings.config, catalogue: settings.catalogue)
        case .json: JSONExporter.file(config: settings.config)
        }
    }

    /// The JSON Schema of the open data, which depends on the catalogue only.
    var schemaFile: (file: String, bytes: [UInt8]) {
        (Path.join(OpenDataFiles.folder, OpenDataFiles.schemaName), Array(JSONSchemaWriter.schema(catalogue: settings.catalogue).utf8))
    }

    /// `templates/assets/`, copied into `assets/`.
    func assetFiles() throws(EnvironmentError) -> [(file: String, bytes: [UInt8])] {
        var result: [(file: String, bytes: [UInt8])] = []
        for asset in settings.assets {
            let source = settings.paths.onDisk(Path.join(ProjectPaths.assetsFolder, asset))
            result.append((Path.join("assets", asset), try read(source)))
        }
        return result
    }

    /// A file of the project (an asset), read to be copied.
    private func read(_ path: String) throws(EnvironmentError) -> [UInt8] {
        try attempt { () throws(FileSystemError) in try fileSystem.readFile(path) }
    }
}
