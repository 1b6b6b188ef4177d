import Synchronization
import ShowcaseFoundation

/// A site being written (see `SiteWriter`). `write` may be called from several tasks at once for different files.
package final class SiteOutput: SiteSink {
    enum Mode: Sendable {
        /// No previous site: the staging folder becomes the site.
        case fresh
        /// A previous site, updated by a journal once the new files are staged.
        case inPlace(previous: Manifest)

        var previous: Manifest? {
            if case .inPlace(let previous) = self { return previous }
            return nil
        }
    }

    private struct State: Sendable {
        /// The files of the new site, written or kept, with their stamps.
        var listing: SiteListing
        /// In-place mode: the files staged, to move into the site.
        var staged: [String] = []
        /// Folders of the staging folder already known to exist.
        var folders: Set<PathKey> = []
    }

    /// Problems met in the previous site that did not stop the build, with the files they quote.
    package struct Warnings: Sendable {
        package var diagnostics: [Diagnostic] = []
        package var sources: [String: SourceFile] = [:]
    }

    let fileSystem: FileSystem
    /// Where the site goes.
    package let output: String
    let folders: SiteFolders
    let mode: Mode
    /// The fingerprint of the marker the previous build left, which what it remembered must match.
    let previousMarker: UInt64?
    package let warnings: Warnings
    /// The stamps the previous build recorded for its files, in its marker's order (see `trusting`); empty
    /// when there are none.
    private let trusted: [FileStamp?]
    private let state: Mutex<State>
    private let links: LinkedFolders
    /// The previous site's files, stamped relative to the output folder.
    private let previousStamps: FolderStamps
    /// The folders of the previous site that are symbolic links, found once: almost always none, and then
    /// `has` costs nothing more for 10 000 pages.
    private let previousLinks: [String]

    init(fileSystem: FileSystem, output: String, mode: Mode, previousMarker: UInt64? = nil, warnings: Warnings = .init(),
         trusted: [FileStamp?] = [], links: LinkedFolders? = nil, previousLinks: [String]? = nil,
         previousStamps: FolderStamps? = nil) {
        self.fileSystem = fileSystem
        self.output = output
        folders = SiteFolders(output: output)
        self.mode = mode
        self.previousMarker = previousMarker
        self.warnings = warnings
        if case .inPlace(let previous) = mode, trusted.count == previous.count {
            self.trusted = trusted
        } else {
            self.trusted = []
        }
        self.previousStamps = previousStamps ?? fileSystem.folderStamps(output)
        let links = links ?? LinkedFolders(fileSystem: fileSystem, output: output)
        self.links = links
        if let previousLinks {
            self.previousLinks = previousLinks
        } else if case .inPlace(let previous) = mode {
            self.previousLinks = links.among(previous.paths)
        } else {
            self.previousLinks = []
        }
        self.state = Mutex(State(listing: SiteListing(previous: mode.previous)))
    }

    /// Writes `bytes` at `relativePath` of the new site, into the staging folder.
    package func write(_ relativePath: String, _ bytes: [UInt8]) throws(EnvironmentError) {
        let fingerprint = ContentHash.hash(bytes)
        if unchanged(relativePath, fingerprint: fingerprint, bytes: bytes) {
            keep([relativePath])
            return
        }
        let path = try stagedPath(relativePath)
        try attempt { () throws(FileSystemError) in try fileSystem.writeFile(path, bytes) }
        record(relativePath, fingerprint: fingerprint, stamp: stamp(path))
    }

    /// A file of the new site, staged.
    private func record(_ relativePath: String, fingerprint: UInt64, stamp: FileStamp?) {
        let key = PathKey(relativePath), position = mode.previous?.position(of: key)
        state.withLock {
            $0.listing.record(key, at: position, .init(fingerprint: fingerprint, stamp: stamp))
            if isInPlace { $0.staged.append(relativePath) }
        }
    }

    /// Writes a file made of pieces into the staging folder, its fingerprint computed as they stream. An
    /// unchanged file is kept when the previous build vouched for it by its stamp; else it is staged again (its
    /// bytes were never held to compare).
    package func write(_ relativePath: String, length: Int, pieces: (StreamedFile) throws(FileSystemError) -> Void) throws(EnvironmentError) {
        let path = try stagedPath(relativePath)
        let fingerprint = try attempt { () throws(FileSystemError) in
            let file = try fileSystem.streamFile(path, length)
            try pieces(file)
            return try file.finish()
        }
        if unchanged(relativePath, fingerprint: fingerprint, bytes: nil) {
            try? fileSystem.removeTree(path)
            keep([relativePath])
            return
        }
        record(relativePath, fingerprint: fingerprint, stamp: stamp(path))
    }

    /// An unlinked file in the staging folder: on the same disk as the site, and swept with it if anything is left.
    package func scratchFile() throws(EnvironmentError) -> ScratchFile {
        try attempt { () throws(FileSystemError) in
            try fileSystem.createDirectories(folders.staging)
            return try fileSystem.scratchFile(folders.staging)
        }
    }

    /// The same output, trusting the stamps the previous build recorded for its files: a file whose stamp
    /// changed was touched by someone else, and `has` no longer vouches for it. Without them, a listed file is
    /// vouched for by its bytes. Call before writing anything.
    func trusting(_ stamps: [FileStamp?]) -> SiteOutput {
        SiteOutput(fileSystem: fileSystem, output: output, mode: mode, previousMarker: previousMarker, warnings: warnings,
                   trusted: stamps, links: links, previousLinks: previousLinks, previousStamps: previousStamps)
    }

    package func keep(_ relativePaths: [String]) {
        guard case .inPlace(let previous) = mode else { return }
        let kept = relativePaths.compactMap { path -> (path: PathKey, position: Int, file: SiteListing.Recorded)? in
            let key = PathKey(path)
            guard let position = previous.position(of: key), let fingerprint = previous.fingerprints[position] else { return nil }
            let stamp = trustedStamp(at: position) ?? previousStamps.stamp(path)?.withoutChangeTime
            return (key, position, .init(fingerprint: fingerprint, stamp: stamp))
        }
        state.withLock { state in
            for file in kept { state.listing.record(file.path, at: file.position, file.file) }
        }
    }

    package func has(_ relativePath: String) -> Bool {
        // Without a stamp, its bytes against the marker's fingerprint.
        intact(relativePath, listedAs: nil) { previous(relativePath) != nil }
    }

    /// Whether the previous site's file is still the one just made (the marker lists it with this fingerprint);
    /// without a stamp, by comparing it with `bytes` as it is read. A file streamed, whose bytes were never held,
    /// only by its stamp.
    private func unchanged(_ relativePath: String, fingerprint: UInt64, bytes: [UInt8]?) -> Bool {
        intact(relativePath, listedAs: fingerprint) { bytes.map { fileSystem.holds(Path.join(output, relativePath), $0) } ?? false }
    }

    /// Whether the previous site's file is as the marker lists it (with `fingerprint`, when given), reached
    /// through no linked folder: by the stamp the previous build recorded for it, else as `withoutStamp` says
    /// (its memory was deleted, or did not match: a page edited by hand is then written again).
    private func intact(_ relativePath: String, listedAs fingerprint: UInt64?, withoutStamp: () -> Bool) -> Bool {
        guard case .inPlace(let previous) = mode, let position = previous.position(of: PathKey(relativePath)),
              fingerprint.map({ $0 == previous.fingerprints[position] }) ?? true,
              previousLinks.isEmpty || links.first(on: relativePath) == nil else { return false }
        guard let expected = trustedStamp(at: position) else { return withoutStamp() }
        return previousStamps.stamp(relativePath)?.withoutChangeTime == expected
    }

    /// Checked against the marker's fingerprint as it is read a megabyte at a time: never held whole.
    package func previous(_ relativePath: String) -> (any RandomAccessBytes)? {
        guard case .inPlace(let previous) = mode, let position = previous.position(of: PathKey(relativePath)),
              case let fingerprint = previous.fingerprints[position],
              let file = try? fileSystem.openFile(Path.join(output, relativePath)),
              let hash = try? file.contentHash(), hash == fingerprint else { return nil }
        return file
    }

    private func trustedStamp(at position: Int) -> FileStamp? {
        trusted.isEmpty ? nil : trusted[position]
    }

    /// A file of the site's stamp, without its change time, which the move into place changes.
    private func stamp(_ path: String) -> FileStamp? {
        fileSystem.stamp(path)?.withoutChangeTime
    }

    /// Where a file of the new site is staged, its folder created when needed.
    private func stagedPath(_ relativePath: String) throws(EnvironmentError) -> String {
        let path = Path.join(folders.staging, relativePath)
        let folder = Path.parent(path), key = PathKey(folder)
        guard !state.withLock({ $0.folders.contains(key) }) else { return path }
        try attempt { () throws(FileSystemError) in try fileSystem.createDirectories(folder) }
        state.withLock { _ = $0.folders.insert(key) }
        return path
    }

    /// Whether the site is updated in place (else the staging folder is renamed into place).
    var isInPlace: Bool { mode.previous != nil }

    /// The marker the site will carry, listing every file written or kept, with their stamps for the next
    /// build to `trust`: final once all are.
    var finished: SiteListing.Finished {
        state.withLock { $0.listing }.finished()
    }

    /// Puts the new site in place, the marker (`finished`, made beforehand so that the build memory can be
    /// written meanwhile) last: renames the staging folder, or writes and replays the journal.
    func commit(_ finished: SiteListing.Finished) throws(EnvironmentError) {
        let marker = finished.marker, staged = state.withLock { $0.staged }
        switch mode {
        case .fresh:
            try attempt { () throws(FileSystemError) in
                try fileSystem.writeFile(Path.join(folders.staging, SiteWriter.markerName), marker)
                if fileSystem.kind(output) != nil { try fileSystem.removeTree(output) }
                try fileSystem.createDirectories(Path.parent(output))
                try fileSystem.rename(folders.staging, output)
            }
        case .inPlace:
            // Refused before the journal exists: once it does, the next build would replay it.
            if let link = staged.lazy.compactMap(links.first).first { throw links.refusal(link) }
            let journal = CommitJournal(steps: staged.sorted().map(CommitJournal.Step.move) + finished.stale.map(CommitJournal.Step.delete)
                                        + [.move(SiteWriter.markerName)])
            try attempt { () throws(FileSystemError) in
                try fileSystem.writeFile(Path.join(folders.staging, SiteWriter.markerName), marker)
                try fileSystem.writeFile(folders.journal + ".nouveau", journal.bytes)
                try fileSystem.rename(folders.journal + ".nouveau", folders.journal)
                try journal.apply(folders, fileSystem: fileSystem, links: links)
                try fileSystem.removeTree(folders.journal)
                try fileSystem.removeTree(folders.staging)
            }
        }
    }

    /// Removes what a failed build staged; the output folder is as it was. A journal already written stays,
    /// for the next build to finish.
    package func abandon() {
        if fileSystem.kind(folders.journal) == .file { return }
        try? fileSystem.removeTree(folders.journal + ".nouveau")
        try? fileSystem.removeTree(folders.staging)
    }
}
