/// A policy's say on an action after the layers and the scorer have spoken. The policy
/// language (workspace YAML with expressions) conforms to this; without one, the scorer's
/// thresholds decide.
public protocol PolicyEvaluator: Sendable {
    func evaluate(_ action: Action, findings: [Finding], risk: Int, decision: Decision) -> PolicyOutcome?
}

/// A decision forced by a named policy rule.
public struct PolicyOutcome: Sendable, Equatable {
    public var decision: Decision
    public var rule: String
    public var reason: String

    public init(decision: Decision, rule: String, reason: String) {
        self.decision = decision
        self.rule = rule
        self.reason = reason
    }
}
