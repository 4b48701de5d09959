/// One pass of every text scanner: prompt injection, secrets and personal data, with the
/// redacted text. This is what `bulwark scan` prints and what the content layer builds on.
public struct ContentScan: Sendable {
    public enum Category: String, Sendable, CaseIterable { case promptInjection = "prompt_injection", secret, pii }

    public var categories: [Category]
    public var findings: [Finding]
    public var matches: [ContentMatch]
    public var redacted: String
    public var risk: Int

    /// Scans `text`; `context` says whether it is a message (the default) or data such as a tool
    /// result, where any instruction to the agent is suspect.
    public static func scan(_ text: String, context: InjectionScanner.Context = .message, scorer: Scorer = Scorer()) -> ContentScan {
        var findings: [Finding] = []
        var categories: [Category] = []
        let injection = InjectionScanner().scan(text, context: context)
        for match in injection {
            findings.append(Finding(layer: .injection, rule: match.rule, severity: match.severity, message: match.message, evidence: match.phrase, category: .promptInjection))
        }
        if InjectionScanner.flags(injection) { categories.append(.promptInjection) }
        let secrets = SecretScanner().scan(text)
        let pii = PIIScanner().scan(text)
        if !secrets.isEmpty { categories.append(.secret) }
        if !pii.isEmpty { categories.append(.pii) }
        let matches = secrets + pii
        for match in matches.prefix(32) { findings.append(match.finding()) }
        let redacted = matches.isEmpty ? text : Redactor.redact(text, matches: matches)
        return ContentScan(categories: categories, findings: findings, matches: matches, redacted: redacted, risk: scorer.risk(of: findings))
    }

    public var json: JSONValue {
        ["categories": .array(categories.map { .string($0.rawValue) }), "risk": .number(Double(risk)),
         "findings": .array(findings.map(\.json)), "redacted": .string(redacted)]
    }
}
