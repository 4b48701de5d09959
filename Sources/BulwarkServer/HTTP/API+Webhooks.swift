import BulwarkCore
import BulwarkRuntime
import Foundation
import Hummingbird

extension API {
    /// `POST /v1/webhooks` with `{"url", "events"}` (admin): answers the signing secret, once.
    func createWebhook(_ identity: Identity, _ body: [UInt8]) async throws -> Response {
        try requireAdmin(identity)
        guard let json = try? JSONParser().parse(String(decoding: body, as: UTF8.self)), let url = json["url"]?.stringValue,
            let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil
        else { throw ServiceError.badRequest("give the webhook as JSON: {\"url\": \"https://…\", \"events\": [\"review_opened\"]}") }
        let events = json["events"]?.arrayValue?.compactMap(\.stringValue) ?? ["review_opened", "review_decided", "decision.block"]
        guard !events.isEmpty, events.allSatisfy(WebhookRecord.eventTypes.contains) else {
            throw ServiceError.badRequest("events must be some of \(WebhookRecord.eventTypes.sorted().joined(separator: ", "))")
        }
        let hook = WebhookRecord(id: "wh_" + DecisionService.randomToken(8), url: url, secret: "whs_" + DecisionService.randomToken(20), events: events, createdAt: Date().timeIntervalSince1970)
        try await service.store.saveWebhook(hook)
        try await service.webhooks.reload()
        try await service.audit(["event": "webhook_registered", "webhook": .string(hook.id), "url": .string(url), "by": .string(identity.label)])
        var out = Self.webhookJSON(hook).objectValue ?? JSONObject()
        out["secret"] = .string(hook.secret)
        return APIResponses.json(.object(out), status: .created)
    }

    /// `GET /v1/webhooks` (admin): webhooks without secrets, and deliveries given up.
    func listWebhooks(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        let hooks = try await service.store.webhooks()
        let failed = try await service.store.failedDeliveries(limit: 100)
        return APIResponses.json([
            "webhooks": .array(hooks.map(Self.webhookJSON)),
            "failed_deliveries": .array(failed.map { ["id": .number(Double($0.id)), "webhook": .string($0.webhook), "attempts": .number(Double($0.attempts))] }),
        ])
    }

    /// `DELETE /v1/webhooks/{id}` (admin): also drops its pending deliveries.
    func deleteWebhook(_ id: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard try await service.store.deleteWebhook(id) else { throw ServiceError.notFound("no webhook \(id)") }
        try await service.webhooks.reload()
        try await service.audit(["event": "webhook_deleted", "webhook": .string(id), "by": .string(identity.label)])
        return APIResponses.json(["deleted": .string(id)])
    }

    static func webhookJSON(_ w: WebhookRecord) -> JSONValue {
        ["id": .string(w.id), "url": .string(w.url), "events": .array(w.events.map(JSONValue.string)), "created_at": .number(w.createdAt)]
    }
}
