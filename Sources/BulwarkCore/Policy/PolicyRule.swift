/// A conditional rule of a workspace policy: `when` an expression holds, `then` a decision.
public struct PolicyRule: Sendable {
    public var id: String
    public var condition: Expression
    public var decision: Decision
    public var reason: String
    /// Order among rules in `priority` mode (higher first).
    public var priority: Int
    /// Whether the rule may lower the engine's decision (raising is always allowed).
    public var allowsLowering: Bool
    /// Critical findings (by rule id) the rule may override when lowering.
    public var overrides: Set<String>
}

/// How rules are chosen: the first that matches in file order, or the highest priority that matches.
public enum RuleMode: String, Sendable { case firstMatch = "first-match", priority }
