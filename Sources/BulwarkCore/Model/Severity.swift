/// How bad a finding is. `critical` alone is enough to block.
public enum Severity: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case info = 0, low, medium, high, critical

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .info: "info"
        case .low: "low"
        case .medium: "medium"
        case .high: "high"
        case .critical: "critical"
        }
    }

    /// The default score a finding of this severity contributes (see `Scorer`).
    public var defaultScore: Int {
        switch self {
        case .info: 5
        case .low: 20
        case .medium: 45
        case .high: 70
        case .critical: 95
        }
    }
}
