import ShowcaseFoundation

/// Writes a site so that the output folder always holds one whole version of it, and nothing outside it changes.
///
/// Every file of the new version that differs from the previous one is first written into a staging folder
/// beside the output (`SiteFolders`); nothing in the site changes while pages are rendered, and a failed or
/// killed build leaves it as it was.
/// - A new output folder is the staging folder, renamed into place once complete.
/// - An existing output folder (one showcase wrote: it carries a marker file listing every file it wrote, with
///   a fingerprint of its bytes) is updated in place, by a `CommitJournal` written before the first change and
///   replayed by the next build if this one is killed halfway: only the files whose bytes changed are moved
///   in, the files the site no longer has are deleted, the marker last. Rewriting 10 000 unchanged pages, or
///   linking them into a new tree and deleting the old one, costs more than the rest of an incremental build.
///
/// A folder without the marker that is not empty is never touched, so that a mistyped `--output` cannot wipe
/// someone's documents.
package struct SiteWriter: Sendable {
    /// The file that marks a folder as written by showcase, and lists what it wrote.
    package static let markerName = ".showcase-site"

    let fileSystem: FileSystem

    package init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Finishes what a killed build left (a journal is replayed; a staging folder, begun or complete, goes), so
    /// that the output folder is one whole version before anything else looks at it. Call with the lock held.
    package func recover(output: String) throws(EnvironmentError) {
        let folders = SiteFolders(output: output)
        try attempt { () throws(FileSystemError) in
            if fileSystem.kind(folders.journal) == .file {
                if let journal = CommitJournal(try fileSystem.readFile(folders.journal)) {
                    try journal.apply(folders, fileSystem: fileSystem, links: LinkedFolders(fileSystem: fileSystem, output: output))
                }
                try fileSystem.removeTree(folders.journal)
            }
            try fileSystem.removeTree(folders.journal + ".nouveau")
            try fileSystem.removeTree(folders.staging)
            let parent = Path.parent(output)
            if fileSystem.kind(parent) == .directory {
                for entry in try fileSystem.listDirectory(parent) where entry.name.hasPrefix(folders.legacyStagingPrefix) {
                    try fileSystem.removeTree(Path.join(parent, entry.name))
                }
            }
        }
    }

    /// Prepares to write the site into `output` (a path on disk), shown to people as `shownAs`.
    package func begin(output: String, shownAs shown: String? = nil) throws(EnvironmentError) -> SiteOutput {
        switch fileSystem.kind(output) {
        case nil:
            return try fresh(output)
        case .directory:
            let entries = try attempt { () throws(FileSystemError) in try fileSystem.listDirectory(output) }
            if entries.isEmpty { return try fresh(output) }
            guard entries.contains(where: { $0.name == Self.markerName }) else {
                throw EnvironmentError(
                    .unsafeOutputFolder, "le dossier « \(output) » existe et n'a pas été créé par showcase : il ne sera pas remplacé",
                    help: "choisissez un autre dossier avec `--output`, ou videz celui-ci vous-même")
            }
            let marker = try attempt { () throws(FileSystemError) in try fileSystem.readFile(Path.join(output, Self.markerName)) }
            guard let manifest = Manifest(marker) else { return try fresh(output) }
            try prepareStaging(output)
            return SiteOutput(fileSystem: fileSystem, output: output, mode: .inPlace(previous: manifest),
                              previousMarker: ContentHash.hash(marker), warnings: refusals(manifest, marker: marker, output: shown ?? output))
        default:
            throw EnvironmentError(.unsafeOutputFolder, "« \(output) » existe et n'est pas un dossier",
                                   help: "choisissez un autre dossier de sortie avec `--output`")
        }
    }

    /// A warning for each line of the marker that was not followed, with the marker's text to quote them.
    private func refusals(_ manifest: Manifest, marker: [UInt8], output: String) -> SiteOutput.Warnings {
        guard !manifest.refusedLines.isEmpty else { return .init() }
        let file = SourceFile(path: Path.join(output, Self.markerName), text: String(decoding: marker, as: UTF8.self))
        let diagnostics = manifest.refusedLines.map { refused in
            Diagnostic.warning(
                .markerLineIgnored, "ligne du marqueur ignorée : elle ne désigne pas un fichier à l'intérieur du site",
                at: file.location(line: refused.line, column: 1, length: max(1, refused.text.unicodeScalars.count)),
                help: "showcase n'écrit et ne supprime rien hors du dossier du site ; ce fichier a été modifié hors de showcase, la construction le réécrit")
        }
        return .init(diagnostics: diagnostics, sources: [file.path: file])
    }

    private func fresh(_ output: String) throws(EnvironmentError) -> SiteOutput {
        try prepareStaging(output)
        return SiteOutput(fileSystem: fileSystem, output: output, mode: .fresh)
    }

    /// An empty staging folder, whatever an earlier build left there.
    private func prepareStaging(_ output: String) throws(EnvironmentError) {
        let staging = SiteFolders(output: output).staging
        try attempt { () throws(FileSystemError) in
            try fileSystem.removeTree(staging)
            try fileSystem.createDirectories(staging)
        }
    }
}
