import BulwarkCore

/// One stored version of the workspace policy (YAML), numbered from 1; at most one is active.
public struct PolicyVersion: Sendable, Equatable {
    public var version: Int
    public var yaml: String
    public var createdAt: Double
    public var createdBy: String
    public var active: Bool

    public init(version: Int, yaml: String, createdAt: Double, createdBy: String, active: Bool) {
        self.version = version
        self.yaml = yaml
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.active = active
    }

    /// The version as API JSON (with the YAML only when asked).
    public func json(withYAML: Bool = false) -> JSONValue {
        var o = JSONObject()
        o["version"] = .number(Double(version))
        o["sha256"] = .string(AuditChain.hash(yaml.utf8))
        o["created_at"] = .number(createdAt)
        o["created_by"] = .string(createdBy)
        o["active"] = .bool(active)
        if withYAML { o["yaml"] = .string(yaml) }
        return .object(o)
    }
}
