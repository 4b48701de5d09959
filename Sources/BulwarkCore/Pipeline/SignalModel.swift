/// Derives four of the five context signals from the session snapshot, for one action; the
/// fifth (reputation) and any signal a caller sets come in through `state.signals` and are kept.
///
/// Each derived factor only raises a signal (≥ 1), so context can make a risky action riskier
/// but never makes one safe, and the risk stays monotone in the evidence. Without state every
/// factor is 1 (neutral). The factors, multiplied into the given signals:
///
/// - contextual: ×1.15 when the session holds tainted values (it has read secrets or sensitive
///   data), ×1.15 more when it has seen a distrusted tool (changed, added late, injected);
/// - temporal: from half the per-tool rate limit up to the limit, ×1.125 rising to ×1.25 (a
///   burst); ×1.2 at an hour the agent's profile has never acted in;
/// - behavioural: ×1.2 for a tool the agent's warmed-up profile has never called;
/// - statistical: ×1.25 for arguments larger than the profile's usual bound for the tool
///   (`BehaviourProfile.usualSizeBound`), ×1.1 for more than three standard deviations above
///   its mean.
///
/// The scorer clamps each signal to 0.5…1.5.
public struct SignalModel: Sendable {
    public var maxCallsPerTool: Int
    public var warmupCalls: Int

    public init(maxCallsPerTool: Int = 120, warmupCalls: Int = 50) {
        self.maxCallsPerTool = maxCallsPerTool
        self.warmupCalls = warmupCalls
    }

    public func signals(for action: Action, state: SessionSnapshot) -> ContextSignals {
        var s = state.signals
        let tool = action.toolName
        if !state.taintedValues.isEmpty { s.contextual *= 1.15 }
        if !state.flaggedTools.isEmpty { s.contextual *= 1.15 }
        if maxCallsPerTool > 1, let count = state.recentCalls[tool], 2 * count >= maxCallsPerTool {
            s.temporal *= 1 + 0.25 * min(1, Double(count) / Double(maxCallsPerTool))
        }
        guard let profile = state.profile, warmupCalls > 0, profile.calls >= warmupCalls else { return s }
        if profile.isUnusualHour(state.hourOfDay, warmup: warmupCalls) { s.temporal *= 1.2 }
        if profile.isUnfamiliar(tool) { s.behavioural *= 1.2 }
        if let bound = profile.usualSizeBound(tool), let stats = profile.argumentSizes[tool] {
            let size = Double(action.facets.argumentSize)
            if size > bound {
                s.statistical *= 1.25
            } else if stats.standardDeviation > 0, size > stats.mean + 3 * stats.standardDeviation {
                s.statistical *= 1.1
            }
        }
        return s
    }
}
