/// An admin API key: only its bcrypt hash is stored. The key itself (`bwk_admin_<id>_<secret>`)
/// is shown once, when it is created.
public struct AdminKeyRecord: Sendable, Equatable {
    public var id: String
    public var hash: String
    public var label: String
    public var createdAt: Double
    public var revoked: Bool

    public init(id: String, hash: String, label: String, createdAt: Double, revoked: Bool = false) {
        self.id = id
        self.hash = hash
        self.label = label
        self.createdAt = createdAt
        self.revoked = revoked
    }
}
