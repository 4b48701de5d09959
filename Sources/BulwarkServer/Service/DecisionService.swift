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
    var feedStamp = 0.0
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
        committer = GroupCommitter(store: store, dirtyStates: { registry.drainDirty() })
        webhooks = try await WebhookDispatcher(store: store)
        webhooks.backoff = configuration.webhookBackoff
        webhooks.logger = logger
        try await committer.resume()
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
            feedStamp = IndicatorFeed.stamp(configuration.indicatorFeeds)
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
        guard let text = String(validating: body, as: UTF8.self), let json = try? JSONParser().parse(text) else {
            try await refuse(engine.evaluate(bytes: body), agent: agent)
        }
        let session = session ?? Self.sessionID(in: json) ?? "default"
        try await registry.load(agent: agent, session: session)
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
            try await refuse(verdict, agent: agent)
        }
        registry.update(agent: agent, session: session) { state in
            state.recordCall(verdict, now: now, hourOfDay: hour)
        }
        registry.recordStanding(agent: agent, verdict: verdict, at: now, capacity: configuration.agentBudgetPerMinute)
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
                ], reviews: [current], outbox: webhooks.deliveries("review_opened", current.json))
                metrics.reviewsPending.increment()
                events.publish("review_opened", current.json)
            }
            if wait > 0, current.status == .pending {
                await waiters.wait(for: current.id, seconds: min(wait, configuration.maxWait))
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
            let outcome = try await finish(verdict, action: action, input: body, agent: agent, session: session, claimed: Self.claimedAgent(in: json), review: review)
            trace?.finish(outcome.verdict, agent: agent, session: session, review: review?.id, seq: outcome.seq)
            return outcome
        } catch {
            trace?.fail(error)
            throw error
        }
    }

    /// Input the engine could not understand: audited as a block, answered 400 (never allowed).
    func refuse(_ verdict: Verdict, agent: String) async throws -> Never {
        let reason = verdict.error ?? "the input could not be understood"
        try await committer.append(["event": "refused", "agent": .string(agent), "decision": "block", "reason": .string(reason)])
        throw ServiceError(400, "bad_input", reason)
    }

    func finish(_ verdict: Verdict, action: (tool: String, digest: String)?, input: [UInt8], agent: String, session: String, claimed: String?, review: ReviewRecord?) async throws -> Outcome {
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
        let committed = try await committer.append(.object(fields), reviews: review.map { [$0] } ?? [], outbox: outbox)
        fields["seq"] = .number(Double(committed.seq))
        events.publish("decision", .object(fields))
        var out = verdict.json.objectValue ?? JSONObject()
        out["agent"] = .string(agent)
        out["session"] = .string(session)
        if let review { out["review"] = review.json }
        out["audit_seq"] = .number(Double(committed.seq))
        return Outcome(verdict: verdict, json: .object(out), seq: committed.seq)
    }

    func openOrReuseReview(_ verdict: Verdict, agent: String, session: String, action: (tool: String, digest: String), now: Double) async throws -> (review: ReviewRecord, created: Bool) {
        if var open = try await store.openReview(agent: agent, actionSHA256: action.digest) {
            if open.status == .pending, now > open.expiresAt {
                open.status = .expired
                try await store.saveReview(open)
            } else {
                return (open, false)
            }
        }
        return (ReviewRecord(
            id: "rev_" + Self.randomToken(12), agent: agent, session: session, actionSHA256: action.digest, tool: action.tool,
            verdict: JSONWriter.string(verdict.json), createdAt: now, expiresAt: now + configuration.reviewTTL), true)
    }

    // MARK: Reviews

    /// Marks an approved review as used by this process, atomically: of two identical calls
    /// racing on one approval, only one is released.
    func claim(_ id: String) -> Bool {
        engineLock.withLock { claimed.insert(id).inserted }
    }

    /// A review, expired if its time is up; with `wait`, after waiting for a decision.
    public func review(_ id: String, wait: Double = 0) async throws -> ReviewRecord? {
        guard var review = try await store.review(id) else { return nil }
        if review.status == .pending, wait > 0 {
            await waiters.wait(for: id, seconds: min(wait, configuration.maxWait))
            review = try await store.review(id) ?? review
        }
        if review.status == .pending, Date().timeIntervalSince1970 > review.expiresAt {
            review.status = .expired
            try await store.saveReview(review)
        }
        return review
    }

    public func reviews(status: ReviewRecord.Status?, limit: Int) async throws -> [ReviewRecord] {
        try await store.reviews(status: status, limit: limit)
    }

    /// A reviewer's decision, audited; only a pending, unexpired review can be decided.
    public func decide(_ id: String, approve: Bool, reviewer: Identity, reason: String?) async throws -> ReviewRecord {
        guard reviewer.isAdmin else { throw ServiceError.forbidden("only an admin key can decide reviews") }
        guard var review = try await self.review(id) else { throw ServiceError.notFound("no review \(id)") }
        guard review.status == .pending else { throw ServiceError(409, "review_closed", "review \(id) is \(review.status.rawValue)") }
        review.status = approve ? .approved : .denied
        review.decidedBy = reviewer.label
        review.reason = reason
        review.decidedAt = Date().timeIntervalSince1970
        try await committer.append([
            "event": "review_decided", "review": .string(id), "status": .string(review.status.rawValue),
            "by": .string(reviewer.label), "reason": reason.map(JSONValue.string) ?? .null, "action_sha256": .string(review.actionSHA256),
        ], reviews: [review], outbox: webhooks.deliveries("review_decided", review.json))
        waiters.notify(id)
        metrics.reviewsPending.decrement()
        events.publish("review_decided", review.json)
        return review
    }

    // MARK: Observations

    /// Scans a tool result and feeds the session's taint; returns the scan.
    public func observe(_ body: [UInt8], agent: String, session: String?) async throws -> JSONValue {
        guard let text = String(validating: body, as: UTF8.self), let json = try? JSONParser().parse(text) else {
            throw ServiceError.badRequest("the body is not JSON")
        }
        let session = session ?? Self.sessionID(in: json) ?? "default"
        let tool = json["tool"]?.stringValue ?? json["tool_name"]?.stringValue ?? ""
        guard let result = json["result"] ?? json["tool_response"] else {
            throw ServiceError.badRequest("give the tool result as `result` (or a Claude Code PostToolUse payload with `tool_response`)")
        }
        let texts = JSONTexts.strings(in: result)
        let scans = texts.map { ContentScan.scan($0, context: .data) }
        // A result of a read from a sensitive source taints everything it returned.
        let sensitive = json["tool_input"].map { input in
            engine.evaluate(json: ["tool": .string(tool), "arguments": input]).findings.contains { $0.category == .credentialAccess }
        } ?? (json["sensitive"]?.boolValue ?? false)
        try await registry.load(agent: agent, session: session)
        registry.update(agent: agent, session: session) { state in
            state.absorbResult(tool: tool, texts: texts, scans: scans, sensitiveSource: sensitive)
        }
        let categories = Set(scans.flatMap { $0.categories.map(\.rawValue) }).sorted()
        let rules = scans.flatMap { $0.findings.map { JSONValue.string($0.rule.rawValue) } }
        let committed = try await committer.append([
            "event": "observe", "agent": .string(agent), "session": .string(session), "tool": .string(tool),
            "categories": .array(categories.map(JSONValue.string)), "rules": .array(rules),
        ])
        return [
            "agent": .string(agent), "session": .string(session), "categories": .array(categories.map(JSONValue.string)),
            "findings": .array(scans.flatMap { $0.findings.map(\.json) }), "tainted": .number(Double(registry.state(agent: agent, session: session)?.tainted.count ?? 0)),
            "audit_seq": .number(Double(committed.seq)),
        ]
    }

    // MARK: Policies

    func install(_ policy: Policy, version: Int) {
        engineLock.withLock {
            workspace = policy
            rebuildEngine()
            _activePolicy = version
        }
    }

    /// The engine for the current configuration, policy and registered tools (the policy's own
    /// tool definitions win). Call with `engineLock` held.
    func rebuildEngine() {
        var policy = workspace
        if !tools.isEmpty {
            var p = workspace ?? Policy(name: "service")
            for (name, tool) in tools where p.tools[name] == nil { p.tools[name] = tool }
            policy = p
        }
        _engine = Engine(configuration: baseConfiguration, workspace: policy)
    }

    // MARK: Tools

    /// Registers (or replaces) a tool's input schema; a schema that does not compile is refused.
    public func registerTool(_ record: ToolRecord, by identity: Identity) async throws {
        guard !record.name.isEmpty, record.name.utf8.count <= 128 else { throw ServiceError.badRequest("a tool needs a name of 1–128 characters") }
        let schema: JSONSchema
        do {
            schema = try JSONSchema(record.inputSchema)
        } catch {
            throw ServiceError(400, "invalid_schema", "input_schema: \(error)")
        }
        try await store.saveTool(record)
        engineLock.withLock {
            tools[record.name] = Policy.Tool(name: record.name, schema: schema)
            rebuildEngine()
        }
        try await audit(["event": "tool_registered", "tool": .string(record.name), "schema_sha256": .string(AuditChain.hash(JSONWriter.string(record.inputSchema).utf8)), "by": .string(identity.label)])
    }

    public func removeTool(_ name: String, by identity: Identity) async throws {
        guard try await store.deleteTool(name) else { throw ServiceError.notFound("no tool \(name)") }
        engineLock.withLock {
            tools[name] = nil
            rebuildEngine()
        }
        try await audit(["event": "tool_removed", "tool": .string(name), "by": .string(identity.label)])
    }

    // MARK: Threat intelligence

    /// Reloads the indicator feeds when one changes (checked every `feedReloadInterval`); a feed
    /// that no longer parses keeps the previous indicators and is audited.
    func watchFeeds() {
        let paths = configuration.indicatorFeeds
        let interval = configuration.feedReloadInterval
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1_000)))
                guard let self else { return }
                let stamp = IndicatorFeed.stamp(paths)
                guard stamp != self.engineLock.withLock({ self.feedStamp }) else { continue }
                do {
                    let indicators = try IndicatorFeed.load(paths: paths)
                    self.engineLock.withLock {
                        self.feedStamp = stamp
                        self.baseConfiguration.indicators = indicators
                        self.rebuildEngine()
                    }
                    try? await self.audit(["event": "indicators_reloaded", "count": .number(Double(indicators.count))])
                } catch {
                    self.engineLock.withLock { self.feedStamp = stamp }
                    try? await self.audit(["event": "indicators_reload_failed", "reason": .string("\(error)")])
                }
            }
        }
    }

    /// Checks a policy; the error names file, line and column.
    public func validatePolicy(_ yaml: String) -> Result<Policy, PolicyError> {
        Result { () throws(PolicyError) in try PolicyLoader.load(yaml: yaml, file: "policy") }
    }

    /// Stores a valid policy as a new version; with `activate`, also makes it the active one.
    public func addPolicy(_ yaml: String, by identity: Identity, activate: Bool) async throws -> PolicyVersion {
        if case .failure(let error) = validatePolicy(yaml) { throw ServiceError(400, "invalid_policy", error.description) }
        let version = try await store.addPolicy(yaml: yaml, by: identity.label, at: Date().timeIntervalSince1970)
        try await audit(["event": "policy_added", "version": .number(Double(version)), "sha256": .string(AuditChain.hash(yaml.utf8)), "by": .string(identity.label)])
        if activate { try await activatePolicy(version, by: identity) }
        guard let stored = try await store.policyVersion(version) else { throw ServiceError.unavailable("the policy was not stored") }
        return stored
    }

    /// Makes a stored version the active policy, for every decision from now on.
    public func activatePolicy(_ version: Int, by identity: Identity) async throws {
        guard let stored = try await store.policyVersion(version) else { throw ServiceError.notFound("no policy version \(version)") }
        let policy: Policy
        switch validatePolicy(stored.yaml) {
        case .success(let p): policy = p
        case .failure(let error): throw ServiceError(409, "invalid_policy", error.description)
        }
        try await store.activatePolicy(version)
        install(policy, version: version)
        try await audit(["event": "policy_activated", "version": .number(Double(version)), "sha256": .string(AuditChain.hash(stored.yaml.utf8)), "by": .string(identity.label)])
    }

    // MARK: Helpers

    /// A session's state with its agent's profile, loaded from the store if needed.
    public func sessionState(agent: String, session: String) async throws -> SessionState? {
        guard try await store.state(SessionRegistry.sessionKey(agent: agent, session: session)) != nil || registry.state(agent: agent, session: session) != nil else { return nil }
        try await registry.load(agent: agent, session: session)
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

    /// The tool and the review digest of a judged input: every action it carries (tool and
    /// arguments as the adapters read them), so the digest does not depend on the wire format.
    static func actionParts(_ json: JSONValue, verdict: Verdict, agent: String) -> (tool: String, digest: String)? {
        guard let adapter = try? FormatDetector().adapter(for: json), let actions = try? adapter.actions(from: json, defaults: ActionDefaults()) else { return nil }
        let parts: JSONValue = .array(actions.map { ["tool": .string($0.toolName), "arguments": $0.arguments] })
        return (verdict.tool ?? actions.first?.toolName ?? "", ActionDigest.of(agent: agent, parts: parts))
    }

    static func randomToken(_ bytes: Int) -> String {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<(bytes * 2)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
    }
}
