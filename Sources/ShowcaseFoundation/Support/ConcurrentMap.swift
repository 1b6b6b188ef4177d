#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores in contiguous chunks, results in the input order.
    ///
    /// Each element is transformed independently (no shared mutable state), so the result does not depend on
    /// how the work was scheduled. Several chunks per core: a core that finishes its share early (lighter
    /// files, or the other core paused by the system) takes the next chunk instead of waiting for the last one.
    package func concurrentMap<Result: Sendable>(
        _ transform: @escaping @Sendable (Element) -> Result
    ) async -> [Result] {
        let workers = Swift.max(1, Swift.min(ProcessorCount.active, count))
        guard workers > 1 else { return map(transform) }
        let chunks = Swift.min(count, workers * Self.chunksPerCore)
        let chunkSize = (count + chunks - 1) / chunks
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let chunk = Array(self[start..<Swift.min(start + chunkSize, count)])
                group.addTask { (start, chunk.map(transform)) }
            }
            var parts: [(Int, [Result])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    private static var chunksPerCore: Int { 8 }
}

package enum ProcessorCount {
    /// Cores this process may run on.
    package static let active: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
