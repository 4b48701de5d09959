import BulwarkCore
import BulwarkRuntime
import Foundation
import Logging

/// The decision service without HTTP: judges actions against their session's state, holds
/// reviews, and makes every decision durable in the audit chain before it is answered.
public final class DecisionService: @unchecked Sendable {
    public let store: any BulwarkStore
    public let configuration: ServiceConfiguration
    /// The engine of the active policy; replaced as a whole when a policy is activated.
    var engine: Engine { engineLock.withLock { _engine } }
    let engineLock = NSLock()
    var _engine: Engine
    /// The configuration policies are compiled against (the command line's, with the current
    /// threat indicators), and the workspace policy in force.
    var baseConfiguration: EngineConfiguration
    var workspace: Policy?
    var activePolicy: Int? { engineLock.withLock { _activePolicy } }
    var _activePolicy: Int?
    var feedStamp: [String] = []
    /// The last reload of the indicator feeds: when, how many indicators, and the error if the
    /// feeds did not parse (the previous indicators then stay in force).
    var feedStatus: (at: Double, count: Int, error: String?)?
    /// Tools registered through the API, with their compiled schemas.
    var tools: [String: Policy.Tool] = [:]
    var claimed: Set<String> = []
    let registry: SessionRegistry
    let committer: GroupCommitter
    let waiters = ReviewWaiters()
    public let metrics = ServiceMetrics()
    /// Structured logs (swift-log): administrative events, refusals, failures. Decisions go to
    /// the audit chain, metrics and events, not to the log.
    public let logger: Logger
    public let events = EventBus()
    public let webhooks: WebhookDispatcher
    let started = ContinuousClock.now

    /// `engine` judges until a policy is activated through the API; `workspace` is the policy it
    /// was built with (kept when threat feeds reload).
    public init(store: any BulwarkStore, engine: Engine, workspace: Policy? = nil, configuration: ServiceConfiguration = .init(), logger: Logger = Logger(label: "bulwark")) async throws {
        self.logger = logger
        self.store = store
        _engine = engine
        self.workspace = workspace
        baseConfiguration = engine.configuration
        self.configuration = configuration
        let registry = SessionRegistry(store: store)
        self.registry = registry
        committer = GroupCommitter(
            store: store, gatherDelay: configuration.commitDelay, dirtyStates: { registry.drainDirty() },
            committed: { [metrics] duration, _ in metrics.commitDuration.record(duration) })
        webhooks = try await WebhookDispatcher(store: store)
        webhooks.backoff = configuration.webhookBackoff
        webhooks.logger = logger
        webhooks.depth = { [metrics] in metrics.webhookOutbox.set(to: Double($0)) }
        try await committer.resume()
        // Reviews still pending from before a restart count in the gauge.
        metrics.reviewsPending.set(to: Double(try await store.reviews(status: .pending, limit: 1_000_000).count))
        webhooks.start()
        let registered = try await store.tools()
        engineLock.withLock {
            for tool in registered { tools[tool.name] = Policy.Tool(name: tool.name, schema: try? JSONSchema(tool.inputSchema)) }
            if !tools.isEmpty { rebuildEngine() }
        }
        // A policy activated through the API outlives restarts and replaces the command line's.
        if let active = try await store.activePolicy() {
            let policy = try PolicyLoader.load(yaml: active.yaml, file: "policy v\(active.version)")
            install(policy, version: active.version)
        }
        if !configuration.indicatorFeeds.isEmpty {
            // The feeds in force are the files', whatever the given engine was built with.
            feedStamp = IndicatorFeed.stamp(configuration.indicatorFeeds)
            let indicators = try IndicatorFeed.load(paths: configuration.indicatorFeeds)
            engineLock.withLock {
                baseConfiguration.indicators = indicators
                rebuildEngine()
            }
            feedStatus = (configuration.clock(), indicators.count, nil)
            watchFeeds()
        }
    }

    /// What `inspect` answers: the verdict JSON plus the session, the review and the audit place.
    public struct Outcome: Sendable {
        public var verdict: Verdict
        public var json: JSONValue
        /// The decision's place in the audit chain.
        public var seq: Int
    }

    /// Judges one input (any format the CLI accepts) for `agent`. `session` comes from the
    /// caller's header, else the payload (`session_id`, `session`), else `default`. A review
    /// verdict opens (or finds) a review bound to the action; an approved one releases it once.
    /// With `wait > 0`, a review is waited on that many seconds before answering.
    public func inspect(_ body: [UInt8], agent: String, session: String?, wait: Double = 0) async throws -> Outcome {
        let started = ContinuousClock.now
        guard let text = String(validating: body, as: UTF8.self), let json = try? JSONParser().parse(text) else {
            try await refuse(engine.evaluate(bytes: body), agent: agent)
        }
        let session = session ?? Self.sessionID(in: json) ?? "default"
        // This call's record is on its way: a commit starting meanwhile may wait for it.
        let expectation = committer.expect()
        defer { committer.cancel(expectation) }
        try await registry.load(agent: agent, session: session)
        defer { registry.release(agent: agent, session: session) }
        let now = configuration.clock()
        let hour = SessionState.hourOfDay(unixTime: now)
        var snapshot = registry.state(agent: agent, session: session)?.snapshot(now: now, hourOfDay: hour, unixTime: Int(now)) ?? SessionSnapshot(hourOfDay: hour, unixTime: Int(now))
        let standing = registry.standing(agent: agent)
        snapshot.signals.reputation = standing.reputation
        if configuration.agentBudgetPerMinute > 0 {
            for tool in standing.exhausted(at: now) { snapshot.exhaustedTools[tool] = "\(Int(standing.capacity)) a minute, high-risk calls count \(Int(AgentStanding.highRiskCost))" }
        }
        let timer = metrics.observer()
        let trace = configuration.tracing ? DecisionTrace(timer: timer) : nil
        var verdict = engine.evaluate(json: json, state: snapshot, source: text, agent: agent, observer: trace ?? timer)
        if verdict.error != nil {
            trace?.fail(ServiceError(400, "bad_input", verdict.error ?? ""))
            try await refuse(verdict, agent: agent, fulfilling: expectation)
        }
        // A judged tool result (PostToolUse) is not another call: it is counted when it was asked.
        if !verdict.judgedResult {
            registry.update(agent: agent, session: session) { state in
                state.recordCall(verdict, now: now, hourOfDay: hour)
            }
            registry.recordStanding(agent: agent, verdict: verdict, at: now, capacity: configuration.agentBudgetPerMinute)
        }
        timer.finished(verdict.decision)
        // The review digest re-reads the actions; only reviews need it.
        let action = verdict.decision == .review ? Self.actionParts(json, verdict: verdict, agent: agent) : nil
        var review: ReviewRecord?
        if verdict.decision == .review, let action {
            let opened = try await openOrReuseReview(verdict, agent: agent, session: session, action: action, now: now)
            var current = opened.review
            if opened.created {
                // Durable and visible to reviewers before anyone waits on it.
                try await committer.append([
                    "event": "review_opened", "review": .string(current.id), "agent": .string(agent), "session": .string(session),
                    "tool": .string(current.tool), "action_sha256": .string(current.actionSHA256),
                ], reviews: [current], outbox: webhooks.deliveries("review_opened", current.json), fulfilling: expectation)
                metrics.reviewsPending.increment()
                events.publish("review_opened", current.json)
            }
            if wait > 0, current.status == .pending {
                // No commit waits on a caller that waits for a reviewer.
                committer.cancel(expectation)
                let id = current.id
                await waiters.wait(for: id, seconds: min(wait, configuration.maxWait)) { [store] in
                    (try? await store.review(id))?.status != .pending
                }
                current = try await store.review(current.id) ?? current
            }
            if current.status == .approved, claim(current.id) {
                current.status = .consumed
                verdict.decision = .allow
                verdict.policyRule = "review:\(current.id)"
            } else if current.status == .denied {
                verdict.decision = .block
                verdict.policyRule = "review:\(current.id)"
            }
            review = current
        }
        do {
            let outcome = try await finish(verdict, action: action, input: body, agent: agent, session: session, claimed: Self.claimedAgent(in: json), review: review, fulfilling: expectation)
            // A reviewed call that waited for a reviewer would only measure the reviewer.
            if review == nil || wait == 0 { metrics.inspectDuration.record(ContinuousClock.now - started) }
            trace?.finish(outcome.verdict, agent: agent, session: session, review: review?.id, seq: outcome.seq)
            return outcome
        } catch {
            trace?.fail(error)
            throw error
        }
    }

    /// Input the engine could not understand: audited as a block, answered 400 (never allowed).
    func refuse(_ verdict: Verdict, agent: String, fulfilling expectation: GroupCommitter.Expectation? = nil) async throws -> Never {
        let reason = verdict.error ?? "the input could not be understood"
        try await committer.append(["event": "refused", "agent": .string(agent), "decision": "block", "reason": .string(reason)], fulfilling: expectation)
        throw ServiceError(400, "bad_input", reason)
    }

    func finish(_ verdict: Verdict, action: (tool: String, digest: String)?, input: [UInt8], agent: String, session: String, claimed: String?, review: ReviewRecord?, fulfilling expectation: GroupCommitter.Expectation? = nil) async throws -> Outcome {
        var fields = JSONObject()
        fields["event"] = "decision"
        fields["agent"] = .string(agent)
        fields["session"] = .string(session)
        fields["tool"] = .string(verdict.tool ?? "")
        fields["decision"] = .string(verdict.decision.rawValue)
        fields["risk"] = .number(Double(verdict.risk))
        fields["rules"] = .array(verdict.findings.map { .string($0.rule.rawValue) })
        fields["input_sha256"] = .string(AuditChain.hash(input))
        if let action { fields["action_sha256"] = .string(action.digest) }
        if let claimed, claimed != agent { fields["claimed_agent"] = .string(claimed) }
        if let review { fields["review"] = .string(review.id); fields["review_status"] = .string(review.status.rawValue) }
        metrics.commitQueue.set(to: Double(committer.queueDepth + 1))
        let outbox = webhooks.deliveries("decision", decision: verdict.decision.rawValue, .object(fields))
        let appended = ContinuousClock.now
        let committed = try await committer.append(.object(fields), reviews: review.map { [$0] } ?? [], outbox: outbox, fulfilling: expectation)
        metrics.commitWait.record(ContinuousClock.now - appended)
        fields["seq"] = .number(Double(committed.seq))
        events.publish("decision", .object(fields))
        var out = verdict.json.objectValue ?? JSONObject()
        out["agent"] = .string(agent)
        out["session"] = .string(session)
        if let review { out["review"] = review.json }
        out["audit_seq"] = .number(Double(committed.seq))
        return Outcome(verdict: verdict, json: .object(out), seq: committed.seq)
    }

    // MARK: Helpers

    /// A session's state with its agent's profile, loaded from the store if needed.
    public func sessionState(agent: String, session: String) async throws -> SessionState? {
        guard try await store.state(SessionRegistry.sessionKey(agent: agent, session: session)) != nil || registry.state(agent: agent, session: session) != nil else { return nil }
        try await registry.load(agent: agent, session: session)
        defer { registry.release(agent: agent, session: session) }
        return registry.state(agent: agent, session: session)
    }

    /// Appends an administrative event to the audit chain.
    public func audit(_ fields: JSONValue) async throws {
        try await committer.append(fields)
        var metadata: Logger.Metadata = [:]
        for (key, value) in fields.objectValue?.entries ?? [] where key != "event" {
            metadata[key] = .string(value.stringValue ?? JSONWriter.string(value))
        }
        logger.info("\(fields["event"]?.stringValue ?? "event")", metadata: metadata)
    }

    public var chainHead: (seq: Int, hash: String) { committer.chainHead }
    public var queueDepth: Int { committer.queueDepth }

    static func sessionID(in json: JSONValue) -> String? {
        for key in ["session_id", "session"] {
            if let s = json[key]?.stringValue, !s.isEmpty, s.utf8.count <= 256 { return s }
        }
        return nil
    }

    static func claimedAgent(in json: JSONValue) -> String? {
        json["agent"]?.stringValue ?? json["agent_id"]?.stringValue
    }

    /// The tool and the review digest of a judged input: every action it carries (its server,
    /// tool and arguments as the adapters read them, and the directories its paths resolve
    /// against), so the digest does not depend on the wire format, and the same call to another
    /// MCP server or in another working directory is another action.
    static func actionParts(_ json: JSONValue, verdict: Verdict, agent: String) -> (tool: String, digest: String)? {
        guard let adapter = try? FormatDetector().adapter(for: json), let actions = try? adapter.actions(from: json, defaults: ActionDefaults()) else { return nil }
        let parts: JSONValue = .array(actions.map { action in
            var part = JSONObject([("tool", .string(action.toolName)), ("arguments", action.arguments)])
            if let server = action.server { part["server"] = .string(server) }
            if let cwd = action.cwd { part["cwd"] = .string(cwd) }
            if let home = action.home { part["home"] = .string(home) }
            return .object(part)
        })
        return (verdict.tool ?? actions.first?.toolName ?? "", ActionDigest.of(agent: agent, parts: parts))
    }

    static func randomToken(_ bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<(bytes * 2)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }
}
