/// The engine's answer to one input: a decision, a 0–100 risk score and the findings behind it.
///
/// Its JSON form (`json`) is a stable interface: fields are only ever added.
public struct Verdict: Sendable {
    public var decision: Decision
    public var risk: Int
    public var findings: [Finding]
    /// The policy rule that forced the decision, if any.
    public var policyRule: String?
    public var actionID: String
    public var latencyMicros: Int
    /// Set when the input could not be understood; the decision is then fail-closed.
    public var error: String?
    public var format: InputFormat?
    public var tool: String?
    public var signals: ContextSignals
    /// The size of the action's arguments (`Facets.argumentSize`), for the runtime's
    /// behaviour profile; nil when the input was not understood. Not part of the JSON form.
    public var argumentSize: Int?
    /// Whether the input was a tool's result after it ran (PostToolUse, `"phase": "post"`)
    /// rather than a call before it runs. Not part of the JSON form.
    public var judgedResult = false

    public init(
        decision: Decision, risk: Int, findings: [Finding], policyRule: String? = nil, actionID: String,
        latencyMicros: Int = 0, error: String? = nil, format: InputFormat? = nil, tool: String? = nil,
        signals: ContextSignals = .neutral
    ) {
        self.decision = decision
        self.risk = risk
        self.findings = findings
        self.policyRule = policyRule
        self.actionID = actionID
        self.latencyMicros = latencyMicros
        self.error = error
        self.format = format
        self.tool = tool
        self.signals = signals
    }

    public var json: JSONValue {
        var o = JSONObject()
        o["decision"] = .string(decision.rawValue)
        o["risk"] = .number(Double(risk))
        o["findings"] = .array(findings.map(\.json))
        o["policy_rule"] = policyRule.map(JSONValue.string) ?? .null
        o["action_id"] = .string(actionID)
        o["latency_us"] = .number(Double(latencyMicros))
        if let format { o["format"] = .string(format.rawValue) }
        if let tool { o["tool"] = .string(tool) }
        if let error { o["error"] = .string(error) }
        // The context signals behind the risk, when any is not neutral.
        if signals != .neutral {
            let rounded = { (v: Double) in JSONValue.number((v * 1000).rounded() / 1000) }
            o["signals"] = [
                "statistical": rounded(signals.statistical), "contextual": rounded(signals.contextual),
                "behavioural": rounded(signals.behavioural), "temporal": rounded(signals.temporal),
                "reputation": rounded(signals.reputation),
            ]
        }
        return .object(o)
    }

    public var jsonString: String { JSONWriter.string(json) }
}

extension Finding {
    public var json: JSONValue {
        var o = JSONObject()
        o["layer"] = .string(layer.rawValue)
        o["rule"] = .string(rule.rawValue)
        o["severity"] = .string(severity.description)
        o["score"] = .number(Double(score))
        o["message"] = .string(message)
        o["evidence"] = .string(evidence)
        if let category { o["category"] = .string(category.rawValue) }
        return .object(o)
    }
}
