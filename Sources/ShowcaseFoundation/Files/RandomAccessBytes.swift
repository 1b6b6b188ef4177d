#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes read a range at a time, never all at once: the previous version of a data file (340 MB of JSON for
/// 100 000 entries), the build's scratch file, or bytes already in memory.
package protocol RandomAccessBytes: Sendable {
    var count: Int { get }
    func read(_ range: Range<Int>) throws(FileSystemError) -> [UInt8]
}

extension RandomAccessBytes {
    /// `ContentHash.hash` of every byte, read a megabyte at a time.
    package func contentHash() throws(FileSystemError) -> UInt64 {
        var stream = ContentHash.Stream(length: count)
        var offset = 0
        while offset < count {
            let end = min(offset + (1 << 20), count)
            stream.add(try read(offset..<end))
            offset = end
        }
        return stream.value
    }
}

extension Array: RandomAccessBytes where Element == UInt8 {
    package func read(_ range: Range<Int>) -> [UInt8] { Array(self[range]) }
}

/// A file on disk opened for reading, read by ranges (`pread`); closed when let go.
package final class OpenedFile: RandomAccessBytes {
    private let descriptor: Int32
    private let path: String
    package let count: Int

    package init(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileSystemError(operation: "lire", path: path, code: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw FileSystemError(operation: "lire", path: path, code: code)
        }
        self.descriptor = descriptor
        self.path = path
        count = Int(info.st_size)
    }

    deinit { close(descriptor) }

    package func read(_ range: Range<Int>) throws(FileSystemError) -> [UInt8] {
        try POSIX.readRange(descriptor, range, path: path)
    }
}

extension POSIX {
    /// `range.count` bytes at `range.lowerBound` of an open file; a file shorter than that is an error.
    static func readRange(_ descriptor: Int32, _ range: Range<Int>, path: String) throws(FileSystemError) -> [UInt8] {
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, filled in
            filled = 0
            while filled < range.count {
                let count = pread(descriptor, buffer.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failure = count < 0 ? errno : EIO
                    return
                }
                filled += count
            }
        }
        guard failure == 0 else { throw FileSystemError(operation: "lire", path: path, code: failure) }
        return bytes
    }
}
