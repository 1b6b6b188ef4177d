import Synchronization
import ShowcaseFoundation
import ShowcaseContent
import ShowcaseTemplates
import ShowcasePages

/// The summaries of the entries a build remembered, in a file of their own (`BuildCache`): two thirds of the
/// memory, needed only when pages must be planned again, and left as they are by an edit of a story. The file is
/// read on first use and believed only if it has the fingerprint the memory recorded.
final class SummaryStore: Sendable {
    /// In the memory's entry order: each summary's hash and place in the file. A build whose entries give the
    /// same hashes in the same order would write the same file.
    let hashes: [UInt64]
    let ranges: [Range<Int>]
    let fingerprint: UInt64
    private let load: @Sendable () -> [UInt8]?
    private let loaded = Mutex<[UInt8]?>(nil)

    init(hashes: [UInt64], ranges: [Range<Int>], fingerprint: UInt64, load: @escaping @Sendable () -> [UInt8]?) {
        self.hashes = hashes
        self.ranges = ranges
        self.fingerprint = fingerprint
        self.load = load
    }

    /// The whole file, once checked.
    func bytes() throws(MalformedBinary) -> [UInt8] {
        let bytes = loaded.withLock { cached -> [UInt8]? in
            if cached == nil, let read = load(), ContentHash.hash(read) == fingerprint { cached = read }
            return cached
        }
        guard let bytes else { throw MalformedBinary() }
        return bytes
    }

    /// Whether the file holds the summaries of `entries`, in their order.
    func holds(_ entries: [RememberedEntry]) -> Bool {
        entries.count == hashes.count && zip(entries, hashes).allSatisfy { $0.summaryHash == $1 }
    }
}

/// An entry's encoded summary (`EntrySummary.encoded`): in memory (just rendered, or in the preview), or at its
/// place in the summaries file.
enum StoredSummary: Sendable {
    case encoded(ArraySlice<UInt8>)
    case stored(SummaryStore, Range<Int>)

    func bytes() throws(MalformedBinary) -> ArraySlice<UInt8> {
        switch self {
        case .encoded(let bytes):
            return bytes
        case .stored(let store, let range):
            let file = try store.bytes()
            guard range.upperBound <= file.count else { throw MalformedBinary() }
            return file[range]
        }
    }

    /// The store it comes from, if any.
    var store: SummaryStore? {
        if case .stored(let store, _) = self { return store }
        return nil
    }
}
