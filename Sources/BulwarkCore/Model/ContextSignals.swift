/// The five context signals the scorer folds into the risk. Each is a multiplier around 1.0:
/// above 1 raises the risk, below 1 lowers it, 1.0 is neutral. Signals without state are neutral.
public struct ContextSignals: Sendable, Equatable {
    /// How unusual the action is against population statistics.
    public var statistical: Double
    /// What the surrounding context (workspace, environment) says.
    public var contextual: Double
    /// Deviation from this agent's own profile.
    public var behavioural: Double
    /// Time-of-day and burst patterns.
    public var temporal: Double
    /// The agent's track record.
    public var reputation: Double

    public init(statistical: Double = 1, contextual: Double = 1, behavioural: Double = 1, temporal: Double = 1, reputation: Double = 1) {
        self.statistical = statistical
        self.contextual = contextual
        self.behavioural = behavioural
        self.temporal = temporal
        self.reputation = reputation
    }

    public static let neutral = ContextSignals()

    /// Each signal is clamped to [0.5, 1.5] so no signal alone can swing a verdict.
    public var multiplier: Double {
        func c(_ v: Double) -> Double { v.isFinite ? min(1.5, max(0.5, v)) : 1 }
        return c(statistical) * c(contextual) * c(behavioural) * c(temporal) * c(reputation)
    }
}
