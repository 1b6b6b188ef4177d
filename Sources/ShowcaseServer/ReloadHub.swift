/// Tells every open preview page that the site was rebuilt, through server-sent events.
actor ReloadHub {
    private var listeners: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextID = 0
    private var generation = 0

    /// A stream of rebuild numbers for one page; it ends when the page goes away.
    func subscribe() -> AsyncStream<Int> {
        let id = nextID
        nextID += 1
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        listeners[id] = continuation
        return stream
    }

    func broadcast() {
        generation += 1
        for continuation in listeners.values { continuation.yield(generation) }
    }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }
}
