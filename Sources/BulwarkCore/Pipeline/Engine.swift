/// The decision pipeline, in order: adapter → facets → layers → scorer → policy → verdict.
///
/// `Engine` is a value: it holds no mutable state, performs no I/O and reads no clock, so the
/// same input, state and configuration always give the same verdict. Callers measure latency.
public struct Engine: Sendable {
    public var configuration: EngineConfiguration
    public var layers: [any Layer]
    public var policy: (any PolicyEvaluator)?
    let detector = FormatDetector()
    let extractor = FacetExtractor()
    var scorer: Scorer { Scorer(reviewThreshold: configuration.reviewThreshold, blockThreshold: configuration.blockThreshold) }
    var signalModel: SignalModel { SignalModel(maxCallsPerTool: configuration.maxCallsPerToolPerWindow, warmupCalls: configuration.profileWarmupCalls) }

    /// `workspace`: a compiled workspace policy. Its thresholds and money limit, when set, replace
    /// the configuration's; its agent, tool, domain and path sections become the policy layer.
    public init(configuration: EngineConfiguration = EngineConfiguration(), policy: (any PolicyEvaluator)? = nil, workspace: Policy? = nil) {
        var configuration = configuration
        if let workspace {
            if let t = workspace.thresholds {
                configuration.reviewThreshold = t.review
                configuration.blockThreshold = t.block
            }
            if let m = workspace.moneyReviewAboveUSD { configuration.moneyThresholdUSD = m }
        }
        self.configuration = configuration
        var rulesPolicy = workspace
        rulesPolicy?.now = configuration.defaults.now
        self.policy = policy ?? rulesPolicy.flatMap { $0.rules.isEmpty ? nil : PolicyRuleEvaluator(policy: $0) }
        var layers: [any Layer] = [
            ProtocolLayer(), ImpactLayer(money: MoneyRules(thresholdUSD: configuration.moneyThresholdUSD), indicators: configuration.indicators), TaintLayer(), InjectionLayer(),
            ContentLayer(), BehaviourLayer(maxCallsPerTool: configuration.maxCallsPerToolPerWindow, warmupCalls: configuration.profileWarmupCalls),
        ]
        if let workspace {
            layers.append(ToolRegistryLayer(policy: workspace))
            layers.append(PolicyLayer(policy: workspace))
        }
        self.layers = layers
    }

    /// Judges one raw input (JSON text in any supported format).
    public func evaluate(_ text: String, format: InputFormat? = nil, state: SessionSnapshot = .empty) -> Verdict {
        if text.utf8.count > configuration.maxInputBytes {
            return refusal("input is \(text.utf8.count) bytes, over the \(configuration.maxInputBytes)-byte limit", input: "")
        }
        let json: JSONValue
        do {
            json = try JSONParser(maxDepth: configuration.maxJSONDepth, maxBytes: configuration.maxInputBytes).parse(text)
        } catch {
            return refusal("invalid JSON: \(error.description)", input: text)
        }
        return evaluate(json: json, format: format, state: state, source: text)
    }

    /// Judges raw bytes; invalid UTF-8 is refused.
    public func evaluate(bytes: [UInt8], format: InputFormat? = nil, state: SessionSnapshot = .empty) -> Verdict {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return refusal("input is not valid UTF-8", input: "")
        }
        return evaluate(text, format: format, state: state)
    }

    /// Judges parsed input. `agent`, when given, is the caller's authenticated identity: it
    /// replaces whatever agent id the input claims, for every layer and policy rule.
    public func evaluate(json: JSONValue, format: InputFormat? = nil, state: SessionSnapshot = .empty, source: String = "", agent: String? = nil, observer: (any PipelineObserver)? = nil) -> Verdict {
        let actions: [Action]
        let adapter: any InputAdapter
        var defaults = configuration.defaults
        defaults.fallbackID = ActionID.derive(from: source.isEmpty ? JSONWriter.string(json) : source)
        observer?.stageStarted("facets")
        do {
            adapter = try detector.adapter(for: json, forced: format)
            actions = try adapter.actions(from: json, defaults: defaults)
        } catch {
            observer?.stageFinished("facets", findings: 1)
            return refusal(error.message, input: source)
        }
        var prepared: [Action] = []
        prepared.reserveCapacity(actions.count)
        for var action in actions {
            if let agent { action.agent = agent }
            extractor.extract(&action)
            prepared.append(action)
        }
        observer?.stageFinished("facets", findings: 0)
        var verdicts: [Verdict] = []
        for action in prepared { verdicts.append(evaluate(action, state: state, observer: observer)) }
        return Self.combine(verdicts)
    }

    /// Judges an action whose facets have been extracted.
    public func evaluate(_ action: Action, state: SessionSnapshot = .empty, observer: (any PipelineObserver)? = nil) -> Verdict {
        var action = action
        if let time = state.unixTime { action.time = time }
        var findings: [Finding] = []
        for layer in layers {
            guard let observer else {
                findings.append(contentsOf: layer.evaluate(action, state: state))
                continue
            }
            observer.stageStarted(layer.id.rawValue)
            let found = layer.evaluate(action, state: state)
            observer.stageFinished(layer.id.rawValue, findings: found.count)
            findings.append(contentsOf: found)
        }
        findings.sort { ($0.severity, $0.score) > ($1.severity, $1.score) }
        let scorer = self.scorer
        let signals = signalModel.signals(for: action, state: state)
        let risk = scorer.risk(of: findings, signals: signals)
        var decision = scorer.decision(risk: risk, findings: findings)
        var policyRule: String? = nil
        var risk2 = risk
        observer?.stageStarted("rules")
        defer { observer?.stageFinished("rules", findings: policyRule == nil ? 0 : 1) }
        if let policy, let outcome = policy.evaluate(action, findings: findings, risk: risk, decision: decision) {
            // The rule's decision is explained by a finding of its own.
            let severity: Severity = outcome.decision == .block ? .critical : outcome.decision == .review ? .medium : .info
            findings.append(Finding(layer: .policy, rule: "policy.rule", severity: severity, score: outcome.decision == .review ? 45 : nil, message: outcome.reason, evidence: outcome.rule))
            if outcome.decision > decision { risk2 = scorer.risk(of: findings, signals: signals) }
            decision = outcome.decision
            policyRule = outcome.rule
        }
        var verdict = Verdict(decision: decision, risk: risk2, findings: findings, policyRule: policyRule, actionID: action.id, format: action.format, tool: action.rawToolName, signals: signals)
        verdict.argumentSize = action.facets.argumentSize
        verdict.judgedResult = action.phase == .post
        return verdict
    }

    /// A fail-closed verdict for input that cannot be understood.
    public func refusal(_ message: String, input: String) -> Verdict {
        let finding = Finding(layer: .protocol, rule: "protocol.invalid_input", severity: .critical, message: message, evidence: String(input.prefix(120)), category: .malformed)
        return Verdict(decision: .block, risk: 100, findings: [finding], actionID: ActionID.derive(from: input), error: message)
    }

    /// Several actions in one input (an assistant message with two tool calls) give one verdict:
    /// the most severe decision, the highest risk, and every finding.
    static func combine(_ verdicts: [Verdict]) -> Verdict {
        guard var combined = verdicts.first else { return Verdict(decision: .allow, risk: 0, findings: [], actionID: "") }
        for v in verdicts.dropFirst() {
            combined.decision = max(combined.decision, v.decision)
            combined.risk = max(combined.risk, v.risk)
            combined.findings.append(contentsOf: v.findings)
            combined.policyRule = combined.policyRule ?? v.policyRule
            combined.actionID += "," + v.actionID
            if let tool = v.tool { combined.tool = (combined.tool.map { $0 + "," } ?? "") + tool }
        }
        return combined
    }
}
