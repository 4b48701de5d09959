import BulwarkCore
import BulwarkRuntime
import Foundation

/// Reviews: opened by review verdicts, decided by admins, waited on by callers.
extension DecisionService {
    func openOrReuseReview(_ verdict: Verdict, agent: String, session: String, action: (tool: String, digest: String), now: Double) async throws -> (review: ReviewRecord, created: Bool) {
        if var open = try await store.openReview(agent: agent, actionSHA256: action.digest) {
            if isOutdated(open, now: now) {
                try await expire(&open)
            } else {
                return (open, false)
            }
        }
        return (ReviewRecord(
            id: "rev_" + Self.randomToken(12), agent: agent, session: session, actionSHA256: action.digest, tool: action.tool,
            verdict: JSONWriter.string(verdict.json), createdAt: now, expiresAt: now + configuration.reviewTTL), true)
    }

    /// Marks an approved review as used by this process, atomically: of two identical calls
    /// racing on one approval, only one is released.
    func claim(_ id: String) -> Bool {
        engineLock.withLock { claimed.insert(id).inserted }
    }

    /// A review, expired if its time is up; with `wait`, after waiting for a decision.
    public func review(_ id: String, wait: Double = 0) async throws -> ReviewRecord? {
        guard var review = try await store.review(id) else { return nil }
        if review.status == .pending, wait > 0 {
            await waiters.wait(for: id, seconds: min(wait, configuration.maxWait)) { [store] in
                (try? await store.review(id))?.status != .pending
            }
            review = try await store.review(id) ?? review
        }
        if isOutdated(review, now: configuration.clock()) { try await expire(&review) }
        return review
    }

    /// Reviews, newest first; pending and approved ones whose time is up are expired on the way
    /// (and left out of a listing of pending or approved reviews).
    public func reviews(status: ReviewRecord.Status?, limit: Int) async throws -> [ReviewRecord] {
        let now = configuration.clock()
        var out: [ReviewRecord] = []
        for var review in try await store.reviews(status: status, limit: limit) {
            if isOutdated(review, now: now) {
                try await expire(&review)
                if status != nil && status != .expired { continue }
            }
            out.append(review)
        }
        return out
    }

    /// A pending review past its expiry, or an approval not used within `reviewTTL` of being
    /// given (an approval is for the action asked then, not for one sent much later).
    func isOutdated(_ review: ReviewRecord, now: Double) -> Bool {
        switch review.status {
        case .pending: now > review.expiresAt
        case .approved: now > (review.decidedAt ?? review.createdAt) + configuration.reviewTTL
        default: false
        }
    }

    /// Expires a review, audited in the chain and announced on the event stream.
    func expire(_ review: inout ReviewRecord) async throws {
        let was = review.status
        review.status = .expired
        try await committer.append([
            "event": "review_expired", "review": .string(review.id), "was": .string(was.rawValue),
            "agent": .string(review.agent), "action_sha256": .string(review.actionSHA256),
        ], reviews: [review])
        if was == .pending { metrics.reviewsPending.decrement() }
        events.publish("review_expired", review.json)
    }

    /// A reviewer's decision, audited; only a pending, unexpired review can be decided.
    public func decide(_ id: String, approve: Bool, reviewer: Identity, reason: String?) async throws -> ReviewRecord {
        guard reviewer.isAdmin else { throw ServiceError.forbidden("only an admin key can decide reviews") }
        guard var review = try await self.review(id) else { throw ServiceError.notFound("no review \(id)") }
        guard review.status == .pending else { throw ServiceError(409, "review_closed", "review \(id) is \(review.status.rawValue)") }
        review.status = approve ? .approved : .denied
        review.decidedBy = reviewer.label
        review.reason = reason
        review.decidedAt = configuration.clock()
        try await committer.append([
            "event": "review_decided", "review": .string(id), "status": .string(review.status.rawValue),
            "by": .string(reviewer.label), "reason": reason.map(JSONValue.string) ?? .null, "action_sha256": .string(review.actionSHA256),
        ], reviews: [review], outbox: webhooks.deliveries("review_decided", review.json))
        waiters.notify(id)
        metrics.reviewsPending.decrement()
        events.publish("review_decided", review.json)
        return review
    }
}
