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
        // At most `limit` Unicode scalars, newlines as spaces, built on bytes in one pass.
        var out: [UInt8] = []
        out.reserveCapacity(min(text.utf8.count, limit * 4) + 3)
        var count = 0
        for byte in text.utf8 {
            if byte & 0xC0 != 0x80 {  // the first byte of a scalar
                if count == limit { out.append(contentsOf: "…".utf8); break }
                count += 1
            }
            out.append(byte == 0x0A ? 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
