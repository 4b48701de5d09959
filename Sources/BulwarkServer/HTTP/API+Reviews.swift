import BulwarkCore
import BulwarkRuntime
import Hummingbird

extension API {
    /// `GET /v1/reviews?status=pending&limit=100` (admin).
    func listReviews(_ request: Request, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        var status: ReviewRecord.Status?
        if let raw = request.uri.queryParameters.get("status") {
            guard let s = ReviewRecord.Status(rawValue: raw) else { throw ServiceError.badRequest("status must be one of \(ReviewRecord.Status.allCases.map(\.rawValue).joined(separator: ", "))") }
            status = s
        }
        let limit = try request.intQuery("limit", default: 100, range: 1...1_000)
        let reviews = try await service.reviews(status: status, limit: limit)
        return APIResponses.json(["reviews": .array(reviews.map(\.json))])
    }

    /// `GET /v1/reviews/{id}?wait=30s`: an admin, or the agent the review belongs to; with
    /// `wait`, answers when the review is decided or the time is up (long poll).
    func getReview(_ request: Request, _ id: String, _ identity: Identity) async throws -> Response {
        guard let peek = try await service.review(id) else { throw ServiceError.notFound("no review \(id)") }
        if case .agent(let agent) = identity, agent != peek.agent { throw ServiceError.notFound("no review \(id)") }
        let wait = try request.waitSeconds(limit: configuration.maxWait)
        let review = wait > 0 ? try await service.review(id, wait: wait) ?? peek : peek
        return APIResponses.json(review.json)
    }

    /// `POST /v1/reviews/{id}/approve|deny` with `{"reason": "…"}` (admin only).
    func decide(_ request: Request, _ id: String, approve: Bool, _ identity: Identity, _ body: [UInt8]) async throws -> Response {
        try requireAdmin(identity)
        var reason: String?
        if !body.isEmpty {
            guard let json = try? JSONParser().parse(String(decoding: body, as: UTF8.self)) else { throw ServiceError.badRequest("the body must be JSON: {\"reason\": \"…\"}") }
            reason = json["reason"]?.stringValue
        }
        return APIResponses.json(try await service.decide(id, approve: approve, reviewer: identity, reason: reason).json)
    }
}
