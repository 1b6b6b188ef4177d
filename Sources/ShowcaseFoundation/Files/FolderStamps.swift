#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stamps of files below one folder, asked by their path relative to it. On the disk the folder is opened
/// once and each `stat` walks only the path below it: a rebuild stamps 20 000 files, and walking each path
/// from the root again was a third of the cost of a `stat`. Made for one build: a folder renamed meanwhile
/// would go on answering for its old place.
package final class FolderStamps: Sendable {
    private let folder: String
    /// `-1` when the folder could not be opened (or is not on the disk): paths are then stamped whole.
    private let descriptor: Int32
    private let stampPath: @Sendable (String) -> FileStamp?

    /// Stamps through `stamp`, joining each relative path to `folder`.
    init(_ folder: String, stamp: @escaping @Sendable (String) -> FileStamp?) {
        self.folder = folder
        descriptor = -1
        stampPath = stamp
    }

    /// On the disk.
    init(onDisk folder: String) {
        self.folder = folder
        descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        stampPath = POSIX.stamp
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The stamp of the file at `relativePath` below the folder (links followed), or `nil` when there is none.
    package func stamp(_ relativePath: String) -> FileStamp? {
        guard descriptor >= 0 else { return stampPath(Path.join(folder, relativePath)) }
        var info = stat()
        guard fstatat(descriptor, relativePath, &info, 0) == 0 else { return nil }
        return FileStamp(info)
    }
}
