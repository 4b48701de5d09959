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
            // Shell command lines: personal data there (an e-mail in git config, an IP to ping) is
            // noise, and most lines hold nothing token-like; a cheap pre-filter skips those.
            let isCommand = action.kind == .shell && FacetExtractor.commandKeys.contains(where: { field.pointer == "/" + $0 })
            if isCommand, !Self.mayHoldSecret(field.text) { continue }
            let matches = isCommand ? SecretScanner().scan(field.text) : SecretScanner().scan(field.text) + PIIScanner().scan(field.text)
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

    /// A run of 16+ token characters, a credential word, a PEM header or credentials in a URL.
    static func mayHoldSecret(_ text: String) -> Bool {
        var run = 0
        var previous: UInt8 = 0
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "-"):
                run += 1
                if run >= 16 { return true }
            case UInt8(ascii: "@") where previous != UInt8(ascii: " "):
                return true  // user:password@host
            default:
                run = 0
            }
            previous = b
        }
        let lowered = ByteText(lowercasing: text)
        return lowered.containsAny(["pass", "secret", "token", "key", "auth", "bearer", "-----begin", "credential", "pwd"])
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
