import BulwarkCore

/// Where the decision service keeps what must survive a restart: the audit chain, session and
/// agent state, agents and admin keys, policies and reviews.
///
/// SQLite (`BulwarkStoreSQLite`) is the default; the protocol is what a PostgreSQL store for
/// several replicas would implement. Every method is atomic. `commit` is the hot path: the
/// service calls it once per group of concurrent decisions, and answers none of them before it
/// returns.
public protocol BulwarkStore: Sendable {
    /// Writes a group of audit records and state updates in one durable transaction.
    func commit(_ batch: CommitBatch) async throws

    /// The last audit record's sequence number and line (nil when the chain is empty).
    func auditTail() async throws -> (seq: Int, line: String)?
    /// Audit lines with `seq > after`, in order, at most `limit`.
    func auditLines(after: Int, limit: Int) async throws -> [(seq: Int, line: String)]

    /// A stored state by key (`session:<agent>/<id>`, `profile:<agent>`), as written by `commit`.
    func state(_ key: String) async throws -> JSONValue?

    func saveAgent(_ agent: AgentRecord) async throws
    func agent(_ id: String) async throws -> AgentRecord?
    func agents() async throws -> [AgentRecord]
    func deleteAgent(_ id: String) async throws -> Bool

    func saveAdminKey(_ key: AdminKeyRecord) async throws
    func adminKey(_ id: String) async throws -> AdminKeyRecord?

    func saveReview(_ review: ReviewRecord) async throws
    func review(_ id: String) async throws -> ReviewRecord?
    /// The newest review of `agent` bound to `actionSHA256` that is pending, approved or denied
    /// (a denial keeps blocking that exact action).
    func openReview(agent: String, actionSHA256: String) async throws -> ReviewRecord?
    /// Reviews in a status (nil: all), newest first, at most `limit`.
    func reviews(status: ReviewRecord.Status?, limit: Int) async throws -> [ReviewRecord]

    /// Stores a new policy version (inactive) and returns its number.
    func addPolicy(yaml: String, by: String, at: Double) async throws -> Int
    func policyVersion(_ version: Int) async throws -> PolicyVersion?
    /// Versions, newest first.
    func policyVersions(limit: Int) async throws -> [PolicyVersion]
    /// Makes `version` the only active one.
    func activatePolicy(_ version: Int) async throws
    func activePolicy() async throws -> PolicyVersion?

    func saveTool(_ tool: ToolRecord) async throws
    func tools() async throws -> [ToolRecord]
    func deleteTool(_ name: String) async throws -> Bool

    func saveWebhook(_ webhook: WebhookRecord) async throws
    func webhooks() async throws -> [WebhookRecord]
    func deleteWebhook(_ id: String) async throws -> Bool
    /// Deliveries due at `now` (pending, `nextAt <= now`), oldest first.
    func dueDeliveries(now: Double, limit: Int) async throws -> [OutboxItem]
    /// A delivery succeeded (removed), or failed: tried again at `nextAt`, or given up (`nil`).
    func deliveryFinished(_ id: Int, delivered: Bool, attempts: Int, nextAt: Double?) async throws
    /// Deliveries still to be made (pending, due now or later), for the outbox-depth gauge.
    func pendingDeliveryCount() async throws -> Int
    /// Deliveries given up after their last attempt.
    func failedDeliveries(limit: Int) async throws -> [OutboxItem]
}

/// One group commit: audit lines (already chained), and the latest serialized state per key.
public struct CommitBatch: Sendable {
    public var audit: [(seq: Int, line: String)] = []
    public var states: [(key: String, json: String)] = []
    public var reviews: [ReviewRecord] = []
    /// Webhook deliveries, durable with the records they announce: (webhook id, body).
    public var outbox: [(webhook: String, body: String)] = []

    public init() {}

    public var isEmpty: Bool { audit.isEmpty && states.isEmpty && reviews.isEmpty && outbox.isEmpty }
}
