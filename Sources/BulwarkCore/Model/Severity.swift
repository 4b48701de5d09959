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
    /// With the default thresholds (review from 30, block from 70) one medium or high finding
    /// asks for review, two high findings or one critical block.
    public var defaultScore: Int {
        switch self {
        case .info: 5
        case .low: 15
        case .medium: 40
        case .high: 65
        case .critical: 95
        }
    }
}
