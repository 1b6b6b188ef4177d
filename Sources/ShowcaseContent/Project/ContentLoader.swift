import ShowcaseFoundation

/// The configuration and the indicator catalogue, read and checked: what every case study is read against.
package struct ProjectConfiguration: Sendable {
    package let config: SiteConfig
    package let catalogue: IndicatorCatalogue
    /// Problems of the configuration and the catalogue.
    package let diagnostics: [Diagnostic]
    /// The files those diagnostics may point into, by display path.
    package let sources: [String: SourceFile]

    /// The reader of case studies under this configuration.
    package var reader: CaseStudyReader { CaseStudyReader(parser: CaseStudyParser(catalogue: catalogue, config: config)) }
}

/// The reading stage, the one way every command reads a project's text (`check`, `export`, `build`, `serve`):
/// the configuration, the catalogue, the list of content files, and each content file with the photos it names.
package struct ContentLoader: Sendable {
    package let fileSystem: FileSystem
    package let files: ProjectFiles
    package var paths: ProjectPaths { files.paths }

    package init(fileSystem: FileSystem, paths: ProjectPaths) {
        self.fileSystem = fileSystem
        files = ProjectFiles(fileSystem: fileSystem, paths: paths)
    }

    /// A case study is a text of a few kilobytes: past this size, a file is not read (it would only fill the
    /// memory), and says so.
    package static let maximumFileSize: Int64 = 1 << 20

    /// The configuration and the indicator catalogue, with their problems.
    package func configuration() throws(EnvironmentError) -> ProjectConfiguration {
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceFile] = [:]
        var config = SiteConfig.fallback
        if let file = try readText(ProjectPaths.configFile, into: &diagnostics) {
            let parsed = SiteConfigParser.parse(file)
            config = parsed.config
            diagnostics += parsed.diagnostics
            sources[file.path] = file
        }
        config.today = BuildDate.today()  // read at each reading: a preview left running sees the day change
        if let baseURL = paths.baseURL {
            if let problem = config.override(baseURL: baseURL) { diagnostics.append(problem) }
        }
        guard let catalogueFile = try readText(ProjectPaths.catalogueFile, into: &diagnostics) else {
            throw EnvironmentError(.folderNotFound, "le catalogue des indicateurs « \(ProjectPaths.catalogueFile) » est introuvable dans « \(paths.root) »",
                                   help: "lancez showcase depuis le dossier du projet, ou indiquez-le avec `--project` ; `showcase init` crée un projet")
        }
        sources[catalogueFile.path] = catalogueFile
        let (catalogue, catalogueProblems) = CatalogueParser.parse(catalogueFile)
        return ProjectConfiguration(config: config, catalogue: catalogue, diagnostics: diagnostics + catalogueProblems,
                                    sources: sources)
    }

    /// The content files (`content/*.md`), from the project root, in a stable order; with the warnings about
    /// links that lead outside the project.
    package func contentPaths() throws(EnvironmentError) -> (paths: [String], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let found = try listFiles(ProjectPaths.contentFolder, required: true, into: &diagnostics)
        for name in found where !name.hasSuffix(".md") && Self.looksLikeCaseStudy(name) {
            let stem = name.split(separator: ".").dropLast().joined(separator: ".")
            diagnostics.append(.warning(
                .fileIgnored, "« \(Path.join(ProjectPaths.contentFolder, name)) » n'est pas lu : seules les fiches en `.md` (en minuscules) le sont",
                at: .startOf(Path.join(ProjectPaths.contentFolder, name)), help: "renommez-le en « \(stem).md »"))
        }
        return (found.filter { $0.hasSuffix(".md") }.map { Path.join(ProjectPaths.contentFolder, $0) }, diagnostics)
    }

    /// `.MD`, `.Md`, `.markdown`: a case study a writer expects to be read.
    private static func looksLikeCaseStudy(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown")
    }

    /// Reads and parses one content file, and the photos it names.
    package func read(_ path: String, reader: CaseStudyReader) throws(EnvironmentError) -> ReadCaseStudy {
        switch try readContent(path) {
        case .refused(let reading): return reading
        case .bytes(let bytes): return parse(bytes, path: path, reader: reader)
        }
    }

    /// Parses the bytes of one content file, and reads the photos it names.
    package func parse(_ bytes: [UInt8], path: String, reader: CaseStudyReader) -> ReadCaseStudy {
        var read = reader.read(bytes, path: path)
        ImageResolver.resolve(&read, files: files)
        return read
    }

    /// A content file as read from disk: its bytes, or a reading that refuses it.
    package enum ContentFile {
        case bytes([UInt8])
        case refused(ReadCaseStudy)
    }

    /// The bytes of one content file, unless it is too large.
    package func readContent(_ path: String) throws(EnvironmentError) -> ContentFile {
        let read: BoundedRead
        do throws(FileSystemError) {
            read = try fileSystem.readFileAtMost(paths.onDisk(path), Self.maximumFileSize)
        } catch {
            throw EnvironmentError(.readFailed, "impossible de lire « \(path) » : \(FrenchErrno.describe(error.code))",
                                   help: FrenchErrno.help(error.code))
        }
        switch read {
        case .bytes(let bytes):
            return .bytes(bytes)
        case .tooLarge(let size):
            let diagnostic = Diagnostic.error(
                .fileTooLarge, "« \(path) » pèse \(FrenchNumber.megabytes(size)) : une fiche ne peut dépasser \(FrenchNumber.megabytes(Self.maximumFileSize))",
                at: .startOf(path),
                help: "une fiche est un texte de quelques kilo-octets : vérifiez que ce n'est pas une photo ou un PDF renommé en `.md` ; une photo se place à côté de la fiche et se cite dans `images`")
            return .refused(ReadCaseStudy(file: SourceFile(path: path, text: ""), study: nil, diagnostics: [diagnostic]))
        }
    }

    /// The text of a project file, or `nil` when it does not exist; its encoding problems join `diagnostics`.
    package func readText(_ relative: String, into diagnostics: inout [Diagnostic]) throws(EnvironmentError) -> SourceFile? {
        guard files.kind(relative) == .file else {
            if files.leadsOutside(relative) { diagnostics.append(ProjectFiles.outsideWarning(relative)) }
            return nil
        }
        let bytes: [UInt8]
        switch try attempt({ () throws(FileSystemError) in try fileSystem.readFileAtMost(paths.onDisk(relative), Self.maximumFileSize) }) {
        case .bytes(let read):
            bytes = read
        case .tooLarge(let size):
            throw EnvironmentError(.fileTooLarge, "« \(relative) » pèse \(FrenchNumber.megabytes(size)) : showcase n'en lit pas plus de \(FrenchNumber.megabytes(Self.maximumFileSize))",
                                   help: "vérifiez que c'est bien le fichier attendu, enregistré comme texte")
        }
        let (file, problems) = TextDecoder.decode(bytes, path: relative)
        diagnostics += problems
        return file
    }

    /// Files below `relative`, as paths relative to it, in a stable order; hidden files are skipped, and so are
    /// symbolic links leading outside the project (with a warning) and the subfolder `skipping` (listed apart).
    package func listFiles(_ relative: String, skipping: String? = nil, required: Bool,
                           into diagnostics: inout [Diagnostic]) throws(EnvironmentError) -> [String] {
        guard files.kind(relative) == .directory else {
            if !required { return [] }
            throw EnvironmentError(.folderNotFound, "le dossier « \(relative) » est introuvable dans « \(paths.root) »",
                                   help: "lancez showcase depuis le dossier du projet, ou indiquez-le avec `--project`")
        }
        var found: [String] = []
        var pending = [""]
        // A folder linked to one of its parents (`content/boucle -> ..`) would be listed forever: each real
        // folder is listed once.
        var listed = Set<PathKey>()
        while let next = pending.popLast() {
            let real = fileSystem.realPath(paths.onDisk(next.isEmpty ? relative : Path.join(relative, next)))
            if let real, !listed.insert(PathKey(real)).inserted { continue }
            let folder = next.isEmpty ? relative : Path.join(relative, next)
            let entries = try attempt { () throws(FileSystemError) in try fileSystem.listDirectory(paths.onDisk(folder)) }
            let alike = Self.namesAlike(entries)
            for second in alike {
                let what = second.kind == .directory ? "deux dossiers" : "deux fichiers"
                diagnostics.append(.error(
                    .fileNamesAlike, "\(what) s'appellent « \(Path.join(folder, second.name)) » : les accents de l'un sont codés en un caractère, ceux de l'autre en deux (la lettre puis l'accent, comme sur un Mac) ; sur un Mac ou sous Windows, ce serait le même fichier",
                    at: .startOf(Path.join(folder, second.name)),
                    help: "renommez l'un des deux sans accent, comparez-les, et gardez le bon"))
            }
            for entry in entries where !entry.name.hasPrefix(".") && !alike.contains(where: { $0.name.utf8.elementsEqual(entry.name.utf8) }) {
                let path = next.isEmpty ? entry.name : Path.join(next, entry.name)
                guard entry.isValidName else {
                    diagnostics.append(.error(
                        .invalidFileName, "le nom du fichier « \(Path.join(relative, path)) » n'est pas écrit en UTF-8 : showcase ne peut pas l'ouvrir",
                        at: .startOf(Path.join(relative, path)),
                        help: "renommez-le sur cette machine (lettres sans accent, chiffres et tirets) ; il vient sans doute d'un ancien disque Windows ou Mac"))
                    continue
                }
                let kind = entry.kind == .symbolicLink ? files.kind(Path.join(relative, path)) : entry.kind
                switch kind {
                case .file: found.append(path)
                case .directory where skipping.map { !path.utf8.elementsEqual($0.utf8) } ?? true: pending.append(path)
                case nil where entry.kind == .symbolicLink:
                    diagnostics.append(ProjectFiles.outsideWarning(Path.join(relative, path)))
                default: break
                }
            }
        }
        return found.sorted { $0.precedesInBytes($1) }
    }

    /// Names of one folder that are two files on this disk but one name as text: `café` with its `é` as one
    /// character or as `e` and an accent (a Mac writes the second). Each entry whose name repeats an earlier
    /// one is given; only a name with a byte beyond ASCII can be one of them.
    static func namesAlike(_ entries: [DirectoryEntry]) -> [DirectoryEntry] {
        guard entries.contains(where: { $0.isValidName && !$0.name.utf8.allSatisfy { $0 < 0x80 } }) else { return [] }
        // Swift strings compare equal when canonically equivalent: the set finds the other form.
        var names = Set<String>(), alike: [DirectoryEntry] = []
        for entry in entries where entry.isValidName && !entry.name.hasPrefix(".") && !names.insert(entry.name).inserted {
            alike.append(entry)
        }
        return alike
    }
}
