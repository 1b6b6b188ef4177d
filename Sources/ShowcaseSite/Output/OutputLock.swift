#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ShowcaseFoundation

/// Held by the build that writes an output folder, from its first look at the folder to its last change: a
/// second build on the same output stops at once, with the first one's process number, instead of mixing two
/// versions. The system releases it when the process ends, however it ends (`flock`), so a killed build never
/// leaves the folder locked.
final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Takes the lock of `folders`' output, or stops with a French message.
    init(_ folders: SiteFolders) throws(EnvironmentError) {
        let path = folders.lock
        try attempt { () throws(FileSystemError) in try FileSystem.disk.createDirectories(Path.parent(path)) }
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw EnvironmentError(.writeFailed, "impossible de créer « \(path) » : \(FrenchErrno.describe(errno))",
                                   help: FrenchErrno.help(errno))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw EnvironmentError(
                .outputBusy, "une autre construction écrit déjà dans « \(folders.output) »\(holder.map { " (processus \($0))" } ?? "")",
                help: "attendez qu'elle se termine, puis relancez ; deux constructions à la fois mêleraient deux versions du site")
        }
        // Who holds it, for the message of a build that finds it taken.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    private static func holder(_ descriptor: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).trimmingWhitespace
        return text.isEmpty || !text.allSatisfy(\.isNumber) ? nil : text
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
