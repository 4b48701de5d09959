/// Values that came from sensitive sources earlier in the session reaching an egress or
/// execution sink now. The runtime records tainted values; without state it is silent.
public struct TaintLayer: Layer {
    public let id = LayerID.taint
    public init() {}

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        guard !state.taintedValues.isEmpty else { return [] }
        let egress = action.kind == .http || action.kind == .message || action.kind == .shell || !action.facets.requests.isEmpty
        guard egress else { return [] }
        var findings: [Finding] = []
        for field in action.facets.texts {
            for (value, label) in state.taintedValues where value.count >= 8 && field.text.contains(value) {
                findings.append(Finding(layer: .taint, rule: "taint.sensitive_to_sink", severity: .critical, message: "Data from \(label) flows into \(action.toolName)", evidence: field.pointer, category: .exfiltration))
                if findings.count >= 4 { return findings }
            }
        }
        return findings
    }
}
