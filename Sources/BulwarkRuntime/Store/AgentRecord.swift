/// A registered agent. Its requests are signed with HMAC-SHA256 under `secret` (see
/// `RequestSignature`); `allowBearer`, which only an admin can set, also accepts the secret as a
/// bearer token, for callers that cannot sign (Claude Code's `"type": "http"` hooks).
public struct AgentRecord: Sendable, Equatable {
    public var id: String
    public var secret: String
    public var roles: [String]
    public var allowBearer: Bool
    public var createdAt: Double
    public var disabled: Bool

    public init(id: String, secret: String, roles: [String] = [], allowBearer: Bool = false, createdAt: Double, disabled: Bool = false) {
        self.id = id
        self.secret = secret
        self.roles = roles
        self.allowBearer = allowBearer
        self.createdAt = createdAt
        self.disabled = disabled
    }
}
