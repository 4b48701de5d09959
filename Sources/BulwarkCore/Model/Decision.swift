/// The answer to an action.
public enum Decision: String, Sendable, Comparable, CaseIterable {
    case allow, review, block

    private var rank: Int {
        switch self {
        case .allow: 0
        case .review: 1
        case .block: 2
        }
    }

    public static func < (lhs: Decision, rhs: Decision) -> Bool { lhs.rank < rhs.rank }
}
