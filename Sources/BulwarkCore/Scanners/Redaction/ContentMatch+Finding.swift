extension ContentMatch {
    /// The rule id of this match: `content.secret.<type>` or `content.pii.<type>`.
    public var ruleID: RuleID { RuleID("content.\(kind.rawValue).\(type)") }

    /// The proposed default severity of this match type, before the layer adjusts it for the sink
    /// (a secret leaving the machine is worse than the same secret written to a local file).
    public var defaultSeverity: Severity {
        switch kind {
        case .secret: ContentSeverity.secret(type)
        case .pii: ContentSeverity.pii(type)
        }
    }

    /// A finding for this match. The evidence is the typed placeholder and the match position,
    /// never the sensitive value itself.
    public func finding(severity: Severity? = nil) -> Finding {
        let what = kind == .secret ? "secret" : "personal data"
        let check = validated ? ", checksum valid" : ""
        return Finding(
            layer: .content, rule: ruleID, severity: severity ?? defaultSeverity,
            message: "\(what) of type \(type) found (confidence \(Int(confidence * 100))%\(check))",
            evidence: "[REDACTED:\(type)] at bytes \(range.lowerBound)..<\(range.upperBound)")
    }
}
