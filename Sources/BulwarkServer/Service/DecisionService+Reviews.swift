import BulwarkCore
import BulwarkRuntime
import Foundation

/// Reviews: opened by review verdicts, decided by admins, waited on by callers.
extension DecisionService {
    func openOrReuseReview(_ verdict: Verdict, agent: String, session: String, action: (tool: String, digest: String), now: Double) async throws -> (review: ReviewRecord, created: Bool) {
        if var open = try await store.openReview(agent: agent, actionSHA256: action.digest) {
            if open.status == .pending, now > open.expiresAt {
                open.status = .expired
                try await store.saveReview(open)
                metrics.reviewsPending.decrement()
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
        if review.status == .pending, Date().timeIntervalSince1970 > review.expiresAt {
            review.status = .expired
            try await store.saveReview(review)
            metrics.reviewsPending.decrement()
        }
        return review
    }

    public func reviews(status: ReviewRecord.Status?, limit: Int) async throws -> [ReviewRecord] {
        try await store.reviews(status: status, limit: limit)
    }

    /// A reviewer's decision, audited; only a pending, unexpired review can be decided.
    public func decide(_ id: String, approve: Bool, reviewer: Identity, reason: String?) async throws -> ReviewRecord {
        guard reviewer.isAdmin else { throw ServiceError.forbidden("only an admin key can decide reviews") }
        guard var review = try await self.review(id) else { throw ServiceError.notFound("no review \(id)") }
        guard review.status == .pending else { throw ServiceError(409, "review_closed", "review \(id) is \(review.status.rawValue)") }
        review.status = approve ? .approved : .denied
        review.decidedBy = reviewer.label
        review.reason = reason
        review.decidedAt = Date().timeIntervalSince1970
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
