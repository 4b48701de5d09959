import BulwarkCore
import Foundation

/// Fans decision and review events out to live subscribers (the SSE stream). A slow subscriber
/// loses its oldest events rather than holding memory: each has a bounded buffer.
public final class EventBus: @unchecked Sendable {
    let lock = NSLock()
    var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
    let bufferSize: Int

    public init(bufferSize: Int = 1_000) {
        self.bufferSize = bufferSize
    }

    /// A stream of events as JSON text; it ends when the caller stops iterating.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = UUID()
        lock.withLock { subscribers[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    public var count: Int { lock.withLock { subscribers.count } }

    /// Sends an event (`type` and its fields) to every subscriber; free when there are none.
    public func publish(_ type: String, _ fields: @autoclosure () -> JSONValue) {
        let targets = lock.withLock { Array(subscribers.values) }
        guard !targets.isEmpty else { return }
        var object = fields().objectValue ?? JSONObject()
        object["type"] = .string(type)
        let text = JSONWriter.string(.object(object))
        for continuation in targets { continuation.yield(text) }
    }
}
