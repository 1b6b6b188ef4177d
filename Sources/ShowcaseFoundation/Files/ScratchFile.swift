#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Bytes put aside while a build runs and read back later, so that they need not stay in memory: each entry's
/// records in the data files, from the moment its page is rendered until the files are assembled. On disk, a
/// file unlinked as soon as it is opened, which nothing can see and which goes when the build ends, killed or
/// not; in memory, for the preview.
package final class ScratchFile: RandomAccessBytes {
    /// The unlinked file, or -1 in memory.
    private let descriptor: Int32
    private let path: String
    private let end = Atomic<Int>(0)
    private let memory = Mutex<[UInt8]>([])

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// A scratch file in `folder`, which must exist.
    package static func onDisk(in folder: String) throws(FileSystemError) -> ScratchFile {
        let path = Path.join(folder, ".brouillon-\(getpid())")
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileSystemError(operation: "écrire", path: path, code: errno) }
        unlink(path)
        return ScratchFile(descriptor: descriptor, path: path)
    }

    package static func inMemory() -> ScratchFile { ScratchFile(descriptor: -1, path: "") }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Puts several runs of bytes aside with one write (an entry's records and card); returns where each lies.
    package func append(_ pieces: [[UInt8]]) throws(FileSystemError) -> [Range<Int>] {
        // Copied run by run: `Array(pieces.joined())` went byte by byte through a generic flattening.
        var joined: [UInt8] = []
        joined.reserveCapacity(pieces.reduce(0) { $0 + $1.count })
        for piece in pieces { joined.append(contentsOf: piece) }
        let start = try append(joined).lowerBound
        var offset = start
        return pieces.map { piece in
            defer { offset += piece.count }
            return offset..<offset + piece.count
        }
    }

    /// Puts bytes aside; may be called from several tasks at once. Returns where they lie.
    package func append(_ bytes: [UInt8]) throws(FileSystemError) -> Range<Int> {
        guard descriptor >= 0 else {
            return memory.withLock { memory in
                memory += bytes
                return memory.count - bytes.count..<memory.count
            }
        }
        let start = end.wrappingAdd(bytes.count, ordering: .relaxed).oldValue
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(start + written))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw FileSystemError(operation: "écrire", path: path, code: count < 0 ? errno : ENOSPC) }
            written += count
        }
        return start..<start + bytes.count
    }

    /// Bytes put aside earlier.
    package func read(_ range: Range<Int>) throws(FileSystemError) -> [UInt8] {
        guard descriptor >= 0 else { return memory.withLock { Array($0[range]) } }
        return try POSIX.readRange(descriptor, range, path: path)
    }

    /// Every byte put aside so far.
    package var count: Int {
        descriptor >= 0 ? end.load(ordering: .relaxed) : memory.withLock { $0.count }
    }
}
