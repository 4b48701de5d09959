import BulwarkCore

/// A held action waiting for a human. It is bound to the SHA-256 of the exact action
/// (`ActionDigest`): an approval releases that action once, and a changed action is a new review.
public struct ReviewRecord: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        /// Waiting for a reviewer.
        case pending
        /// Approved and not yet used: the next identical action is allowed, once.
        case approved
        case denied
        case expired
        /// Approved and used by the action it was bound to.
        case consumed
    }

    public var id: String
    public var agent: String
    public var session: String
    public var actionSHA256: String
    public var tool: String
    /// The verdict that asked for review, as JSON text.
    public var verdict: String
    public var status: Status
    public var createdAt: Double
    public var expiresAt: Double
    public var decidedBy: String?
    public var reason: String?
    public var decidedAt: Double?

    public init(id: String, agent: String, session: String, actionSHA256: String, tool: String, verdict: String, status: Status = .pending, createdAt: Double, expiresAt: Double, decidedBy: String? = nil, reason: String? = nil, decidedAt: Double? = nil) {
        self.id = id
        self.agent = agent
        self.session = session
        self.actionSHA256 = actionSHA256
        self.tool = tool
        self.verdict = verdict
        self.status = status
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.decidedBy = decidedBy
        self.reason = reason
        self.decidedAt = decidedAt
    }

    /// The review as API JSON.
    public var json: JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["agent"] = .string(agent)
        o["session"] = .string(session)
        o["action_sha256"] = .string(actionSHA256)
        o["tool"] = .string(tool)
        o["status"] = .string(status.rawValue)
        o["created_at"] = .number(createdAt)
        o["expires_at"] = .number(expiresAt)
        o["decided_by"] = decidedBy.map(JSONValue.string) ?? .null
        o["reason"] = reason.map(JSONValue.string) ?? .null
        o["decided_at"] = decidedAt.map(JSONValue.number) ?? .null
        o["verdict"] = (try? JSONParser().parse(verdict)) ?? .null
        return .object(o)
    }
}
