import BulwarkCore
import BulwarkRuntime
import Foundation

/// Tool results: scanned and fed into the session's taint.
extension DecisionService {
    /// Scans a tool result and feeds the session's taint; returns the scan.
    public func observe(_ body: [UInt8], agent: String, session: String?) async throws -> JSONValue {
        guard let text = String(validating: body, as: UTF8.self), let json = try? JSONParser().parse(text) else {
            throw ServiceError.badRequest("the body is not JSON")
        }
        let session = session ?? Self.sessionID(in: json) ?? "default"
        let tool = json["tool"]?.stringValue ?? json["tool_name"]?.stringValue ?? ""
        guard let result = json["result"] ?? json["tool_response"] else {
            throw ServiceError.badRequest("give the tool result as `result` (or a Claude Code PostToolUse payload with `tool_response`)")
        }
        let texts = JSONTexts.strings(in: result)
        let scans = texts.map { ContentScan.scan($0, context: .data) }
        // A result of a read from a sensitive source taints everything it returned.
        let sensitive = json["tool_input"].map { input in
            engine.evaluate(json: ["tool": .string(tool), "arguments": input]).findings.contains { $0.category == .credentialAccess }
        } ?? (json["sensitive"]?.boolValue ?? false)
        try await registry.load(agent: agent, session: session)
        defer { registry.release(agent: agent, session: session) }
        registry.update(agent: agent, session: session) { state in
            state.absorbResult(tool: tool, texts: texts, scans: scans, sensitiveSource: sensitive)
        }
        let categories = Set(scans.flatMap { $0.categories.map(\.rawValue) }).sorted()
        let rules = scans.flatMap { $0.findings.map { JSONValue.string($0.rule.rawValue) } }
        let committed = try await committer.append([
            "event": "observe", "agent": .string(agent), "session": .string(session), "tool": .string(tool),
            "categories": .array(categories.map(JSONValue.string)), "rules": .array(rules),
        ])
        return [
            "agent": .string(agent), "session": .string(session), "categories": .array(categories.map(JSONValue.string)),
            "findings": .array(scans.flatMap { $0.findings.map(\.json) }), "tainted": .number(Double(registry.state(agent: agent, session: session)?.tainted.count ?? 0)),
            "audit_seq": .number(Double(committed.seq)),
        ]
    }
}
