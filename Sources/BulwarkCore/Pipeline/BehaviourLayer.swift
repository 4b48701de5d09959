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

    /// Arguments must exceed this many bytes before their size can be unusual.
    static let minUnusualSize = 4_096
    /// Samples of a tool's argument sizes needed before the size check applies.
    static let minSizeSamples = 10

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
        let uses = profile.toolCounts[tool] ?? 0
        if uses == 0, profile.toolCounts.count < BehaviourProfile.maxTools {
            findings.append(Finding(layer: .behaviour, rule: "behaviour.unfamiliar_tool", severity: .low, message: "the agent has not called \(tool) in its \(profile.calls) previous calls", evidence: tool))
        }
        if let hour, (0..<24).contains(hour) {
            let near = profile.hourCounts[(hour + 23) % 24] + profile.hourCounts[hour] + profile.hourCounts[(hour + 1) % 24]
            let timed = profile.hourCounts.reduce(0, +)
            if near == 0, timed >= warmupCalls {
                findings.append(Finding(layer: .behaviour, rule: "behaviour.unusual_hour", severity: .low, message: "none of the agent's \(timed) previous calls were made within an hour of \(hour):00 UTC", evidence: "\(hour):00 UTC"))
            }
        }
        if let stats = profile.argumentSizes[tool], stats.count >= Self.minSizeSamples {
            let size = action.facets.argumentSize
            let bound = max(Double(Self.minUnusualSize), 4 * Double(stats.max), stats.mean + 6 * stats.standardDeviation)
            if Double(size) > bound {
                findings.append(Finding(layer: .behaviour, rule: "behaviour.argument_size", severity: .low, score: 25, message: "arguments of \(size) bytes, against at most \(stats.max) in the agent's \(stats.count) previous calls to \(tool)", evidence: tool, category: .exfiltration))
            }
        }
        return findings
    }
}
