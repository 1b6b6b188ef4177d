import Synchronization
import ShowcaseFoundation

/// Which folders inside the site are symbolic links. The site is never written or deleted through one: it would
/// reach outside the output folder.
final class LinkedFolders: Sendable {
    let fileSystem: FileSystem
    let output: String
    /// For each folder met so far (relative path), whether it is a link. Keyed by the path's bytes: `café`
    /// written precomposed and decomposed are two folders on the disk, one of which may be a link.
    private let known = Mutex<[PathKey: Bool]>([:])

    init(fileSystem: FileSystem, output: String) {
        self.fileSystem = fileSystem
        self.output = output
    }

    /// The first folder on the way to `relativePath` that is a symbolic link, if any.
    func first(on relativePath: String) -> String? {
        var folders: [String] = []
        var folder = Path.parent(relativePath)
        while folder != "." && folder != "/" {
            folders.append(folder)
            folder = Path.parent(folder)
        }
        for folder in folders.reversed() {
            let key = PathKey(folder)
            let isLink = known.withLock { $0[key] } ?? {
                let isLink = fileSystem.kind(Path.join(output, folder)) == .symbolicLink
                known.withLock { $0[key] = isLink }
                return isLink
            }()
            if isLink { return folder }
        }
        return nil
    }

    /// The folders holding `paths` that are symbolic links; each folder is looked at once (compared by its
    /// bytes, as in `known`). In path order (as the marker lists them), the pages of one folder follow each
    /// other, and only the first of them is looked at.
    func among(_ paths: some Sequence<String>) -> [String] {
        var folders = Set<PathKey>()
        var previousFolder: Substring = ""
        for path in paths {
            guard let last = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let folder = path[..<last]
            if folder.utf8.elementsEqual(previousFolder.utf8) { continue }
            previousFolder = folder
            var rest = folder
            while folders.insert(PathKey(rest)).inserted, let slash = rest.utf8.lastIndex(of: UInt8(ascii: "/")) {
                rest = rest[..<slash]
            }
        }
        return folders.map(\.path)
            .filter { fileSystem.kind(Path.join(output, $0)) == .symbolicLink }
    }

    /// The error that stops a build about to write through a link.
    func refusal(_ folder: String) -> EnvironmentError {
        EnvironmentError(
            .unsafeOutputFolder, "« \(Path.join(output, folder)) » est un lien symbolique : showcase n'écrit pas le site à travers un lien",
            help: "supprimez ce lien (le dossier vers lequel il pointe n'est pas touché), puis relancez la construction")
    }
}
