/// Registered tools and their input schemas: a call to a tool the policy does not register, or
/// with arguments that fail its schema, is a protocol finding with the JSON pointer of each
/// violation. A schema with keywords the validator cannot check is reported, never assumed valid.
public struct ToolRegistryLayer: Layer {
    public let id = LayerID.protocol
    public let policy: Policy
    /// At most this many violations are reported per call.
    public var maxViolations = 8

    public init(policy: Policy) {
        self.policy = policy
    }

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        guard !policy.tools.isEmpty, action.phase == .pre else { return [] }
        guard let tool = policy.tools[action.rawToolName] ?? policy.tools[action.toolName] else {
            let message = "\(action.rawToolName) is not a registered tool in policy \(policy.name)"
            switch policy.unknownTools {
            case .allow: return []
            case .review: return [Finding(layer: .protocol, rule: "protocol.unknown_tool", severity: .medium, score: 45, message: message, evidence: action.rawToolName, category: .malformed)]
            case .block: return [Finding(layer: .protocol, rule: "protocol.unknown_tool", severity: .critical, message: message, evidence: action.rawToolName, category: .malformed)]
            }
        }
        guard let schema = tool.schema else { return [] }
        var findings: [Finding] = []
        if !schema.unsupportedKeywords.isEmpty {
            findings.append(Finding(
                layer: .protocol, rule: "protocol.schema_unchecked", severity: .medium,
                message: "The schema of \(tool.name) uses keywords the validator cannot check (\(schema.unsupportedKeywords.joined(separator: ", "))); the arguments were not fully validated",
                evidence: tool.name, category: .malformed))
        }
        for violation in schema.validate(action.arguments).prefix(maxViolations) {
            let pointer = violation.instancePointer.isEmpty ? "/" : violation.instancePointer
            findings.append(Finding(
                layer: .protocol, rule: "protocol.schema_violation", severity: .high,
                message: "Arguments of \(tool.name) fail the schema at \(pointer): \(violation.message)",
                evidence: "\(pointer) (\(violation.keyword))", category: .malformed))
        }
        return findings
    }
}
