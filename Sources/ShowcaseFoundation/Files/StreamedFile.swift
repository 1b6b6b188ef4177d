#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written piece by piece, never held whole in memory (a data file of 100 000 records), its content
/// hash computed as the pieces go by. The length must be known before the first piece: the hash starts from it.
package final class StreamedFile {
    private enum Destination {
        /// An open file, written a megabyte at a time.
        case descriptor(Int32)
        /// Collected, then given whole to a file system's `writeFile` (one that is not the disk).
        case whole(@Sendable (String, [UInt8]) throws(FileSystemError) -> Void)
    }

    let path: String
    private let destination: Destination
    private var buffer: [UInt8] = []
    private var hash: ContentHash.Stream
    private var closed = false
    private static let chunk = 1 << 20

    private init(path: String, length: Int, destination: Destination) {
        self.path = path
        self.destination = destination
        hash = ContentHash.Stream(length: length)
        if case .whole = destination { buffer.reserveCapacity(length) } else { buffer.reserveCapacity(Self.chunk) }
    }

    /// Creates (or empties) the file at `path` on disk.
    static func onDisk(_ path: String, length: Int) throws(FileSystemError) -> StreamedFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileSystemError(operation: "écrire", path: path, code: errno) }
        return StreamedFile(path: path, length: length, destination: .descriptor(descriptor))
    }

    /// A file handed whole to `writeFile` when finished.
    package static func collected(_ path: String, length: Int,
                          writeFile: @escaping @Sendable (String, [UInt8]) throws(FileSystemError) -> Void) -> StreamedFile {
        StreamedFile(path: path, length: length, destination: .whole(writeFile))
    }

    deinit {
        if !closed, case .descriptor(let descriptor) = destination { close(descriptor) }
    }

    package func append(_ bytes: [UInt8]) throws(FileSystemError) { try append(bytes[...]) }

    package func append(_ bytes: ArraySlice<UInt8>) throws(FileSystemError) {
        bytes.withUnsafeBytes { hash.add($0) }
        buffer += bytes
        if case .descriptor = destination, buffer.count >= Self.chunk { try flush() }
    }

    /// Writes what is left and closes the file; returns the content hash of everything appended.
    package func finish() throws(FileSystemError) -> UInt64 {
        switch destination {
        case .descriptor(let descriptor):
            try flush()
            closed = true
            guard close(descriptor) == 0 else { throw FileSystemError(operation: "écrire", path: path, code: errno) }
        case .whole(let writeFile):
            try writeFile(path, buffer)
            buffer = []
        }
        return hash.value
    }

    private func flush() throws(FileSystemError) {
        guard case .descriptor(let descriptor) = destination else { return }
        var written = 0
        while written < buffer.count {
            let count = buffer.withUnsafeBytes { bytes in write(descriptor, bytes.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw FileSystemError(operation: "écrire", path: path, code: count < 0 ? errno : ENOSPC) }
            written += count
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
