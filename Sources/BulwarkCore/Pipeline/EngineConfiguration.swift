/// Engine settings with documented defaults.
public struct EngineConfiguration: Sendable {
    /// Risk at or above which the decision is `review` (default 30).
    public var reviewThreshold = 30
    /// Risk at or above which the decision is `block` (default 70).
    public var blockThreshold = 70
    /// Transfers above this many US dollars (equivalent) ask for review (default 10,000).
    public var moneyThresholdUSD = 10_000.0
    /// Calls to one tool in the session's window (a minute, kept by the runtime) from which the
    /// behaviour layer asks for review; 0 turns the limit off.
    public var maxCallsPerToolPerWindow = 120
    /// Calls an agent's behaviour profile needs before deviations from it are findings (default 50).
    public var profileWarmupCalls = 50
    /// Inputs larger than this are refused before parsing (default 16 MiB).
    public var maxInputBytes = 16 << 20
    /// JSON nesting beyond this is refused (default 256).
    public var maxJSONDepth = 256
    public var defaults = ActionDefaults()
    /// Indicators of compromise matched in the impact layer (empty by default; see `IndicatorFeed`).
    public var indicators = ThreatIndicators()

    public init() {}
}
