import BulwarkCore
import BulwarkRuntime
import Hummingbird

extension API {
    /// `POST /v1/inspect`: any input the CLI accepts → the verdict JSON (plus `agent`,
    /// `session`, `review`, `audit_seq`). The session is `X-Bulwark-Session`, else the payload's.
    func inspect(_ request: Request, _ identity: Identity, _ body: [UInt8]) async throws -> Response {
        let agent = try requireAgent(identity)
        let wait = try request.waitSeconds(limit: configuration.maxWait)
        let outcome = try await service.inspect(body, agent: agent, session: request.header("X-Bulwark-Session"), wait: wait)
        return APIResponses.json(outcome.json)
    }

    /// `POST /v1/observe`: a tool result (`{"tool", "result", "session"}` or a Claude Code
    /// PostToolUse payload), scanned and fed to the session's taint.
    func observe(_ request: Request, _ identity: Identity, _ body: [UInt8]) async throws -> Response {
        let agent = try requireAgent(identity)
        return APIResponses.json(try await service.observe(body, agent: agent, session: request.header("X-Bulwark-Session")))
    }

    /// `POST /v1/hooks/claude-code`: Claude Code's `"type": "http"` hook. PreToolUse answers the
    /// hook's permission JSON; PostToolUse observes the result and blocks injected output.
    /// Claude Code treats a non-2xx answer as allow, so failures here (and refusals before it,
    /// in `handle`) answer 200 with a deny. A PostToolUse result is observed (taint) and judged
    /// (injected output); it is not counted as a call again.
    func claudeCodeHook(_ request: Request, _ identity: Identity, _ body: [UInt8]) async throws -> Response {
        let agent = try requireAgent(identity)
        let payload = String(validating: body, as: UTF8.self).flatMap { try? JSONParser().parse($0) }
        do {
            if payload?["hook_event_name"]?.stringValue == "PostToolUse" {
                _ = try await service.observe(body, agent: agent, session: nil)
                let verdict = try await service.inspect(body, agent: agent, session: nil).verdict
                return APIResponses.json(ClaudeCodeReply.post(verdict) ?? [:])
            }
            let verdict = try await service.inspect(body, agent: agent, session: nil).verdict
            return APIResponses.json(ClaudeCodeReply.pre(verdict))
        } catch {
            return APIResponses.json(ClaudeCodeReply.deny(reason: "Bulwark could not record this decision (\(error)); denied to fail closed."))
        }
    }
}
