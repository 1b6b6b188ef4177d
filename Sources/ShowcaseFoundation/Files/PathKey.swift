/// A path as the disk knows it, to key sets and dictionaries: compared and hashed by its UTF-8 bytes. Swift's
/// strings are equal when canonically equivalent, but `café` written precomposed and decomposed are two files
/// on the disk; keyed by strings, one of them would stand for the other.
package struct PathKey: Hashable, Sendable {
    package let path: String

    package init(_ path: String) {
        self.path = path
    }

    package init(_ path: Substring) {
        self.path = String(path)
    }

    package static func == (left: PathKey, right: PathKey) -> Bool {
        left.path.utf8.count == right.path.utf8.count && left.path.utf8.elementsEqual(right.path.utf8)
    }

    package func hash(into hasher: inout Hasher) {
        var path = path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
