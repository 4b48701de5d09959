import BulwarkCore
import Prometheus

/// The service's Prometheus metrics, in a registry of its own (no process-wide bootstrap), served
/// at `GET /metrics`:
/// - `bulwark_decisions_total{decision}`: decisions by verdict;
/// - `bulwark_decision_duration_seconds`: the engine's time per decision;
/// - `bulwark_inspect_duration_seconds`: the service's time per inspected call, from its body to
///   its answer, including the wait for the commit (not the HTTP parsing, nor a reviewer's time);
/// - `bulwark_commit_wait_seconds`: the wait for a decision's group commit (fsync included);
/// - `bulwark_commit_duration_seconds`: the writer's time per group commit (fsync included);
/// - `bulwark_layer_duration_seconds{stage}`: time per pipeline stage (facets, each layer, rules);
/// - `bulwark_findings_total{stage}`: findings per stage;
/// - `bulwark_commit_queue_depth`, `bulwark_reviews_pending`, `bulwark_event_subscribers`: queue depths;
/// - `bulwark_audit_commits`, `bulwark_audit_records`: group commits and the records they held
///   since start (their ratio is the mean batch size);
/// - `bulwark_requests_refused_total{code}`: refused requests by error code.
public final class ServiceMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let decisions: [Decision: Counter]
    let decisionDuration: DurationHistogram
    let inspectDuration: DurationHistogram
    let commitWait: DurationHistogram
    let commitDuration: DurationHistogram
    let stageDurations: [String: DurationHistogram]
    let stageFindings: [String: Counter]
    let commitQueue: Gauge
    let auditCommits: Gauge
    let auditRecords: Gauge
    let reviewsPending: Gauge
    let webhookOutbox: Gauge
    let subscribers: Gauge

    static let stages = ["facets"] + LayerID.allCases.map(\.rawValue) + ["rules"]
    static let buckets: [Duration] = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000].map { .microseconds($0) }

    public init() {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        func name(_ metric: String, unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "bulwark", metricName: metric, unitName: unit, helpText: help)
        }
        decisions = Dictionary(uniqueKeysWithValues: [Decision.allow, .review, .block].map {
            ($0, registry.makeCounter(descriptor: name("decisions", unit: "total", "Decisions by verdict."), labels: [("decision", $0.rawValue)]))
        })
        decisionDuration = registry.makeDurationHistogram(descriptor: name("decision_duration", unit: "seconds", "Engine time per decision."), buckets: Self.buckets)
        inspectDuration = registry.makeDurationHistogram(descriptor: name("inspect_duration", unit: "seconds", "Service time per inspected call, commit included."), buckets: Self.buckets)
        commitWait = registry.makeDurationHistogram(descriptor: name("commit_wait", unit: "seconds", "Wait for a decision's group commit."), buckets: Self.buckets)
        commitDuration = registry.makeDurationHistogram(descriptor: name("commit_duration", unit: "seconds", "Writer time per group commit, fsync included."), buckets: Self.buckets)
        stageDurations = Dictionary(uniqueKeysWithValues: Self.stages.map {
            ($0, registry.makeDurationHistogram(descriptor: name("layer_duration", unit: "seconds", "Time per pipeline stage."), labels: [("stage", $0)], buckets: Self.buckets))
        })
        stageFindings = Dictionary(uniqueKeysWithValues: Self.stages.map {
            ($0, registry.makeCounter(descriptor: name("findings", unit: "total", "Findings per pipeline stage."), labels: [("stage", $0)]))
        })
        commitQueue = registry.makeGauge(descriptor: name("commit_queue_depth", unit: "", "Audit records waiting for the next group commit."))
        auditCommits = registry.makeGauge(descriptor: name("audit_commits", unit: "", "Group commits of the audit chain since start."))
        auditRecords = registry.makeGauge(descriptor: name("audit_records", unit: "", "Audit records committed since start."))
        reviewsPending = registry.makeGauge(descriptor: name("reviews_pending", unit: "", "Reviews pending: opened, not yet decided or expired (counted from the store at start)."))
        webhookOutbox = registry.makeGauge(descriptor: name("webhook_outbox_depth", unit: "", "Webhook deliveries waiting in the durable outbox (pending, including retries)."))
        subscribers = registry.makeGauge(descriptor: name("event_subscribers", unit: "", "Open event streams."))
    }

    func refused(_ code: String) {
        registry.makeCounter(descriptor: MetricNameDescriptor(namespace: "bulwark", metricName: "requests_refused", unitName: "total", helpText: "Refused requests by error code."), labels: [("code", code)]).increment()
    }

    /// A per-decision observer that times each stage.
    func observer() -> StageTimer { StageTimer(metrics: self) }
}

/// Times the pipeline's stages for one decision (see `PipelineObserver`).
final class StageTimer: PipelineObserver {
    let metrics: ServiceMetrics
    var started = ContinuousClock.now
    var stageStart = ContinuousClock.now

    init(metrics: ServiceMetrics) {
        self.metrics = metrics
    }

    func stageStarted(_ stage: String) {
        stageStart = ContinuousClock.now
    }

    func stageFinished(_ stage: String, findings: Int) {
        metrics.stageDurations[stage]?.record(ContinuousClock.now - stageStart)
        if findings > 0 { metrics.stageFindings[stage]?.increment(by: Int64(findings)) }
    }

    func finished(_ decision: Decision) {
        metrics.decisionDuration.record(ContinuousClock.now - started)
        metrics.decisions[decision]?.increment()
    }
}
