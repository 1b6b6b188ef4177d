#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names on disk.
package enum FileKind: Sendable, Equatable {
    case file
    case directory
    case symbolicLink
    case other
}

/// An entry of a directory listing.
package struct DirectoryEntry: Sendable, Equatable {
    package var name: String
    package var kind: FileKind
    /// False when the name on disk is not UTF-8 (a file copied from an old Windows or Mac disk): `name` then
    /// holds replacement characters, and the file cannot be opened by it.
    package var isValidName = true
}

/// What tells, without reading a file, that it has not changed since it was last seen: its size, modification
/// time and change time (to the nanosecond) and identity on the disk. The change time is what `touch -d` and
/// an editor that restores the modification time cannot set back: an edit that keeps the size and the
/// modification time still changes it (the way git sees such edits).
public struct FileStamp: Sendable, Hashable {
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64
    public var changedSeconds: Int64
    public var changedNanoseconds: Int64
    public var inode: UInt64
    public var device: UInt64

    package init(size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64, changedSeconds: Int64,
                 changedNanoseconds: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
        self.inode = inode
        self.device = device
    }

    init(_ info: stat) {
        #if canImport(Darwin)
        // Darwin names the times `st_mtimespec` and `st_ctimespec`, and its `dev_t` is a signed 32-bit number.
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtimespec.tv_sec),
                  modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec), changedSeconds: Int64(info.st_ctimespec.tv_sec),
                  changedNanoseconds: Int64(info.st_ctimespec.tv_nsec), inode: UInt64(info.st_ino),
                  device: UInt64(UInt32(bitPattern: info.st_dev)))
        #else
        self.init(size: Int64(info.st_size), modifiedSeconds: Int64(info.st_mtim.tv_sec),
                  modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), changedSeconds: Int64(info.st_ctim.tv_sec),
                  changedNanoseconds: Int64(info.st_ctim.tv_nsec), inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
        #endif
    }

    /// Whether the file was last changed at least a second before `instant` (seconds since 1970). A file changed
    /// again within the same tick of the clock would keep its stamp, so a recent stamp proves nothing; the
    /// change time counts, since the modification time can be set to any date.
    package func isSettled(before instant: Int64) -> Bool { max(modifiedSeconds, changedSeconds) < instant - 1 }

    /// The stamp without its change time: for the site's own files, whose change time a rename into place
    /// moves on.
    package var withoutChangeTime: FileStamp {
        FileStamp(size: size, modifiedSeconds: modifiedSeconds, modifiedNanoseconds: modifiedNanoseconds, changedSeconds: 0,
                  changedNanoseconds: 0, inode: inode, device: device)
    }
}

/// A failure of the file system, with the path and the system's reason.
package struct FileSystemError: Error, Sendable, Equatable {
    package var operation: String
    package var path: String
    package var code: Int32

    package init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// « Permission non accordée », « Aucun espace disponible sur le périphérique »…, from the C library.
    package var reason: String { String(cString: strerror(code)) }
}

/// What `FileSystem.readFileAtMost` found.
package enum BoundedRead: Sendable {
    case bytes([UInt8])
    /// Larger than asked, by this many bytes; not read.
    case tooLarge(Int64)
}

/// Every access `showcase` makes to the disk, as a struct of closures: the real one (`.disk`) uses plain POSIX
/// calls (no `fsync` per file: durability comes from the atomic swap of the output folder); tests swap in
/// failures. Paths are plain strings.
package struct FileSystem: Sendable {
    package var readFile: @Sendable (String) throws(FileSystemError) -> [UInt8]
    /// A file's bytes, or only its size when that passes `limit`: on the disk, the size is the open file's, a
    /// system call fewer per content file than asking it first.
    package var readFileAtMost: @Sendable (String, _ limit: Int64) throws(FileSystemError) -> BoundedRead
    package var writeFile: @Sendable (String, [UInt8]) throws(FileSystemError) -> Void
    package var listDirectory: @Sendable (String) throws(FileSystemError) -> [DirectoryEntry]
    /// `nil` when nothing is there; symbolic links are reported as such, not followed.
    package var kind: @Sendable (String) -> FileKind?
    package var createDirectory: @Sendable (String) throws(FileSystemError) -> Void
    package var rename: @Sendable (String, String) throws(FileSystemError) -> Void
    /// Removes a file, or a directory and everything in it; nothing happens when the path does not exist.
    package var removeTree: @Sendable (String) throws(FileSystemError) -> Void
    /// The absolute path with every symbolic link resolved, or `nil` when it does not exist.
    package var realPath: @Sendable (String) -> String?
    /// The stamp of the file a path leads to (links followed), or `nil` when there is none.
    package var stamp: @Sendable (String) -> FileStamp?
    /// Whether the file holds exactly these bytes: compared as it is read, without keeping it in memory.
    package var holds: @Sendable (String, [UInt8]) -> Bool = { path, bytes in POSIX.holds(path, bytes) }
    /// A file of this length to write piece by piece. Off the disk, its pieces are collected and given to
    /// `writeFile` whole.
    package var streamFile: @Sendable (String, Int) throws(FileSystemError) -> StreamedFile
    /// A file to read by ranges. Off the disk, the file is read whole through `readFile`.
    package var openFile: @Sendable (String) throws(FileSystemError) -> any RandomAccessBytes
    /// Room to put bytes aside during a build, in a folder that exists: an unlinked file on the disk, else memory.
    package var scratchFile: @Sendable (String) throws(FileSystemError) -> ScratchFile = { _ in .inMemory() }
    /// Stamps of the files below a folder, for one build (see `FolderStamps`).
    package var folderStamps: @Sendable (String) -> FolderStamps

    package init(
        readFile: @escaping @Sendable (String) throws(FileSystemError) -> [UInt8],
        writeFile: @escaping @Sendable (String, [UInt8]) throws(FileSystemError) -> Void,
        listDirectory: @escaping @Sendable (String) throws(FileSystemError) -> [DirectoryEntry],
        kind: @escaping @Sendable (String) -> FileKind?,
        createDirectory: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        rename: @escaping @Sendable (String, String) throws(FileSystemError) -> Void,
        removeTree: @escaping @Sendable (String) throws(FileSystemError) -> Void,
        realPath: @escaping @Sendable (String) -> String?,
        stamp: @escaping @Sendable (String) -> FileStamp?
    ) {
        self.readFile = readFile
        self.writeFile = writeFile
        self.listDirectory = listDirectory
        self.kind = kind
        self.createDirectory = createDirectory
        self.rename = rename
        self.removeTree = removeTree
        self.realPath = realPath
        self.stamp = stamp
        streamFile = { path, length in StreamedFile.collected(path, length: length, writeFile: writeFile) }
        readFileAtMost = { path, limit throws(FileSystemError) in
            if let size = stamp(path)?.size, size > limit { return .tooLarge(size) }
            return .bytes(try readFile(path))
        }
        openFile = { path throws(FileSystemError) in try readFile(path) }
        folderStamps = { folder in FolderStamps(folder, stamp: stamp) }
    }
}

extension FileSystem {
    /// The real disk.
    package static let disk: FileSystem = {
        var disk = FileSystem(
            readFile: POSIX.readFile, writeFile: POSIX.writeFile, listDirectory: POSIX.listDirectory, kind: POSIX.kind,
            createDirectory: POSIX.createDirectory, rename: POSIX.rename, removeTree: POSIX.removeTree,
            realPath: POSIX.realPath, stamp: POSIX.stamp)
        disk.streamFile = StreamedFile.onDisk
        disk.readFileAtMost = POSIX.readFile
        disk.scratchFile = ScratchFile.onDisk
        disk.openFile = { path throws(FileSystemError) in try OpenedFile(path) }
        disk.folderStamps = { folder in FolderStamps(onDisk: folder) }
        return disk
    }()

    /// Creates `path` and any missing parent.
    package func createDirectories(_ path: String) throws(FileSystemError) {
        if kind(path) == .directory { return }
        let parent = Path.parent(path)
        if parent != path, !parent.isEmpty { try createDirectories(parent) }
        do { try createDirectory(path) } catch { if kind(path) != .directory { throw error } }
    }
}

/// The POSIX implementation behind `FileSystem.disk`.
package enum POSIX {
    package static func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        guard case .bytes(let bytes) = try readFile(path, limit: .max) else { preconditionFailure("no file passes Int.max bytes") }
        return bytes
    }

    package static func readFile(_ path: String, limit: Int64) throws(FileSystemError) -> BoundedRead {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(operation: "lire", path: path, code: errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw FileSystemError(operation: "lire", path: path, code: errno) }
        guard Int64(info.st_size) <= limit else { return .tooLarge(Int64(info.st_size)) }
        // Read into uninitialised memory: zeroing a 6 MB cache before reading it costs as much as reading it.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: max(Int(info.st_size), 0)) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { return }
                filled += count
            }
        }
        // A file that grew since `fstat` (or one whose size the system does not report) is read to its end.
        var expected = bytes.count
        while failure == 0, bytes.count == expected {
            let count = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk in
                let count = read(descriptor, chunk.baseAddress!, chunk.count)
                if count > 0 { bytes += chunk[..<count] }
                return count
            }
            if count < 0, errno == EINTR { continue }
            if count < 0 { failure = errno }
            if count <= 0 { break }
            expected += count
        }
        guard failure == 0 else { throw FileSystemError(operation: "lire", path: path, code: failure) }
        return .bytes(bytes)
    }

    package static func writeFile(_ path: String, _ bytes: [UInt8]) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(operation: "écrire", path: path, code: errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress! + written, buffer.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                close(descriptor)
                throw FileSystemError(operation: "écrire", path: path, code: code)
            }
            written += count
        }
        guard close(descriptor) == 0 else { throw FileSystemError(operation: "écrire", path: path, code: errno) }
    }

    package static func listDirectory(_ path: String) throws(FileSystemError) -> [DirectoryEntry] {
        guard let directory = opendir(path) else { throw FileSystemError(operation: "lister", path: path, code: errno) }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let (name, isValidName) = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.prefix { $0 != 0 }
                return (String(decoding: bytes, as: UTF8.self), String(validating: bytes, as: UTF8.self) != nil)
            }
            if name == "." || name == ".." { continue }
            // The listing usually says what each entry is; asking the disk again costs a call per file.
            let listed: FileKind? = switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): .file
            case Int32(DT_DIR): .directory
            case Int32(DT_LNK): .symbolicLink
            case Int32(DT_UNKNOWN): nil
            default: .other
            }
            entries.append(DirectoryEntry(name: name, kind: listed ?? kind(Path.join(path, name)) ?? .other, isValidName: isValidName))
        }
        return entries.sorted { $0.name.precedesInBytes($1.name) }
    }

    package static func kind(_ path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    package static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 65_536) { chunk in
            bytes.withUnsafeBufferPointer { expected in
                var offset = 0
                while true {
                    let count = read(descriptor, chunk.baseAddress!, chunk.count)
                    if count < 0, errno == EINTR { continue }
                    if count < 0 { return false }
                    if count == 0 { return offset == expected.count }
                    guard offset + count <= expected.count,
                          memcmp(chunk.baseAddress!, expected.baseAddress! + offset, count) == 0 else { return false }
                    offset += count
                }
            }
        }
    }

    package static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Seconds since 1970, by the clock that stamps files.
    package static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec)
    }

    package static func createDirectory(_ path: String) throws(FileSystemError) {
        guard mkdir(path, 0o755) == 0 else { throw FileSystemError(operation: "créer le dossier", path: path, code: errno) }
    }

    package static func rename(_ from: String, _ to: String) throws(FileSystemError) {
        guard systemRename(from, to) == 0 else { throw FileSystemError(operation: "renommer", path: from, code: errno) }
    }

    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    package static func removeTree(_ path: String) throws(FileSystemError) {
        switch kind(path) {
        case nil: return
        case .directory:
            for entry in try listDirectory(path) { try removeTree(Path.join(path, entry.name)) }
            guard rmdir(path) == 0 else { throw FileSystemError(operation: "supprimer", path: path, code: errno) }
        default:
            guard unlink(path) == 0 else { throw FileSystemError(operation: "supprimer", path: path, code: errno) }
        }
    }
}

/// The C library's `rename`, out of reach of `POSIX.rename`'s own name.
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
