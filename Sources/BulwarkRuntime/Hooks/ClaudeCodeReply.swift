import BulwarkCore

/// What a Claude Code hook answers, shared by `bulwark hook claude-code` and the service's
/// `POST /v1/hooks/claude-code`.
///
/// PreToolUse: `{"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision":
/// "allow" | "ask" | "deny", "permissionDecisionReason": …}}` (review → ask, block → deny).
/// PostToolUse: `{"decision": "block", "reason": …}` on a block, nothing otherwise.
public enum ClaudeCodeReply {
    public static func pre(_ verdict: Verdict) -> JSONValue {
        let decision: String = switch verdict.decision {
        case .allow: "allow"
        case .review: "ask"
        case .block: "deny"
        }
        return preToolUse(decision, reason: reason(verdict))
    }

    public static func post(_ verdict: Verdict) -> JSONValue? {
        verdict.decision == .block ? ["decision": "block", "reason": .string(reason(verdict))] : nil
    }

    public static func deny(reason: String) -> JSONValue { preToolUse("deny", reason: reason) }

    static func preToolUse(_ decision: String, reason: String) -> JSONValue {
        var hook = JSONObject()
        hook["hookEventName"] = "PreToolUse"
        hook["permissionDecision"] = .string(decision)
        hook["permissionDecisionReason"] = .string(reason)
        return ["hookSpecificOutput": .object(hook)]
    }

    /// One line for the model and the user: the decision, the risk and the top finding.
    public static func reason(_ verdict: Verdict) -> String {
        guard let top = verdict.findings.first else { return "Bulwark: allowed (risk \(verdict.risk))." }
        var text = "Bulwark \(verdict.decision.rawValue) (risk \(verdict.risk)): \(top.message) [\(top.rule)]"
        if verdict.findings.count > 1 { text += " and \(verdict.findings.count - 1) more finding(s)" }
        if verdict.decision == .block { text += ". Do not retry this action in another form." }
        return String(text.prefix(2000))
    }
}
