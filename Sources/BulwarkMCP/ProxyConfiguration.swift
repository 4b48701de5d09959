import BulwarkCore

/// How the proxy treats what it finds. Defaults are the safe ones.
public struct ProxyConfiguration: Sendable {
    /// What happens to a call the engine sends to review when no review service is configured.
    public enum ReviewMode: String, Sendable, CaseIterable {
        /// Refuse it with an explanation (default).
        case refuse
        /// Forward it and record the flag in the audit log (audit-only mode).
        case allow
    }

    /// What happens to a tool result with a finding of some category.
    public enum ResultAction: String, Sendable, CaseIterable {
        /// Forward unchanged; the finding is audited.
        case allow
        /// Forward unchanged, audit the finding and report it on stderr.
        case flag
        /// Replace each finding with a typed placeholder (`[REDACTED:aws_access_key]`).
        case redact
        /// Replace the whole result with an `isError` result that explains why it was withheld.
        case block
    }

    public var engine: EngineConfiguration = EngineConfiguration()
    public var workspace: Policy?
    public var reviewMode: ReviewMode = .refuse
    /// A `bulwark serve` instance that holds calls sent to review until a human decides; when
    /// set, it replaces `reviewMode`.
    public var reviewService: ReviewServiceClient?
    public var onInjection: ResultAction = .block
    public var onSecret: ResultAction = .redact
    public var onPII: ResultAction = .allow
    /// Path of the JSONL audit file (nil: no audit file).
    public var auditPath: String?
    public var auditSync = false
    /// Longest accepted JSON-RPC line, in bytes, in either direction.
    public var maxLine = 16 << 20
    /// Seconds to wait for the server to exit after its input closes, before SIGTERM, then SIGKILL.
    public var shutdownGrace = 2.0

    public init() {}
}
