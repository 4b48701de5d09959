/// An immutable view of session state handed to the layers. The runtime owns the state and
/// updates it after each decision; the layers never mutate it.
public struct SessionSnapshot: Sendable {
    /// Values (or value fingerprints) known to come from sensitive sources, with their label.
    public var taintedValues: [String: String]
    /// Actions this agent has taken in the current window, per tool.
    public var recentCalls: [String: Int]
    public var signals: ContextSignals
    /// Tools whose definition the runtime distrusts, with the reason: changed mid-session (a
    /// "rug pull"), added after the first listing, or described with injected instructions.
    public var flaggedTools: [String: FlaggedTool]
    /// The agent's usual behaviour so far (nil: unknown, the behaviour layer skips its checks).
    public var profile: BehaviourProfile?
    /// The UTC hour of day (0…23) at which the action is judged, supplied by the runtime.
    public var hourOfDay: Int?
    /// Tools whose per-agent budget (across sessions) is spent, with the runtime's reason.
    public var exhaustedTools: [String: String] = [:]
    /// The Unix time at which the action is judged, supplied by the runtime, for `time.*` in
    /// policy conditions (a long-running process must not judge with its start time).
    public var unixTime: Int?

    /// Why a tool is distrusted; `severity` is that of the finding a call to it gets.
    public struct FlaggedTool: Sendable, Equatable {
        public var rule: RuleID
        public var severity: Severity
        public var reason: String

        public init(rule: RuleID, severity: Severity, reason: String) {
            self.rule = rule
            self.severity = severity
            self.reason = reason
        }
    }

    public init(taintedValues: [String: String] = [:], recentCalls: [String: Int] = [:], signals: ContextSignals = .neutral, flaggedTools: [String: FlaggedTool] = [:], profile: BehaviourProfile? = nil, hourOfDay: Int? = nil, unixTime: Int? = nil) {
        self.taintedValues = taintedValues
        self.recentCalls = recentCalls
        self.signals = signals
        self.flaggedTools = flaggedTools
        self.profile = profile
        self.hourOfDay = hourOfDay
        self.unixTime = unixTime
    }

    public static let empty = SessionSnapshot()
}
