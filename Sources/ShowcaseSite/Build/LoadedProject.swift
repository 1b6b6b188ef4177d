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

    var reader: CaseStudyReader { CaseStudyReader(parser: CaseStudyParser(catalogue: catalogue, config: config)) }
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

/// Reads a project from disk: configuration, indicator catalogue, templates and case studies (in parallel).
package struct ProjectLoader: Sendable {
    let fileSystem: FileSystem

    package init(fileSystem: FileSystem = .disk) {
        self.fileSystem = fileSystem
    }

    /// The configuration and the indicator catalogue only, with their problems (what `showcase new` needs).
    package func configuration(_ paths: ProjectPaths) throws(EnvironmentError)
        -> (config: SiteConfig, catalogue: IndicatorCatalogue, diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        let files = ProjectFiles(fileSystem: fileSystem, paths: paths)
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var config = SiteConfig.fallback
        if let file = try readText(ProjectPaths.configFile, files, into: &diagnostics) {
            let parsed = SiteConfigParser.parse(file)
            config = parsed.config
            diagnostics += parsed.diagnostics
            sources[file.path] = file
        }
        guard let catalogueFile = try readText(ProjectPaths.catalogueFile, files, into: &diagnostics) else {
            throw EnvironmentError(.folderNotFound, "le catalogue des indicateurs « \(ProjectPaths.catalogueFile) » est introuvable dans « \(paths.root) »",
                                   help: "lancez showcase depuis le dossier du projet, ou indiquez-le avec `--project` ; `showcase init` crée un projet")
        }
        sources[catalogueFile.path] = catalogueFile
        let (catalogue, catalogueProblems) = CatalogueParser.parse(catalogueFile)
        return (config, catalogue, diagnostics + catalogueProblems, sources)
    }

    /// The configuration, catalogue, templates and assets.
    package func settings(_ paths: ProjectPaths) throws(EnvironmentError) -> ProjectSettings {
        let files = ProjectFiles(fileSystem: fileSystem, paths: paths)
        var (config, catalogue, diagnostics, sources) = try configuration(paths)
        let templateFiles = try self.templateFiles(files, into: &diagnostics)
        for (_, file) in templateFiles { sources[file.path] = file }
        let (templates, templateProblems) = TemplateLibrary.load(templateFiles, required: SitePages.requiredTemplates)
        diagnostics += templateProblems
        let assets = try listFiles(ProjectPaths.assetsFolder, files, required: false, into: &diagnostics)
        let hashed = sources.sorted { $0.key < $1.key }.map { $0.key + "\u{0}" + $0.value.text }.joined(separator: "\u{0}")
        return ProjectSettings(paths: paths, config: config, catalogue: catalogue, templates: templates, assets: assets,
                               diagnostics: diagnostics, sources: sources, hash: ContentHash.hex(Array(hashed.utf8)))
    }

    /// The content files (`content/*.md`), from the project root, in a stable order; with the warnings about
    /// links that lead outside the project.
    package func contentPaths(_ paths: ProjectPaths) throws(EnvironmentError) -> (paths: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let found = try listFiles(ProjectPaths.contentFolder, ProjectFiles(fileSystem: fileSystem, paths: paths), required: true,
                                  into: &diagnostics)
        return (found.filter { $0.hasSuffix(".md") }.map { Path.join(ProjectPaths.contentFolder, $0) }, diagnostics)
    }

    /// Reads and parses one content file, and the photos it names.
    func read(_ path: String, settings: ProjectSettings, reader: CaseStudyReader) throws(EnvironmentError) -> ReadCaseStudy {
        switch try readContent(path, paths: settings.paths) {
        case .refused(let reading):
            return reading
        case .bytes(let bytes):
            var read = reader.read(bytes, path: path)
            ImageResolver.resolve(&read, files: ProjectFiles(fileSystem: fileSystem, paths: settings.paths))
            return read
        }
    }

    /// A case study is a text of a few kilobytes: past this size, a file is not read (it would only fill the
    /// memory), and says so.
    static let maximumFileSize: Int64 = 1 << 20

    /// A content file as read from disk: its bytes, or a reading that refuses it.
    enum ContentFile {
        case bytes([UInt8])
        case refused(ReadCaseStudy)
    }

    /// The bytes of one content file, unless it is too large.
    func readContent(_ path: String, paths: ProjectPaths) throws(EnvironmentError) -> ContentFile {
        let onDisk = paths.onDisk(path)
        if let size = fileSystem.stamp(onDisk)?.size, size > Self.maximumFileSize {
            let diagnostic = Diagnostic.error(
                .fileTooLarge, "« \(path) » pèse \(FrenchNumber.megabytes(size)) : une fiche ne peut dépasser \(FrenchNumber.megabytes(Self.maximumFileSize))",
                at: .startOf(path),
                help: "une fiche est un texte de quelques kilo-octets : vérifiez que ce n'est pas une photo ou un PDF renommé en `.md` ; une photo se place à côté de la fiche et se cite dans `images`")
            return .refused(ReadCaseStudy(file: SourceFile(path: path, text: ""), study: nil, diagnostics: [diagnostic]))
        }
        do throws(FileSystemError) {
            return .bytes(try fileSystem.readFile(onDisk))
        } catch {
            throw EnvironmentError(.readFailed, "impossible de lire « \(path) » : \(FrenchErrno.describe(error.code))",
                                   help: FrenchErrno.help(error.code))
        }
    }

    /// The whole project, every content file parsed (for `check` and `export`).
    package func load(_ paths: ProjectPaths) async throws(EnvironmentError) -> LoadedProject {
        let settings = try self.settings(paths)
        let (contentPaths, listingProblems) = try self.contentPaths(paths)
        let reader = settings.reader
        let reads = await contentPaths.concurrentMap { path -> Result<ReadCaseStudy, EnvironmentError> in
            do throws(EnvironmentError) {
                return .success(try read(path, settings: settings, reader: reader))
            } catch {
                return .failure(error)
            }
        }
        var studies: [ReadCaseStudy] = []
        for read in reads { studies.append(try read.get()) }
        var diagnostics = settings.diagnostics + listingProblems
        var sources = settings.sources
        for study in studies {
            diagnostics += study.diagnostics
            sources[study.file.path] = study.file
        }
        diagnostics += ProjectRules.check(studies.compactMap(\.study).map { ($0.slug, $0.path) })
        return LoadedProject(settings: settings, studies: studies, diagnostics: diagnostics, sources: sources)
    }

    /// The text of a project file, or `nil` when it does not exist; its encoding problems join `diagnostics`.
    private func readText(
        _ relative: String, _ files: ProjectFiles, into diagnostics: inout [Diagnostic]
    ) throws(EnvironmentError) -> SourceFile? {
        guard files.kind(relative) == .file else {
            if files.leadsOutside(relative) { diagnostics.append(ProjectFiles.outsideWarning(relative)) }
            return nil
        }
        if let size = fileSystem.stamp(files.paths.onDisk(relative))?.size, size > Self.maximumFileSize {
            throw EnvironmentError(.fileTooLarge, "« \(relative) » pèse \(FrenchNumber.megabytes(size)) : showcase n'en lit pas plus de \(FrenchNumber.megabytes(Self.maximumFileSize))",
                                   help: "vérifiez que c'est bien le fichier attendu, enregistré comme texte")
        }
        let bytes = try attempt { () throws(FileSystemError) in try fileSystem.readFile(files.paths.onDisk(relative)) }
        let (file, problems) = TextDecoder.decode(bytes, path: relative)
        diagnostics += problems
        return file
    }

    /// Files below `relative`, as paths relative to it, in a stable order; hidden files are skipped, and so are
    /// symbolic links leading outside the project (with a warning).
    private func listFiles(
        _ relative: String, _ files: ProjectFiles, required: Bool, into diagnostics: inout [Diagnostic]
    ) throws(EnvironmentError) -> [String] {
        guard files.kind(relative) == .directory else {
            if !required { return [] }
            throw EnvironmentError(.folderNotFound, "le dossier « \(relative) » est introuvable dans « \(files.paths.root) »",
                                   help: "lancez showcase depuis le dossier du projet, ou indiquez-le avec `--project`")
        }
        var found: [String] = []
        var pending = [""]
        while let next = pending.popLast() {
            let folder = next.isEmpty ? relative : Path.join(relative, next)
            let entries = try attempt { () throws(FileSystemError) in try fileSystem.listDirectory(files.paths.onDisk(folder)) }
            for entry in entries where !entry.name.hasPrefix(".") {
                let path = next.isEmpty ? entry.name : Path.join(next, entry.name)
                let kind = entry.kind == .symbolicLink ? files.kind(Path.join(relative, path)) : entry.kind
                switch kind {
                case .file: found.append(path)
                case .directory where relative != ProjectPaths.contentFolder: pending.append(path)
                case nil where entry.kind == .symbolicLink:
                    diagnostics.append(ProjectFiles.outsideWarning(Path.join(relative, path)))
                default: break
                }
            }
        }
        return found.sorted { $0.precedesInBytes($1) }
    }

    private func templateFiles(
        _ files: ProjectFiles, into diagnostics: inout [Diagnostic]
    ) throws(EnvironmentError) -> [(name: String, file: SourceFile)] {
        var templates: [(name: String, file: SourceFile)] = []
        for path in try listFiles(ProjectPaths.templatesFolder, files, required: true, into: &diagnostics)
        where path.hasSuffix(".mustache") {
            guard let file = try readText(Path.join(ProjectPaths.templatesFolder, path), files, into: &diagnostics) else { continue }
            templates.append((String(path.dropLast(".mustache".count)), file))
        }
        return templates
    }
}
