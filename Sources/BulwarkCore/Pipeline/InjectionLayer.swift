/// Prompt injection in text that reaches the agent or leaves through a sink: message and
/// request bodies, content being written, tool results. Shell command lines are data here;
/// the impact layer judges what they execute.
public struct InjectionLayer: Layer {
    public let id = LayerID.injection
    public var scanner = InjectionScanner()

    public init() {}

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        var findings: [Finding] = []
        for field in action.facets.texts {
            if action.kind == .shell, FacetExtractor.commandKeys.contains(where: { field.pointer == "/" + $0 }) { continue }
            if FacetExtractor.pathKeys.contains(where: { field.pointer == "/" + $0 }) { continue }
            for match in scanner.scan(field.text) {
                findings.append(Finding(layer: .injection, rule: match.rule, severity: match.severity, message: match.message, evidence: "\(field.pointer): \(match.phrase)", category: .promptInjection))
            }
            if findings.count >= 8 { break }
        }
        if let result = action.result {
            var texts: [TextField] = []
            FacetExtractor().collectTexts(result, pointer: "/result", depth: 0, into: &texts)
            for field in texts {
                for match in scanner.scan(field.text, context: .data) {
                    findings.append(Finding(layer: .injection, rule: match.rule, severity: match.severity, message: match.message + " (in the tool result)", evidence: "\(field.pointer): \(match.phrase)", category: .promptInjection))
                }
            }
        }
        return findings
    }
}
