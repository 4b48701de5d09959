/// Secrets and personal data in the text an action carries. Where the data goes decides how bad
/// it is: leaving the machine (an HTTP request, a message, a command that reaches the network,
/// an MCP tool) keeps the scanner's severity; a local write inside the project or a temporary
/// directory, or a tool result coming back, is one step lower.
public struct ContentLayer: Layer {
    public let id = LayerID.content
    /// Bounds on the work per action.
    public var maxFields = 64
    public var maxBytesPerField = 256 << 10

    public init() {}

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        var texts: [TextField] = []
        if action.phase == .pre {
            texts = action.facets.texts
        } else if let result = action.result {
            FacetExtractor().collectTexts(result, pointer: "/result", depth: 0, into: &texts)
        }
        guard !texts.isEmpty else { return [] }
        let leaves = action.phase == .pre && Self.leavesMachine(action)
        var findings: [Finding] = []
        for field in texts.prefix(maxFields) where field.text.utf8.count >= 8 && field.text.utf8.count <= maxBytesPerField {
            if FacetExtractor.pathKeys.contains(where: { field.pointer == "/" + $0 }) { continue }
            let matches = SecretScanner().scan(field.text) + PIIScanner().scan(field.text)
            for match in matches.prefix(8) {
                var severity = match.defaultSeverity
                if !leaves { severity = Severity(rawValue: max(0, severity.rawValue - 1)) ?? .info }
                var finding = match.finding(severity: severity)
                finding.evidence = "\(field.pointer): \(finding.evidence)"
                finding.category = match.kind == .secret ? (leaves ? .exfiltration : .credentialAccess) : nil
                if leaves { finding.message += " in data leaving the machine" }
                findings.append(finding)
            }
            if findings.count >= 16 { break }
        }
        return findings
    }

    /// Whether the action sends its arguments off the machine.
    static func leavesMachine(_ action: Action) -> Bool {
        switch action.kind {
        case .http, .message, .webSearch, .payment: return true
        case .fileRead, .fileSearch: return false
        case .fileWrite:
            return action.facets.files.contains { f in
                let klass = PathCatalogue.classify(f.path, home: action.home, cwd: action.cwd)
                return klass != .project && klass != .temp && klass != .other
            }
        case .shell:
            return action.facets.shell.contains { !$0.urls.isEmpty }
        case .sql:
            return false
        case .tool:
            return action.format == .mcp || action.server != nil || !action.facets.urls.isEmpty
        }
    }
}
