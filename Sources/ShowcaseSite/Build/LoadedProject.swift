import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// What every page is rendered with: the configuration, the indicator catalogue, the templates and the files
/// copied as they are.
package struct ProjectSettings: Sendable {
    package let paths: ProjectPaths
    package let config: SiteConfig
    package let catalogue: IndicatorCatalogue
    package let templates: TemplateLibrary
    /// Files under `templates/assets/`, relative to it, copied as they are.
    package let assets: [String]
    /// Problems of the configuration, catalogue and templates.
    package let diagnostics: [Diagnostic]
    /// The files those diagnostics may point into, by display path.
    package let sources: [String: SourceFile]
    /// Fingerprint of the configuration, catalogue and templates: when it changes, every page must be redone.
    package let hash: String

    package var reader: CaseStudyReader { CaseStudyReader(parser: CaseStudyParser(catalogue: catalogue, config: config)) }
}

/// Everything a project holds, read and checked, before anything is rendered.
package struct LoadedProject: Sendable {
    package let settings: ProjectSettings
    /// Every content file, in path order, read as far as it could be.
    package let studies: [ReadCaseStudy]
    /// Problems of the configuration, catalogue, templates and content, and across case studies.
    package let diagnostics: [Diagnostic]
    /// Every file diagnostics may point into, by display path.
    package let sources: [String: SourceFile]

    package var config: SiteConfig { settings.config }
    package var catalogue: IndicatorCatalogue { settings.catalogue }

    /// The case studies, if none has an error.
    package var validStudies: [CaseStudy]? {
        diagnostics.hasErrors ? nil : studies.compactMap(\.study)
    }
}

/// Reads a project from disk: the reading stage (`ContentLoader`) for the configuration, the catalogue and the
/// case studies (in parallel), plus the templates and assets the pages need.
package struct ProjectLoader: Sendable {
    let fileSystem: FileSystem

    package init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// The configuration, catalogue, templates and assets.
    package func settings(_ paths: ProjectPaths) throws(EnvironmentError) -> ProjectSettings {
        let loader = ContentLoader(fileSystem: fileSystem, paths: paths)
        let configuration = try loader.configuration()
        var diagnostics = configuration.diagnostics, sources = configuration.sources
        let templateFiles = try self.templateFiles(loader, into: &diagnostics)
        for (_, file) in templateFiles { sources[file.path] = file }
        let (templates, templateProblems) = TemplateLibrary.load(templateFiles, required: SitePages.requiredTemplates)
        diagnostics += templateProblems
        let assets = try loader.listFiles(ProjectPaths.assetsFolder, required: false, into: &diagnostics)
        let hashed = sources.sorted { $0.key < $1.key }.map { $0.key + "\u{0}" + $0.value.text }.joined(separator: "\u{0}")
        return ProjectSettings(paths: paths, config: configuration.config, catalogue: configuration.catalogue,
                               templates: templates, assets: assets, diagnostics: diagnostics, sources: sources,
                               hash: ContentHash.hex(Array(hashed.utf8)))
    }

    /// The whole project, every content file parsed (for `check` and `export`). With `checkingStories`, each
    /// story is rendered too, for its diagnostics, as soon as its file is read; of a study `keeping` refuses,
    /// only what a report needs is kept (its file's text when it has a problem), so that `check` does not hold
    /// every entry of the project at once.
    package func load(
        _ paths: ProjectPaths, checkingStories: Bool = false, keeping: @escaping @Sendable (CaseStudy) -> Bool = { _ in true }
    ) async throws(EnvironmentError) -> LoadedProject {
        let settings = try self.settings(paths)
        let loader = ContentLoader(fileSystem: fileSystem, paths: paths)
        let (contentPaths, listingProblems) = try loader.contentPaths()
        // Nothing here is remembered for a later build; the stories that are checked are not shown.
        let reader = {
            var reader = settings.reader
            reader.fingerprints = false
            reader.parser.workings = !checkingStories
            return reader
        }()
        let reads = await contentPaths.concurrentMap { path -> Result<(ReadCaseStudy, page: (slug: String, path: String)?), EnvironmentError> in
            do throws(EnvironmentError) {
                var read = try loader.read(path, reader: reader)
                let page = read.study.map { ($0.slug, $0.path) }
                if checkingStories, let study = read.study { read.diagnostics += Story.render(study, file: read.file, producingHTML: false).diagnostics }
                if !(read.study.map(keeping) ?? true) {
                    let file = read.diagnostics.isEmpty ? SourceFile(path: read.file.path, text: "") : read.file
                    read = ReadCaseStudy(file: file, study: nil, diagnostics: read.diagnostics)
                }
                return .success((read, page))
            } catch {
                return .failure(error)
            }
        }
        var studies: [ReadCaseStudy] = [], pages: [(slug: String, path: String)] = []
        for result in reads {
            let (read, page) = try result.get()
            studies.append(read)
            if let page { pages.append(page) }
        }
        var diagnostics = settings.diagnostics + listingProblems
        var sources = settings.sources
        for study in studies {
            diagnostics += study.diagnostics
            sources[study.file.path] = study.file
        }
        diagnostics += ProjectRules.check(pages)
        return LoadedProject(settings: settings, studies: studies, diagnostics: diagnostics, sources: sources)
    }

    private func templateFiles(
        _ loader: ContentLoader, into diagnostics: inout [Diagnostic]
    ) throws(EnvironmentError) -> [(name: String, file: SourceFile)] {
        var templates: [(name: String, file: SourceFile)] = []
        // The assets are listed apart: their folder, which may hold thousands of photos, is not walked twice.
        for path in try loader.listFiles(ProjectPaths.templatesFolder, skipping: Path.lastComponent(ProjectPaths.assetsFolder),
                                         required: true, into: &diagnostics)
        where path.hasSuffix(".mustache") {
            guard let file = try loader.readText(Path.join(ProjectPaths.templatesFolder, path), into: &diagnostics) else { continue }
            templates.append((String(path.dropLast(".mustache".count)), file))
        }
        return templates
    }
}
