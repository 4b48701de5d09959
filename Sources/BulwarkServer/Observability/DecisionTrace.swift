import BulwarkCore
import Tracing

/// The trace of one decision: a `bulwark.evaluate` span (server kind) with the decision's
/// attributes, and a child span per pipeline stage (`bulwark.stage.<stage>`) with its finding
/// count. Spans go to whatever tracer `InstrumentationSystem` holds: OTLP when `bulwark serve
/// --otlp-endpoint` bootstrapped swift-otel, nothing otherwise.
final class DecisionTrace: PipelineObserver {
    let root: any Span
    let timer: StageTimer
    var stage: (any Span)?

    init(timer: StageTimer) {
        root = InstrumentationSystem.tracer.startAnySpan("bulwark.evaluate", context: .topLevel, ofKind: .server)
        self.timer = timer
    }

    func stageStarted(_ name: String) {
        timer.stageStarted(name)
        stage = InstrumentationSystem.tracer.startAnySpan("bulwark.stage.\(name)", context: root.context, ofKind: .internal)
        stage?.attributes["bulwark.stage"] = name
    }

    func stageFinished(_ name: String, findings: Int) {
        timer.stageFinished(name, findings: findings)
        stage?.attributes["bulwark.findings.count"] = findings
        stage?.end()
        stage = nil
    }

    /// Attaches the decision's attributes and ends the root span.
    func finish(_ verdict: Verdict, agent: String, session: String, review: String?, seq: Int?) {
        var a = root.attributes
        a["bulwark.agent"] = agent
        a["bulwark.session"] = session
        a["bulwark.tool"] = verdict.tool ?? ""
        a["bulwark.format"] = verdict.format?.rawValue ?? ""
        a["bulwark.decision"] = verdict.decision.rawValue
        a["bulwark.risk"] = verdict.risk
        a["bulwark.findings.count"] = verdict.findings.count
        a["bulwark.rules"] = verdict.findings.map(\.rule.rawValue).joined(separator: ",")
        if let rule = verdict.policyRule { a["bulwark.policy_rule"] = rule }
        if let review { a["bulwark.review.id"] = review }
        if let seq { a["bulwark.audit.seq"] = seq }
        root.attributes = a
        root.end()
    }

    func fail(_ error: any Error) {
        root.recordError(error)
        root.setStatus(SpanStatus(code: .error))
        root.end()
    }
}
