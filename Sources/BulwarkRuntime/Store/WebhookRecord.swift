/// A webhook: events of the listed types are POSTed to `url`, signed with HMAC-SHA256 under
/// `secret` (see `WebhookSignature`), from a durable outbox.
public struct WebhookRecord: Sendable, Equatable {
    public var id: String
    public var url: String
    public var secret: String
    /// Event types: `decision` (every decision), `decision.block`, `decision.review`,
    /// `review_opened`, `review_decided`.
    public var events: [String]
    public var createdAt: Double

    public static let eventTypes: Set<String> = ["decision", "decision.block", "decision.review", "review_opened", "review_decided"]

    public init(id: String, url: String, secret: String, events: [String], createdAt: Double) {
        self.id = id
        self.url = url
        self.secret = secret
        self.events = events
        self.createdAt = createdAt
    }

    /// Whether an event of `type` (and, for decisions, `decision`) goes to this webhook.
    public func wants(_ type: String, decision: String? = nil) -> Bool {
        events.contains(type) || (decision.map { events.contains("\(type).\($0)") } ?? false)
    }
}

/// One delivery waiting in the outbox.
public struct OutboxItem: Sendable, Equatable {
    public var id: Int
    public var webhook: String
    public var body: String
    public var attempts: Int
    public var nextAt: Double

    public init(id: Int, webhook: String, body: String, attempts: Int, nextAt: Double) {
        self.id = id
        self.webhook = webhook
        self.body = body
        self.attempts = attempts
        self.nextAt = nextAt
    }
}
