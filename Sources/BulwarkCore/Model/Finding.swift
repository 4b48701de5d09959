/// One explained reason behind a verdict.
public struct Finding: Sendable, Equatable {
    public var layer: LayerID
    public var rule: RuleID
    public var severity: Severity
    /// Contribution to the risk score, 0–100.
    public var score: Int
    public var message: String
    /// The exact text that triggered the rule (a command, a path, a URL…), truncated for display.
    public var evidence: String
    public var category: ImpactCategory?

    public init(
        layer: LayerID, rule: RuleID, severity: Severity, score: Int? = nil,
        message: String, evidence: String, category: ImpactCategory? = nil
    ) {
        self.layer = layer
        self.rule = rule
        self.severity = severity
        self.score = max(0, min(100, score ?? severity.defaultScore))
        self.message = message
        self.evidence = Finding.clip(evidence)
        self.category = category
    }

    /// Evidence is for humans: keep it short and on one line.
    static func clip(_ text: String, limit: Int = 200) -> String {
        // Fast path: short, single-line text is kept as it is.
        if text.utf8.count <= limit, !text.utf8.contains(0x0A) { return text }
        var out = ""
        var count = 0
        for ch in text.unicodeScalars {
            if count == limit { out += "…"; break }
            out.unicodeScalars.append(ch == "\n" ? " " : ch)
            count += 1
        }
        return out
    }
}
