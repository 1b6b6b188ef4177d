#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// A read-only file system holding `files` (absolute path → bytes), their folders implied by their paths: a
    /// project that exists only in memory (the shipped skeleton, for the fuzzer) read through the same loader as
    /// one on disk. Every write fails as on a read-only disk.
    package static func inMemory(_ files: [String: [UInt8]]) -> FileSystem {
        var folders: [String: Set<String>] = [:]
        for path in files.keys {
            var child = path
            var parent = Path.parent(path)
            while true {
                folders[parent, default: []].insert(Path.lastComponent(child))
                if parent == "/" || parent == "." { break }
                (child, parent) = (parent, Path.parent(parent))
            }
        }
        let listing = folders
        let kind: @Sendable (String) -> FileKind? = { path in
            files[path] != nil ? .file : listing[path] != nil ? .directory : nil
        }
        let readOnly: @Sendable (String, String) -> FileSystemError = { operation, path in
            FileSystemError(operation: operation, path: path, code: EROFS)
        }
        return FileSystem(
            readFile: { path throws(FileSystemError) in
                guard let bytes = files[path] else { throw FileSystemError(operation: "lire", path: path, code: ENOENT) }
                return bytes
            },
            writeFile: { path, _ throws(FileSystemError) in throw readOnly("écrire", path) },
            listDirectory: { path throws(FileSystemError) in
                guard let names = listing[path] else { throw FileSystemError(operation: "lister", path: path, code: ENOENT) }
                return names.sorted { $0.precedesInBytes($1) }.map { DirectoryEntry(name: $0, kind: kind(Path.join(path, $0)) ?? .other) }
            },
            kind: kind,
            createDirectory: { path throws(FileSystemError) in throw readOnly("créer le dossier", path) },
            rename: { from, _ throws(FileSystemError) in throw readOnly("renommer", from) },
            removeTree: { path throws(FileSystemError) in throw readOnly("supprimer", path) },
            realPath: { path in kind(path) == nil ? nil : path },
            stamp: { path in
                files[path].map { FileStamp(size: Int64($0.count), modifiedSeconds: 0, modifiedNanoseconds: 0, changedSeconds: 0,
                                           changedNanoseconds: 0, inode: 0, device: 0) }
            })
    }
}
