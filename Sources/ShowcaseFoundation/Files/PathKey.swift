#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path as the disk knows it, to key sets and dictionaries: compared and hashed by its UTF-8 bytes. Swift's
/// strings are equal when canonically equivalent, but `café` written precomposed and decomposed are two files
/// on the disk; keyed by strings, one of them would stand for the other.
///
/// The bytes' hash is computed once, when the key is made: a table of 10 000 paths then rehashes without
/// reading them again, and a probe that meets another key compares two integers, not two strings.
package struct PathKey: Hashable, Sendable {
    package let path: String
    private let digest: Int

    package init(_ path: String) {
        var path = path
        var hasher = Hasher()
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.path = path
        digest = hasher.finalize()
    }

    package init(_ path: Substring) {
        self.init(String(path))
    }

    package static func == (left: PathKey, right: PathKey) -> Bool {
        guard left.digest == right.digest, left.path.utf8.count == right.path.utf8.count else { return false }
        return left.path.utf8.withContiguousStorageIfAvailable { leftBytes in
            right.path.utf8.withContiguousStorageIfAvailable { rightBytes in
                leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0
            }
        }.flatMap { $0 } ?? left.path.utf8.elementsEqual(right.path.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }
}
