import Synchronization

/// What a command-line run leaves for the system to reclaim when the process exits, instead of freeing it object
/// by object, as clang's `-disable-free` does: freeing the memory of 10 000 entries takes longer than the
/// rebuild after one edit takes to make them. Only for a process that ends right after: `showcase serve` and the
/// tests free their memory as usual.
package enum ExitReclaimed {
    private static let values = Mutex<[any Sendable]>([])

    package static func keep(_ value: any Sendable) {
        values.withLock { $0.append(value) }
    }
}
