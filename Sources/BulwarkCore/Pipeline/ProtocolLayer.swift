/// Is the action well-formed? Problems the adapter met become findings here.
/// (Tool registration and schema validation plug in here; see the policy issue.)
public struct ProtocolLayer: Layer {
    public let id = LayerID.protocol
    public init() {}

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        var findings: [Finding] = []
        if action.rawToolName.isEmpty {
            findings.append(Finding(layer: .protocol, rule: "protocol.missing_tool", severity: .high, score: 75, message: "The action names no tool", evidence: "", category: .malformed))
        }
        for note in action.adapterNotes {
            findings.append(Finding(layer: .protocol, rule: "protocol.malformed_arguments", severity: .high, message: note, evidence: action.rawToolName, category: .malformed))
        }
        switch action.arguments {
        case .object, .null: break
        default:
            findings.append(Finding(layer: .protocol, rule: "protocol.arguments_not_object", severity: .medium, message: "Tool arguments are not a JSON object", evidence: action.rawToolName, category: .malformed))
        }
        if let flagged = state.flaggedTools[action.rawToolName] {
            findings.append(Finding(layer: .protocol, rule: flagged.rule, severity: flagged.severity, message: "\(action.rawToolName): \(flagged.reason)", evidence: action.rawToolName, category: .malformed))
        }
        if action.kind == .shell, action.facets.shell.isEmpty {
            findings.append(Finding(layer: .protocol, rule: "protocol.shell_without_command", severity: .medium, message: "A shell tool call carries no command string", evidence: action.rawToolName, category: .malformed))
        }
        return findings
    }
}
