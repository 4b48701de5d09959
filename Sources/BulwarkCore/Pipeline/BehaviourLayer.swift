/// Rate limits per tool against the session's recent calls, and deviations from the agent's own
/// behaviour profile once it has `warmupCalls` calls: a tool it never used, an hour at which it
/// never acts, arguments far larger than it ever sent to that tool. Without state it is silent.
///
/// Deviations are weak evidence on their own (low findings, allow); they matter together or
/// next to another finding, which is how an agent turned against its user tends to look.
public struct BehaviourLayer: Layer {
    public let id = LayerID.behaviour
    public var maxCallsPerTool: Int
    public var warmupCalls: Int

    public init(maxCallsPerTool: Int = 120, warmupCalls: Int = 50) {
        self.maxCallsPerTool = maxCallsPerTool
        self.warmupCalls = warmupCalls
    }

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        var findings: [Finding] = []
        let tool = action.toolName
        if maxCallsPerTool > 0, let count = state.recentCalls[tool], count >= maxCallsPerTool {
            findings.append(Finding(layer: .behaviour, rule: "behaviour.rate_limit", severity: .medium, message: "\(tool) was called \(count) times in the current window (limit \(maxCallsPerTool))", evidence: tool, category: .resourceExhaustion))
        }
        if let reason = state.exhaustedTools[tool] {
            findings.append(Finding(layer: .behaviour, rule: "behaviour.agent_budget", severity: .medium, message: "the agent has spent its budget for \(tool) across its sessions (\(reason))", evidence: tool, category: .resourceExhaustion))
        }
        if let profile = state.profile, warmupCalls > 0, profile.calls >= warmupCalls {
            findings += deviations(action, from: profile, hour: state.hourOfDay)
        }
        return findings
    }

    func deviations(_ action: Action, from profile: BehaviourProfile, hour: Int?) -> [Finding] {
        var findings: [Finding] = []
        let tool = action.toolName
        if profile.isUnfamiliar(tool) {
            findings.append(Finding(layer: .behaviour, rule: "behaviour.unfamiliar_tool", severity: .low, message: "the agent has not called \(tool) in its \(profile.calls) previous calls", evidence: tool))
        }
        if profile.isUnusualHour(hour, warmup: warmupCalls), let hour, let timed = profile.timedCalls(warmup: warmupCalls) {
            findings.append(Finding(layer: .behaviour, rule: "behaviour.unusual_hour", severity: .low, message: "none of the agent's \(timed) previous calls were made within an hour of \(hour):00 UTC", evidence: "\(hour):00 UTC"))
        }
        if let bound = profile.usualSizeBound(tool), let stats = profile.argumentSizes[tool] {
            let size = action.facets.argumentSize
            if Double(size) > bound {
                findings.append(Finding(layer: .behaviour, rule: "behaviour.argument_size", severity: .low, score: 25, message: "arguments of \(size) bytes, against at most \(stats.max) in the agent's \(stats.count) previous calls to \(tool)", evidence: tool, category: .exfiltration))
            }
        }
        return findings
    }
}
