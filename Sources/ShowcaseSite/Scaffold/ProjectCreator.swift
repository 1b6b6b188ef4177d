import Foundation
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Creates files for writers: a new fiche in a project, or a whole new project.
public struct ProjectCreator: Sendable {
    let fileSystem: FileSystem

    public init() {
        self.init(fileSystem: .disk)
    }

    package init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Writes `content/<slug>.md` for a new case study; never overwrites a file.
    /// - Returns: the path written, relative to the project.
    public func newCaseStudy(title: String, in paths: ProjectPaths, today: PartialDate) throws(EnvironmentError) -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw EnvironmentError(.invalidFileName, "le titre « \(title) » ne donne aucun nom de fichier",
                                   help: "donnez un titre avec des lettres ou des chiffres : `showcase new \"Casiers fabriqués en détention\"`")
        }
        let settings = try ContentLoader(fileSystem: fileSystem, paths: paths).configuration()
        let relative = Path.join(ProjectPaths.contentFolder, slug + ".md")
        guard fileSystem.kind(paths.onDisk(relative)) == nil else {
            throw EnvironmentError(.writeFailed, "« \(relative) » existe déjà : showcase n'écrase jamais une fiche",
                                   help: "ouvrez la fiche existante, ou choisissez un autre titre")
        }
        let text = try Scaffold.newCaseStudy(title: title, date: today, catalogue: settings.catalogue, config: settings.config)
        try attempt { () throws(FileSystemError) in
            try fileSystem.createDirectories(paths.onDisk(ProjectPaths.contentFolder))
            try fileSystem.writeFile(paths.onDisk(relative), Array(text.utf8))
        }
        return relative
    }

    /// Writes a new project into `folder` (created when missing, refused when not empty): configuration,
    /// catalogue, templates, the CI files that check and publish it (fetching showcase from `sourceRepository`)
    /// and a first fiche to fill in.
    /// - Returns: the paths written, relative to `folder`.
    public func newProject(
        at folder: String, today: PartialDate, sourceRepository: String = ShowcaseVersion.sourceRepository
    ) throws(EnvironmentError) -> [String] {
        switch fileSystem.kind(folder) {
        case nil: break
        case .directory:
            let entries = try attempt { () throws(FileSystemError) in try fileSystem.listDirectory(folder) }
            guard entries.allSatisfy({ $0.name.hasPrefix(".") }) else {
                throw EnvironmentError(.unsafeOutputFolder, "le dossier « \(folder) » n'est pas vide : showcase n'y crée pas de projet",
                                       help: "choisissez un dossier vide ou un nouveau nom de dossier")
            }
        default:
            throw EnvironmentError(.unsafeOutputFolder, "« \(folder) » existe et n'est pas un dossier")
        }
        var written: [String] = []
        // What a build writes stays out of version control: the site, and what a build remembers for the next;
        // so does the showcase the CI files install.
        let ignored: (String, [UInt8]) = (".gitignore", Array("""
            /site/
            \(SiteFolders.ignorePattern(forOutputNamed: "site"))
            /\(BuildCache.folder)/
            /\(Scaffold.installedToolFolder)/

            """.utf8))
        let hosting = try Scaffold.hostingFiles(sourceRepository: sourceRepository)
        for (relative, bytes) in try Scaffold.skeletonFiles() + hosting + [ignored] where fileSystem.kind(Path.join(folder, relative)) == nil {
            try attempt { () throws(FileSystemError) in
                try fileSystem.createDirectories(Path.parent(Path.join(folder, relative)))
                try fileSystem.writeFile(Path.join(folder, relative), bytes)
            }
            written.append(relative)
        }
        written.append(try newCaseStudy(title: "Premier achat à présenter", in: ProjectPaths(root: folder), today: today))
        return written
    }
}

extension PartialDate {
    /// Today, in the machine's time zone (or the day `SHOWCASE_AUJOURDHUI` names).
    public static func today() -> PartialDate { BuildDate.today() }
}
