/// Applies a policy's rules after the layers and the scorer (the engine's `PolicyEvaluator`).
///
/// - Rules are tried in file order (`first-match`) or by descending priority (`priority`); the
///   first whose condition holds and whose decision is allowed decides.
/// - A rule may always raise the decision. It may lower it only with `allow_lowering: true`,
///   and never below a critical finding unless it lists that finding's rule id in `overrides`;
///   otherwise the rule is skipped.
/// - A condition that fails at run time (a missing field, a type error on dynamic data) fails
///   closed: the decision becomes block, naming the rule.
/// A class: engines are copied freely, and this holds the whole policy.
public final class PolicyRuleEvaluator: PolicyEvaluator, Sendable {
    public let policy: Policy
    /// `policy.orderedRules`, sorted once here rather than per action, and their conditions.
    private let ordered: [PolicyRule]
    private let conditions: [Expression]
    /// What the conditions read: the bindings are built for that only.
    private let reads: PolicyReads

    public init(policy: Policy) {
        self.policy = policy
        ordered = policy.orderedRules
        conditions = ordered.map(\.condition)
        reads = PolicyReads(conditions)
    }

    public func evaluate(_ action: Action, findings: [Finding], risk: Int, decision: Decision) -> PolicyOutcome? {
        guard !policy.rules.isEmpty else { return nil }
        let bindings = PolicyBindings.make(action: action, findings: findings, risk: risk, policy: policy, reads: reads)
        var outcome: PolicyOutcome?
        Expression.evaluate(conditions, bindings) { i, failure in
            let rule = ordered[i]
            if let failure {
                outcome = PolicyOutcome(decision: .block, rule: rule.id, reason: "rule \(rule.id) could not be evaluated (\(failure)); failing closed")
                return false
            }
            if rule.decision < decision {
                let critical = Set(findings.filter { $0.severity == .critical }.map(\.rule.rawValue))
                guard rule.allowsLowering, critical.isSubset(of: rule.overrides) else { return true }
            }
            outcome = PolicyOutcome(decision: rule.decision, rule: rule.id, reason: rule.reason)
            return false
        }
        return outcome
    }
}
