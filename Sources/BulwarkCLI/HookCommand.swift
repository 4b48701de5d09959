import ArgumentParser
import BulwarkCore
import Foundation
import BulwarkRuntime

public struct HookCommand: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        commandName: "hook",
        abstract: "Agent hook integrations.",
        subcommands: [ClaudeCodeHook.self]
    )
}

public struct ClaudeCodeHook: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
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

    @Option(help: "Directory of the per-session state files (taint, call counts); default $BULWARK_STATE_DIR, else ~/.bulwark/sessions.")
    var stateDir: String?

    @Flag(help: "Judge each call on its own, without session state.")
    var noState = false

    public func run() throws {
        FailClosed.arm(answer: Self.denyJSON(reason: "Bulwark could not evaluate this tool call (internal error or timeout); denied to fail closed."), seconds: watchdog)
        let bytes = StandardIO.readAll(limit: 16 << 20)
        let engine: Engine
        do {
            engine = try options.engine()
        } catch {
            // A broken policy must not turn the hook off: deny, and say why.
            FailClosed.disarm()
            StandardIO.write(Self.denyJSON(reason: "Bulwark cannot load its policy (\(error)); denied to fail closed."))
            return
        }
        let payload = String(validating: bytes, as: UTF8.self).flatMap { try? JSONParser().parse($0) }
        let post = event?.lowercased().hasPrefix("post") == true || payload?["hook_event_name"]?.stringValue?.hasPrefix("Post") == true
        let verdict = judge(bytes, payload: payload, post: post, engine: engine)
        let output = post ? ClaudeCodeReply.post(verdict).map { JSONWriter.string($0) } ?? "" : JSONWriter.string(ClaudeCodeReply.pre(verdict))
        FailClosed.disarm()
        if !output.isEmpty { StandardIO.write(output + "\n") }
    }

    /// Judges the payload against its session's state and updates the state: a call is counted
    /// before it runs; what comes back (`tool_response`) feeds the taint set. Without a session
    /// id, or with `--no-state`, or when the state file cannot be used, the call is judged alone.
    func judge(_ bytes: [UInt8], payload: JSONValue?, post: Bool, engine: Engine) -> Verdict {
        guard !noState, let session = payload?["session_id"]?.stringValue, !session.isEmpty else {
            return engine.evaluate(bytes: bytes, format: .claudeCode)
        }
        do {
            return try SessionFile(directory: stateDir ?? SessionFile.defaultDirectory).update(session) { state in
                let now = Date().timeIntervalSince1970
                let hour = SessionState.hourOfDay(unixTime: now)
                let verdict = engine.evaluate(bytes: bytes, format: .claudeCode, state: state.snapshot(now: now, hourOfDay: hour, unixTime: Int(now)))
                if post {
                    let texts = JSONTexts.strings(in: payload?["tool_response"])
                    let scans = texts.map { ContentScan.scan($0, context: .data) }
                    let sensitive = verdict.findings.contains { $0.category == .credentialAccess }
                    state.absorbResult(tool: verdict.tool ?? "", texts: texts, scans: scans, sensitiveSource: sensitive)
                } else {
                    state.recordCall(verdict, now: now, hourOfDay: hour)
                }
                return verdict
            }
        } catch {
            StandardIO.writeError("bulwark hook: \(error); judging this call without session state\n")
            return engine.evaluate(bytes: bytes, format: .claudeCode)
        }
    }

    static func denyJSON(reason: String) -> String {
        JSONWriter.string(ClaudeCodeReply.deny(reason: reason)) + "\n"
    }
}
