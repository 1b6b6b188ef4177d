#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest): Unicode-aware `String`
/// searching costs a hundred times more and is not needed to find an exact piece of text.
package enum ByteSearch {
    package static func contains(_ text: String, _ needle: String) -> Bool {
        var haystack = text
        var pattern = needle
        return haystack.withUTF8 { h in
            pattern.withUTF8 { n in
                guard let nBase = n.baseAddress, !n.isEmpty else { return true }
                guard n.count <= h.count, let hBase = h.baseAddress else { return false }
                var start = hBase
                let last = hBase + (h.count - n.count)
                while start <= last {
                    guard let found = memchr(start, Int32(n[0]), last - start + 1) else { return false }
                    let candidate = found.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, nBase, n.count) == 0 { return true }
                    start = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }
}

extension String {
    /// Byte order of the UTF-8 encodings: the order of file names on every system, and `memcmp`-fast.
    package func precedesInBytes(_ other: String) -> Bool {
        // Borrowed in place: `withUTF8` on copies costs more than the comparison.
        let fast = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        return (fast ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}
