#if canImport(Glibc)
import Glibc
#endif
import Synchronization

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
public struct SiteWriter: Sendable {
    /// The file that marks a folder as written by showcase, and lists what it wrote.
    public static let markerName = ".showcase-site"

    let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Prepares to write the site into `output` (a path as given on the command line).
    public func begin(output: String) throws(EnvironmentError) -> SiteOutput {
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
            return SiteOutput(fileSystem: fileSystem, output: output, mode: .inPlace(previous: manifest))
        default:
            throw EnvironmentError(.unsafeOutputFolder, "« \(output) » existe et n'est pas un dossier",
                                   help: "choisissez un autre dossier de sortie avec `--output`")
        }
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

/// Every file showcase wrote in an output folder, with a fingerprint of its bytes (one line each:
/// `<fingerprint> <path>`), kept in the marker file.
struct Manifest: Sendable, Equatable {
    static let header = "showcase 1"
    var files: [String: String]

    init(files: [String: String] = [:]) {
        self.files = files
    }

    /// `nil` for a marker from an older showcase, which did not list its files.
    init?(_ bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.first == Substring(Self.header) else { return nil }
        var files: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let space = line.firstIndex(of: " ") else { return nil }
            files[String(line[line.index(after: space)...])] = String(line[..<space])
        }
        self.files = files
    }

    var bytes: [UInt8] {
        Array(([Self.header] + files.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }).joined(separator: "\n").utf8)
            + [UInt8(ascii: "\n")]
    }
}

/// A site being written. `write` may be called from several tasks at once for different files.
public final class SiteOutput: Sendable {
    enum Mode: Sendable {
        case fresh(staging: String)
        case inPlace(previous: Manifest)
    }

    private struct State: Sendable {
        var written = Manifest()
        /// In-place mode: temporary files to rename over their final names, and folders already known to exist.
        var pending: [(temporary: String, final: String)] = []
        var folders: Set<String> = []
        /// In-place mode: the outermost folders this build created, removed again if it fails.
        var createdFolders: [String] = []
    }

    let fileSystem: FileSystem
    /// Where the site goes.
    public let output: String
    let mode: Mode
    private let state = Mutex(State())

    init(fileSystem: FileSystem, output: String, mode: Mode) {
        self.fileSystem = fileSystem
        self.output = output
        self.mode = mode
    }

    /// Files actually written (the others were already there with the same bytes).
    public var changedFiles: Int { state.withLock { $0.pending.count } }

    /// Writes `bytes` at `relativePath` of the site, creating folders as needed.
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws(EnvironmentError) {
        let fingerprint = ContentHash.hex(bytes)
        state.withLock { $0.written.files[relativePath] = fingerprint }
        switch mode {
        case .fresh(let staging):
            try put(bytes, at: Path.join(staging, relativePath))
        case .inPlace(let previous):
            guard previous.files[relativePath] != fingerprint
                    || fileSystem.kind(Path.join(output, relativePath)) != .file else { return }
            let final = Path.join(output, relativePath)
            let temporary = Path.join(Path.parent(final), ".\(Path.lastComponent(final)).showcase-nouveau")
            try put(bytes, at: temporary)
            state.withLock { $0.pending.append((temporary, final)) }
        }
    }

    private func put(_ bytes: [UInt8], at path: String) throws(EnvironmentError) {
        let folder = Path.parent(path)
        let known = state.withLock { $0.folders.contains(folder) }
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
    }

    /// Puts the new site in place: renames the staging folder, or the written files over the old ones (deleting
    /// those the site no longer has), then records what was written in the marker.
    public func commit() throws(EnvironmentError) {
        let (written, pending) = state.withLock { ($0.written, $0.pending) }
        switch mode {
        case .fresh(let staging):
            try attempt { () throws(FileSystemError) in
                try fileSystem.writeFile(Path.join(staging, SiteWriter.markerName), written.bytes)
                if fileSystem.kind(output) != nil { try fileSystem.removeTree(output) }
                try fileSystem.createDirectories(Path.parent(output))
                try fileSystem.rename(staging, output)
            }
        case .inPlace(let previous):
            try attempt { () throws(FileSystemError) in
                for (temporary, final) in pending { try fileSystem.rename(temporary, final) }
                for stale in previous.files.keys.sorted() where written.files[stale] == nil {
                    try fileSystem.removeTree(Path.join(output, stale))
                }
                let marker = Path.join(output, SiteWriter.markerName)
                try fileSystem.writeFile(marker + ".showcase-nouveau", written.bytes)
                try fileSystem.rename(marker + ".showcase-nouveau", marker)
            }
        }
    }

    /// Removes what a failed build wrote; the output folder is as it was.
    public func abandon() {
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

/// Runs file-system work, turning its failure into an environment error with a French reason.
func attempt<T>(_ work: () throws(FileSystemError) -> T) throws(EnvironmentError) -> T {
    do {
        return try work()
    } catch {
        let reading = error.operation == "lire" || error.operation == "lister"
        throw EnvironmentError(
            reading ? .readFailed : .writeFailed,
            "impossible de \(error.operation) « \(error.path) » : \(FrenchErrno.describe(error.code))",
            help: FrenchErrno.help(error.code))
    }
}

/// The system's reasons, in French (the C library speaks the machine's locale, usually English on servers).
enum FrenchErrno {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "fichier ou dossier introuvable"
        case EACCES, EPERM: return "permission refusée"
        case ENOSPC: return "le disque est plein"
        case EDQUOT: return "quota de disque dépassé"
        case EROFS: return "le disque est en lecture seule"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier, pas un fichier"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        default: return String(cString: strerror(code))
        }
    }

    static func help(_ code: Int32) -> String? {
        switch code {
        case ENOSPC, EDQUOT: return "libérez de la place sur le disque puis relancez ; le site précédent est intact"
        case EACCES, EPERM: return "vérifiez les droits d'écriture sur ce dossier ; le site précédent est intact"
        case EROFS: return "choisissez un dossier de sortie sur un disque modifiable avec `--output`"
        default: return nil
        }
    }
}
