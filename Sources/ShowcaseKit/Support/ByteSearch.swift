#if canImport(Glibc)
import Glibc
#endif

/// Substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the rest): Unicode-aware `String`
/// searching costs a hundred times more and is not needed to find an exact piece of text.
enum ByteSearch {
    static func contains(_ text: String, _ needle: String) -> Bool {
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
