import BulwarkCore
import BulwarkRuntime
import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Webhooks: which deliveries an event makes (queued in the same commit as the event, so a
/// crash loses none), and the loop that POSTs them from the outbox, signed
/// (`WebhookSignature`), retrying failures with exponential backoff (`backoff · 2^attempts`
/// seconds, at most an hour) until `maxAttempts`, after which the delivery is kept as failed.
public final class WebhookDispatcher: @unchecked Sendable {
    let store: any BulwarkStore
    let lock = NSLock()
    var hooks: [WebhookRecord] = []
    public var backoff = 2.0
    public var maxAttempts = 10
    var logger = Logger(label: "bulwark.webhooks")
    /// Receives the outbox depth after each delivery round.
    var depth: (@Sendable (Int) -> Void)?
    let session: URLSession

    init(store: any BulwarkStore) async throws {
        self.store = store
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
        hooks = try await store.webhooks()
    }

    func reload() async throws {
        let all = try await store.webhooks()
        lock.withLock { hooks = all }
    }

    /// The outbox entries for an event; empty (and free) when no webhook wants it.
    func deliveries(_ type: String, decision: String? = nil, _ event: @autoclosure () -> JSONValue) -> [(webhook: String, body: String)] {
        let targets = lock.withLock { hooks.filter { $0.wants(type, decision: decision) } }
        guard !targets.isEmpty else { return [] }
        var object = event().objectValue ?? JSONObject()
        object["type"] = .string(type)
        let body = JSONWriter.string(.object(object))
        return targets.map { ($0.id, body) }
    }

    /// Delivers what is due, forever (every `interval` seconds), while `self` lives.
    func start(interval: Double = 0.5) {
        Task { [weak self] in
            while let self {
                await self.deliverDue()
                await self.reportDepth()
                try? await Task.sleep(for: .milliseconds(Int(interval * 1_000)))
            }
        }
    }

    func deliverDue() async {
        guard let due = try? await store.dueDeliveries(now: Date().timeIntervalSince1970, limit: 100), !due.isEmpty else { return }
        let byID = lock.withLock { Dictionary(hooks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }) }
        for item in due {
            guard let hook = byID[item.webhook] else { continue }
            let delivered = await post(item, to: hook)
            let attempts = item.attempts + 1
            let next: Double? = delivered || attempts >= maxAttempts ? nil : Date().timeIntervalSince1970 + min(3_600, backoff * pow(2, Double(attempts - 1)))
            try? await store.deliveryFinished(item.id, delivered: delivered, attempts: attempts, nextAt: next)
            if !delivered {
                let metadata: Logger.Metadata = ["webhook": .string(hook.id), "delivery": .stringConvertible(item.id), "attempts": .stringConvertible(attempts)]
                if next == nil { logger.error("webhook delivery given up", metadata: metadata) } else { logger.warning("webhook delivery failed; will retry", metadata: metadata) }
            }
        }
    }

    /// Publishes the outbox depth (`bulwark_webhook_outbox_depth`) through `depth`, if set.
    func reportDepth() async {
        guard let depth, let count = try? await store.pendingDeliveryCount() else { return }
        depth(count)
    }

    func post(_ item: OutboxItem, to hook: WebhookRecord) async -> Bool {
        guard let url = URL(string: hook.url) else { return false }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(item.body.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(String(item.id), forHTTPHeaderField: "X-Bulwark-Delivery")
        request.setValue(WebhookSignature.sign(secret: hook.secret, timestamp: Int(Date().timeIntervalSince1970), body: item.body), forHTTPHeaderField: WebhookSignature.header)
        guard let (_, response) = try? await session.data(for: request), let status = (response as? HTTPURLResponse)?.statusCode else { return false }
        return (200..<300).contains(status)
    }
}
