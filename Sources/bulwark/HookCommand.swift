import ArgumentParser
import BulwarkCore

struct HookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Agent hook integrations.",
        subcommands: [ClaudeCodeHook.self]
    )
}

struct ClaudeCodeHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claude-code",
        abstract: "Claude Code PreToolUse/PostToolUse hook: reads the hook JSON on stdin, answers allow, ask or deny.",
        discussion: """
            PreToolUse: prints {"hookSpecificOutput": {"hookEventName": "PreToolUse", "permissionDecision": "allow"|"ask"|"deny",
            "permissionDecisionReason": …}} and exits 0. Review maps to ask, block to deny.
            PostToolUse: a block becomes {"decision": "block", "reason": …}.
            Fail closed: bad input gives a deny (exit 0, JSON on stdout); a crash signal or the watchdog writes the deny JSON and exits 2.
            """
    )

    @Argument(help: "The hook event, when Claude Code's `args` pass it (pre, post); otherwise read from the payload.")
    var event: String?

    @OptionGroup var options: EngineOptions

    @Option(help: "Seconds before the watchdog denies the call (keep it under the hook's timeout).")
    var watchdog: UInt32 = 5

    func run() throws {
        FailClosed.arm(answer: Self.denyJSON(reason: "Bulwark could not evaluate this tool call (internal error or timeout); denied to fail closed."), seconds: watchdog)
        let bytes = StandardIO.readAll(limit: 16 << 20)
        let engine: Engine
        do {
            engine = try options.engine()
        } catch {
            // A broken policy must not turn the hook off: deny, and say why.
            FailClosed.disarm()
            StandardIO.write(Self.denyJSON(reason: "Bulwark cannot load its policy (\(error.description)); denied to fail closed."))
            return
        }
        let verdict = engine.evaluate(bytes: bytes, format: .claudeCode)
        let post = event?.lowercased().hasPrefix("post") == true || Self.isPostEvent(bytes)
        let output: String
        if post {
            output = verdict.decision == .block ? JSONWriter.string(["decision": "block", "reason": .string(Self.reason(verdict))]) : ""
        } else {
            let decision: String = switch verdict.decision {
            case .allow: "allow"
            case .review: "ask"
            case .block: "deny"
            }
            var hook = JSONObject()
            hook["hookEventName"] = "PreToolUse"
            hook["permissionDecision"] = .string(decision)
            hook["permissionDecisionReason"] = .string(Self.reason(verdict))
            output = JSONWriter.string(["hookSpecificOutput": .object(hook)])
        }
        FailClosed.disarm()
        if !output.isEmpty { StandardIO.write(output + "\n") }
    }

    static func isPostEvent(_ bytes: [UInt8]) -> Bool {
        guard let text = String(validating: bytes, as: UTF8.self), let json = try? JSONParser().parse(text) else { return false }
        return json["hook_event_name"]?.stringValue?.hasPrefix("Post") == true
    }

    static func reason(_ verdict: Verdict) -> String {
        guard let top = verdict.findings.first else { return "Bulwark: allowed (risk \(verdict.risk))." }
        var text = "Bulwark \(verdict.decision.rawValue) (risk \(verdict.risk)): \(top.message) [\(top.rule)]"
        if verdict.findings.count > 1 { text += " and \(verdict.findings.count - 1) more finding(s)" }
        if verdict.decision == .block { text += ". Do not retry this action in another form." }
        return String(text.prefix(2000))
    }

    static func denyJSON(reason: String) -> String {
        JSONWriter.string(["hookSpecificOutput": ["hookEventName": "PreToolUse", "permissionDecision": "deny", "permissionDecisionReason": .string(reason)]]) + "\n"
    }
}
