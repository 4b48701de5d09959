import BulwarkCore
import Hummingbird
import NIOCore

extension API {
    /// `GET /metrics`: Prometheus text exposition (no secrets; unauthenticated, like most
    /// scrape targets; the service binds to loopback by default).
    func metrics() -> Response {
        service.metrics.commitQueue.set(to: Double(service.queueDepth))
        service.metrics.auditCommits.set(to: Double(service.committer.commits))
        service.metrics.auditRecords.set(to: Double(service.committer.committedRecords))
        service.metrics.subscribers.set(to: Double(service.events.count))
        return APIResponses.text(service.metrics.registry.emitToString(), contentType: "text/plain; version=0.0.4")
    }

    /// `GET /v1/events` (admin): Server-Sent Events, one per decision (`decision`), opened review
    /// (`review_opened`) and decided review (`review_decided`); `data` is the event's JSON. A
    /// comment line every 15 s keeps proxies from closing an idle stream.
    func events(_ identity: Identity) throws -> Response {
        try requireAdmin(identity)
        let stream = service.events.subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: ": bulwark events\n\n"))
            for await event in stream.withKeepAlive(seconds: 15) {
                let type = event.isEmpty ? nil : (try? JSONParser().parse(event))?["type"]?.stringValue
                let text = type.map { "event: \($0)\ndata: \(event)\n\n" } ?? ": keep-alive\n\n"
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        })
    }
}

extension AsyncStream where Element == String {
    /// The stream's elements, with an empty string every `seconds` when nothing else came.
    func withKeepAlive(seconds: Int) -> AsyncStream<String> {
        let (out, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1_000))
        let pump = Task {
            for await element in self { continuation.yield(element) }
            continuation.finish()
        }
        let ticker = Task {
            while !Task.isCancelled {
                try await Task.sleep(for: .seconds(seconds))
                continuation.yield("")
            }
        }
        continuation.onTermination = { _ in
            pump.cancel()
            ticker.cancel()
        }
        return out
    }
}
