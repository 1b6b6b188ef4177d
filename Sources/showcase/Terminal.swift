#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard streams and exit, without buffering surprises.
enum Terminal {
    static func standardOutput(_ text: String) { write(Array(text.utf8), to: STDOUT_FILENO) }
    static func standardOutput(bytes: [UInt8]) { write(bytes, to: STDOUT_FILENO) }
    static func standardError(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    /// Colours only for a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    static var standardErrorSupportsColor: Bool {
        isatty(STDERR_FILENO) == 1 && getenv("NO_COLOR") == nil && (getenv("TERM").map { String(cString: $0) } ?? "dumb") != "dumb"
    }

    static func exit(_ status: Int32) -> Never { systemExit(status) }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        var bytes = bytes[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 { if errno == EINTR { continue } else { return } }
            bytes = bytes.dropFirst(written)
        }
    }
}

// The C library's `exit` and `write`, out of reach of `Terminal`'s own names without naming the module (Glibc
// or Darwin).
private func systemExit(_ status: Int32) -> Never { exit(status) }
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(descriptor, bytes, count) }
