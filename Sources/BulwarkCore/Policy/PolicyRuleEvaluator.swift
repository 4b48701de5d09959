/// Applies a policy's rules after the layers and the scorer (the engine's `PolicyEvaluator`).
///
/// - Rules are tried in file order (`first-match`) or by descending priority (`priority`); the
///   first whose condition holds and whose decision is allowed decides.
/// - A rule may always raise the decision. It may lower it only with `allow_lowering: true`,
///   and never below a critical finding unless it lists that finding's rule id in `overrides`;
///   otherwise the rule is skipped.
/// - A condition that fails at run time (a missing field, a type error on dynamic data) fails
///   closed: the decision becomes block, naming the rule.
public struct PolicyRuleEvaluator: PolicyEvaluator {
    public let policy: Policy
    /// `policy.orderedRules`, sorted once here rather than per action, and their conditions.
    private let ordered: [PolicyRule]
    private let conditions: [Expression]

    public init(policy: Policy) {
        self.policy = policy
        ordered = policy.orderedRules
        conditions = ordered.map(\.condition)
    }

    public func evaluate(_ action: Action, findings: [Finding], risk: Int, decision: Decision) -> PolicyOutcome? {
        guard !policy.rules.isEmpty else { return nil }
        let bindings = Self.bindings(action: action, findings: findings, risk: risk, policy: policy)
        let critical = Set(findings.filter { $0.severity == .critical }.map(\.rule.rawValue))
        var outcome: PolicyOutcome?
        Expression.evaluate(conditions, bindings) { i, result in
            let rule = ordered[i]
            switch result {
            case .error(let message):
                outcome = PolicyOutcome(decision: .block, rule: rule.id, reason: "rule \(rule.id) could not be evaluated (\(message)); failing closed")
                return false
            case .value(let value):
                guard case .bool(true) = value else { return true }
                if rule.decision < decision {
                    guard rule.allowsLowering, critical.isSubset(of: rule.overrides) else { return true }
                }
                outcome = PolicyOutcome(decision: rule.decision, rule: rule.id, reason: rule.reason)
                return false
            }
        }
        return outcome
    }

    /// The values `when:` conditions read (see docs/expressions.md for the schema).
    static func bindings(action: Action, findings: [Finding], risk: Int, policy: Policy) -> ExpressionBindings {
        var b = ExpressionBindings(schema: .policy)
        var hosts: [String] = []
        var urls: [String] = []
        for url in action.facets.urls + action.facets.requests.map(\.url) + action.facets.shell.flatMap(\.urls) {
            if !hosts.contains(url.host) { hosts.append(url.host) }
            urls.append(url.raw)
        }
        let paths = action.facets.files.map(\.path) + action.facets.shell.flatMap { $0.files.map(\.path) }
        // In the schema's alphabetical order, which `ExpressionBindings` reads fastest.
        var fields = ExpressionMap.Builder(capacity: 20)
        if let agent = action.agent { fields.append("agent", .string(agent)) }
        if let money = action.facets.money.first { fields.append("amount", .double(money.usdEquivalent ?? money.amount)) }
        fields.append("arguments", .json(action.arguments))
        fields.append("commands", .strings(action.facets.shell.map(\.source)))
        if let money = action.facets.money.first { fields.append("currency", .string(money.currency)) }
        if let cwd = action.cwd { fields.append("cwd", .string(cwd)) }
        fields.append("format", .string(action.format.rawValue))
        if let host = hosts.first { fields.append("host", .string(host)) }
        fields.append("hosts", .strings(hosts))
        fields.append("id", .string(action.id))
        fields.append("kind", .string(action.kind.rawValue))
        fields.append("paths", .strings(paths))
        fields.append("phase", .string(action.phase.rawValue))
        fields.append("raw_tool", .string(action.rawToolName))
        if let result = action.result { fields.append("result", .json(result)) }
        if let server = action.server { fields.append("server", .string(server)) }
        if let session = action.session { fields.append("session", .string(session)) }
        fields.append("tool", .string(action.toolName))
        fields.append("urls", .strings(urls))
        if let workspace = action.workspace { fields.append("workspace", .string(workspace)) }
        b[slot: PolicySlots.action] = .map(fields.map)
        // `agent` and `time` are always bound (empty when unknown) so `has(agent.id)` and
        // `has(time.hour)` are false rather than errors.
        if let id = action.agent {
            let agent = policy.agents[id]
            b[slot: PolicySlots.agent] = .record([("id", .string(id)), ("roles", .strings(agent?.roles ?? []))])
        } else {
            b[slot: PolicySlots.agent] = .record([])
        }
        b[slot: PolicySlots.findings] = .list(findings.map { f in
            .record([
                ("rule", .string(f.rule.rawValue)), ("layer", .string(f.layer.rawValue)), ("severity", .string(f.severity.description)),
                ("score", .int(f.score)), ("category", .string(f.category?.rawValue ?? "")), ("message", .string(f.message)),
                ("evidence", .string(f.evidence)),
            ])
        })
        b[slot: PolicySlots.risk] = .int(risk)
        if let now = action.time ?? policy.now {
            let t = PolicyTime.fields(unix: now)
            b[slot: PolicySlots.time] = .record([("unix", .int(now)), ("hour", .int(t.hour)), ("minute", .int(t.minute)), ("weekday", .int(t.weekday)), ("date", .string(t.date))])
        } else {
            b[slot: PolicySlots.time] = .record([])
        }
        b[slot: PolicySlots.tool] = .record([("name", .string(action.toolName))] + (action.server.map { [("server", ExpressionValue.string($0))] } ?? []))
        return b
    }
}

/// The slots of the policy schema's variables, in its declaration order.
enum PolicySlots {
    static let action = 0, agent = 1, findings = 2, risk = 3, time = 4, tool = 5
}
