/// Rate limits per tool against the session's recent calls. Without state it is silent.
public struct BehaviourLayer: Layer {
    public let id = LayerID.behaviour
    public var maxCallsPerTool: Int

    public init(maxCallsPerTool: Int = 120) {
        self.maxCallsPerTool = maxCallsPerTool
    }

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        guard maxCallsPerTool > 0, let count = state.recentCalls[action.toolName], count >= maxCallsPerTool else { return [] }
        return [Finding(layer: .behaviour, rule: "behaviour.rate_limit", severity: .medium, message: "\(action.toolName) was called \(count) times in the current window (limit \(maxCallsPerTool))", evidence: action.toolName, category: .resourceExhaustion)]
    }
}
