import Foundation

/// Settings of `bulwark serve`, with documented defaults.
public struct ServiceConfiguration: Sendable {
    /// Address to bind (default loopback only).
    public var host = "127.0.0.1"
    public var port = 8700
    /// Request bodies above this many bytes are refused with 413 (default 1 MiB).
    public var maxBodyBytes = 1 << 20
    /// Seconds a client may take to send its body before 408 (default 10).
    public var bodyTimeout = 10.0
    /// Seconds an idle keep-alive connection is kept (default 60).
    public var idleTimeout = 60
    /// Signed requests must be this close to the server's clock, in seconds (default 300).
    public var replayWindow = 300.0
    /// Seconds before a pending review expires (default 1 hour).
    public var reviewTTL = 3_600.0
    /// Threads that accept connections and parse HTTP (0: one per core). Decisions run on
    /// Swift's concurrency pool; one I/O thread leaves it a core on small machines (default 1).
    public var eventLoopThreads = Int(ProcessInfo.processInfo.environment["BULWARK_IO_THREADS"] ?? "") ?? 1
    /// First retry delay of a failed webhook delivery, doubled each attempt (default 2 s).
    public var webhookBackoff = 2.0
    /// Calls per agent and tool per minute, across sessions (high-risk calls count 10); 0: no budget.
    public var agentBudgetPerMinute = 120.0
    /// Whether decisions are traced (a span per decision, a child per stage); `bulwark serve`
    /// turns it on with `--otlp-endpoint`.
    public var tracing = false
    /// Threat-intelligence feed files, reloaded when they change.
    public var indicatorFeeds: [String] = []
    /// Seconds between checks of the feeds for changes (default 2).
    public var feedReloadInterval = 2.0
    /// The wall clock decisions are judged at (Unix seconds); replaceable for replays and tests.
    public var clock: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// Longest a group commit is held for decisions still being judged, so that they share its
    /// fsync (see `GroupCommitter`); zero, the default, commits at once (`--commit-delay`).
    public var commitDelay = Duration.zero
    /// Longest `?wait=` a caller may ask for, in seconds (default 120).
    public var maxWait = 120.0

    public init() {}
}
