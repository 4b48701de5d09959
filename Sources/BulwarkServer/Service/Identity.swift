/// Who made a request, as established by `Authenticator` (never taken from the body).
public enum Identity: Sendable, Equatable {
    case agent(String)
    case admin(String)

    public var isAdmin: Bool { if case .admin = self { true } else { false } }

    /// The audit's name for the caller: `agent:<id>` or `admin:<key id>`.
    public var label: String {
        switch self {
        case .agent(let id): "agent:\(id)"
        case .admin(let id): "admin:\(id)"
        }
    }
}
