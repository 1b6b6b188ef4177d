#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// Writes a site so that a failed build leaves the previous one as it was.
///
/// - A new output folder is written beside its final place and renamed into it once complete.
/// - An existing output folder (one showcase wrote: it carries a marker file listing every file it wrote, with
///   a fingerprint of its bytes) is updated in place: only files whose bytes changed are written, each first
///   under a temporary name; once all are written they are renamed over the old ones, and files the site no
///   longer has are deleted. Rewriting 10 000 unchanged pages, or deleting and recreating them, costs seconds on
///   a common disk; comparing fingerprints costs nothing.
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
        let name = Path.lastComponent(output)
        let staging = Path.join(Path.parent(output), ".\(name).en-cours-\(getpid())")
        try attempt { () throws(FileSystemError) in
            try fileSystem.removeTree(staging)
            try fileSystem.createDirectories(staging)
        }
        return SiteOutput(fileSystem: fileSystem, output: output, mode: .fresh(staging: staging))
    }
}

/// A site being written. `write` may be called from several tasks at once for different files.
package final class SiteOutput: SiteSink {
    enum Mode: Sendable {
        case fresh(staging: String)
        case inPlace(previous: Manifest)
    }

    private struct State: Sendable {
        var written = Manifest()
        /// The stamp of each file of the new site, as written or kept.
        var stamps: [String: FileStamp] = [:]
        /// In-place mode: temporary files to rename over their final names, and folders already known to exist.
        var pending: [(temporary: String, final: String)] = []
        var folders: Set<String> = []
        /// In-place mode: the outermost folders this build created, removed again if it fails.
        var createdFolders: [String] = []
    }

    /// Problems met in the previous site that did not stop the build, with the files they quote.
    package struct Warnings: Sendable {
        package var diagnostics: [Diagnostic] = []
        package var sources: [String: SourceFile] = [:]
    }

    let fileSystem: FileSystem
    /// Where the site goes.
    package let output: String
    let mode: Mode
    /// The fingerprint of the marker the previous build left, which what it remembered must match.
    let previousMarker: UInt64?
    package let warnings: Warnings
    /// The stamps the previous build recorded for its files (see `trusting`).
    private let trusted: [String: FileStamp]
    private let state: Mutex<State>
    /// For each folder of the site met so far (relative path), whether it is a symbolic link.
    private let linkedFolders = Mutex<[String: Bool]>([:])
    /// The folders of the previous site that are symbolic links, found once: almost always none, and then
    /// `has` costs nothing more for 10 000 pages.
    private let previousLinks: Set<String>

    init(fileSystem: FileSystem, output: String, mode: Mode, previousMarker: UInt64? = nil, warnings: Warnings = .init(),
         trusted: [String: FileStamp] = [:], previousLinks: Set<String>? = nil) {
        self.fileSystem = fileSystem
        self.output = output
        self.mode = mode
        self.previousMarker = previousMarker
        self.warnings = warnings
        self.trusted = trusted
        if let previousLinks {
            self.previousLinks = previousLinks
        } else if case .inPlace(let previous) = mode {
            self.previousLinks = Self.links(among: previous.files.keys, in: output, fileSystem: fileSystem)
        } else {
            self.previousLinks = []
        }
        // Sized for the previous site: growing two tables of 10 000 paths file by file costs milliseconds.
        var state = State()
        if case .inPlace(let previous) = mode {
            state.written.files.reserveCapacity(previous.files.count)
            state.stamps.reserveCapacity(previous.files.count)
        }
        self.state = Mutex(state)
    }

    /// Writes `bytes` at `relativePath` of the site, creating folders as needed.
    package func write(_ relativePath: String, _ bytes: [UInt8]) throws(EnvironmentError) {
        let fingerprint = ContentHash.hex(bytes)
        switch mode {
        case .fresh(let staging):
            let stamp = try put(bytes, at: Path.join(staging, relativePath), relativePath: relativePath)
            state.withLock {
                $0.written.files[relativePath] = fingerprint
                $0.stamps[relativePath] = stamp
            }
        case .inPlace(let previous):
            if previous.files[relativePath] == fingerprint, has(relativePath) {
                keep([relativePath])
                return
            }
            let final = Path.join(output, relativePath)
            let temporary = Path.join(Path.parent(final), ".\(Path.lastComponent(final)).showcase-nouveau")
            let stamp = try put(bytes, at: temporary, relativePath: relativePath)  // a rename keeps the stamp
            state.withLock {
                $0.written.files[relativePath] = fingerprint
                $0.stamps[relativePath] = stamp
                $0.pending.append((temporary, final))
            }
        }
    }

    /// The same output, trusting the stamps the previous build recorded for its files: a file whose stamp
    /// changed was touched by someone else, and `has` no longer vouches for it. Without them, a listed file that
    /// exists is taken as written. Call before writing anything.
    func trusting(_ stamps: [String: FileStamp]) -> SiteOutput {
        SiteOutput(fileSystem: fileSystem, output: output, mode: mode, previousMarker: previousMarker, warnings: warnings,
                   trusted: stamps, previousLinks: previousLinks)
    }

    package func keep(_ relativePaths: [String]) {
        guard case .inPlace(let previous) = mode else { return }
        let kept = relativePaths.compactMap { path -> (path: String, fingerprint: String, stamp: FileStamp?)? in
            guard let fingerprint = previous.files[path] else { return nil }
            return (path, fingerprint, trusted[path] ?? stamp(Path.join(output, path)))
        }
        state.withLock { state in
            for file in kept {
                state.written.files[file.path] = file.fingerprint
                state.stamps[file.path] = file.stamp
            }
        }
    }

    package func has(_ relativePath: String) -> Bool {
        guard case .inPlace(let listed) = mode, listed.files[relativePath] != nil,
              previousLinks.isEmpty || linkedFolder(on: relativePath) == nil else { return false }
        // Without a stamp recorded by the previous build (its memory was deleted, or did not match), only the
        // bytes tell whether the file is still as listed: a page edited by hand is then written again.
        guard let expected = trusted[relativePath] else { return previous(relativePath) != nil }
        return stamp(Path.join(output, relativePath)) == expected
    }

    /// A file of the site's stamp, without its change time, which the rename into place moves on.
    private func stamp(_ path: String) -> FileStamp? {
        fileSystem.stamp(path)?.withoutChangeTime
    }

    package func previous(_ relativePath: String) -> [UInt8]? {
        guard case .inPlace(let previous) = mode, let fingerprint = previous.files[relativePath],
              let bytes = try? fileSystem.readFile(Path.join(output, relativePath)),
              ContentHash.hex(bytes) == fingerprint else { return nil }
        return bytes
    }

    /// The stamp of each file of the new site (once committed), for the next build to `trust`.
    var stamps: [String: FileStamp] { state.withLock { $0.stamps } }

    /// The folders holding `paths` (relative to `output`) that are symbolic links: each folder is looked at once.
    private static func links(among paths: Dictionary<String, String>.Keys, in output: String, fileSystem: FileSystem) -> Set<String> {
        // Slices of the paths, not new strings: 10 000 paths cost a fraction of a millisecond.
        var folders = Set<Substring>()
        for path in paths {
            var rest = path[...]
            while let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
                rest = rest[..<slash]
                if !folders.insert(rest).inserted { break }
            }
        }
        return Set(folders.filter { fileSystem.kind(Path.join(output, String($0))) == .symbolicLink }.map(String.init))
    }

    /// The first folder on the way to `relativePath` inside the site that is a symbolic link, if any: the site
    /// never writes or deletes through one, which would reach outside it.
    func linkedFolder(on relativePath: String) -> String? {
        var folders: [String] = []
        var folder = Path.parent(relativePath)
        while folder != "." && folder != "/" {
            folders.append(folder)
            folder = Path.parent(folder)
        }
        for folder in folders.reversed() {
            let isLink = linkedFolders.withLock { $0[folder] } ?? {
                let isLink = fileSystem.kind(Path.join(output, folder)) == .symbolicLink
                linkedFolders.withLock { $0[folder] = isLink }
                return isLink
            }()
            if isLink { return folder }
        }
        return nil
    }

    /// Writes a file, creating its folder when needed; returns the stamp the file got.
    private func put(_ bytes: [UInt8], at path: String, relativePath: String) throws(EnvironmentError) -> FileStamp? {
        let folder = Path.parent(path)
        let known = state.withLock { $0.folders.contains(folder) }
        if !known, isInPlace, let link = linkedFolder(on: relativePath) {
            throw EnvironmentError(
                .unsafeOutputFolder, "« \(Path.join(output, link)) » est un lien symbolique : showcase n'écrit pas le site à travers un lien",
                help: "supprimez ce lien (le dossier vers lequel il pointe n'est pas touché), puis relancez la construction")
        }
        try attempt { () throws(FileSystemError) in
            if !known, fileSystem.kind(folder) != .directory {
                var outermost = folder
                while fileSystem.kind(Path.parent(outermost)) == nil { outermost = Path.parent(outermost) }
                try fileSystem.createDirectories(folder)
                state.withLock { $0.createdFolders.append(outermost) }
            }
            try fileSystem.writeFile(path, bytes)
        }
        if !known { state.withLock { _ = $0.folders.insert(folder) } }
        return stamp(path)
    }

    /// Whether the site is updated in place (else written beside it and renamed into place).
    var isInPlace: Bool {
        if case .inPlace = mode { return true }
        return false
    }

    /// The marker the site will carry, listing every file written or kept: final once all are.
    package var marker: [UInt8] {
        let written = state.withLock { $0.written }
        guard case .inPlace(let previous) = mode else { return written.bytes }
        return written.bytes(after: previous)
    }

    /// Puts the new site in place: renames the staging folder, or the written files over the old ones (deleting
    /// those the site no longer has), then records what was written in the marker (`marker`, made beforehand so
    /// that the build memory can be written meanwhile).
    package func commit(marker: [UInt8]) throws(EnvironmentError) {
        let (written, pending) = state.withLock { ($0.written, $0.pending) }
        switch mode {
        case .fresh(let staging):
            try attempt { () throws(FileSystemError) in
                try fileSystem.writeFile(Path.join(staging, SiteWriter.markerName), marker)
                if fileSystem.kind(output) != nil { try fileSystem.removeTree(output) }
                try fileSystem.createDirectories(Path.parent(output))
                try fileSystem.rename(staging, output)
            }
        case .inPlace(let previous):
            try attempt { () throws(FileSystemError) in
                for (temporary, final) in pending { try fileSystem.rename(temporary, final) }
                for stale in previous.files.keys.filter({ written.files[$0] == nil && linkedFolder(on: $0) == nil }).sorted() {
                    try fileSystem.removeTree(Path.join(output, stale))
                }
                let path = Path.join(output, SiteWriter.markerName)
                try fileSystem.writeFile(path + ".showcase-nouveau", marker)
                try fileSystem.rename(path + ".showcase-nouveau", path)
            }
        }
    }

    /// Removes what a failed build wrote; the output folder is as it was.
    package func abandon() {
        switch mode {
        case .fresh(let staging):
            try? fileSystem.removeTree(staging)
        case .inPlace:
            let (pending, created) = state.withLock { ($0.pending, $0.createdFolders) }
            for (temporary, _) in pending { try? fileSystem.removeTree(temporary) }
            for folder in created { try? fileSystem.removeTree(folder) }
        }
    }
}
