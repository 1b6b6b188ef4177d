#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into a staging folder beside the output folder, then swaps it in only when everything was
/// written: a failed build leaves the previous site as it was.
///
/// The output folder carries a marker file; a folder without it that is not empty is never replaced, so that a
/// mistyped `--output` cannot wipe someone's documents.
public struct SiteWriter: Sendable {
    /// The file that marks a folder as written by showcase.
    public static let markerName = ".showcase-site"

    let fileSystem: FileSystem

    public init(fileSystem: FileSystem) {
        self.fileSystem = fileSystem
    }

    /// Prepares a fresh staging folder for `output` (a path as given on the command line).
    public func begin(output: String) throws(EnvironmentError) -> StagingFolder {
        switch fileSystem.kind(output) {
        case nil: break
        case .directory:
            let entries = try attempt { () throws(FileSystemError) in try fileSystem.listDirectory(output) }
            if !entries.isEmpty, !entries.contains(where: { $0.name == Self.markerName }) {
                throw EnvironmentError(
                    .unsafeOutputFolder, "le dossier « \(output) » existe et n'a pas été créé par showcase : il ne sera pas remplacé",
                    help: "choisissez un autre dossier avec `--output`, ou videz celui-ci vous-même")
            }
        default:
            throw EnvironmentError(.unsafeOutputFolder, "« \(output) » existe et n'est pas un dossier",
                                   help: "choisissez un autre dossier de sortie avec `--output`")
        }
        let name = Path.lastComponent(output)
        let parent = Path.parent(output)
        let staging = Path.join(parent, ".\(name).en-cours-\(getpid())")
        try attempt { () throws(FileSystemError) in
            try fileSystem.removeTree(staging)
            try fileSystem.createDirectories(staging)
            try fileSystem.writeFile(Path.join(staging, Self.markerName), Array("showcase\n".utf8))
        }
        return StagingFolder(fileSystem: fileSystem, output: output, path: staging,
                             previous: Path.join(parent, ".\(name).ancien-\(getpid())"))
    }
}

/// A site being written. `write` may be called from several tasks at once for different files.
public struct StagingFolder: Sendable {
    let fileSystem: FileSystem
    /// Where the site goes once complete.
    public let output: String
    /// Where it is being written.
    public let path: String
    let previous: String

    /// Writes `bytes` at `relativePath` inside the staging folder, creating folders as needed.
    public func write(_ relativePath: String, _ bytes: [UInt8]) throws(EnvironmentError) {
        let target = Path.join(path, relativePath)
        try attempt { () throws(FileSystemError) in
            let folder = Path.parent(target)
            if fileSystem.kind(folder) != .directory { try fileSystem.createDirectories(folder) }
            try fileSystem.writeFile(target, bytes)
        }
    }

    /// Replaces the output folder with the staging folder.
    public func commit() throws(EnvironmentError) {
        try attempt { () throws(FileSystemError) in
            if fileSystem.kind(output) != nil {
                try fileSystem.removeTree(previous)
                try fileSystem.rename(output, previous)
                do throws(FileSystemError) {
                    try fileSystem.rename(path, output)
                } catch {
                    try? fileSystem.rename(previous, output)
                    throw error
                }
                try fileSystem.removeTree(previous)
            } else {
                try fileSystem.createDirectories(Path.parent(output))
                try fileSystem.rename(path, output)
            }
        }
    }

    /// Removes the staging folder after a failure; the output folder was never touched.
    public func abandon() {
        try? fileSystem.removeTree(path)
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
