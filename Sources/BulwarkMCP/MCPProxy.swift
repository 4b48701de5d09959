import BulwarkCore
import BulwarkRuntime
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `bulwark mcp-proxy -- <server command…>`: a transparent stdio relay between an MCP client
/// (on this process's stdin/stdout) and a server (a child process) that judges every
/// `tools/call` before it reaches the server and screens every result before it reaches the
/// client.
///
/// Two threads pump lines, one per direction, so neither side waits on the other; everything
/// else (requests, notifications, responses, server-to-client requests, unknown methods) is
/// forwarded byte for byte. The era is decided per message. Shared state (pending calls, the
/// tool catalog, the session) sits behind one lock, held only for bookkeeping, never across I/O.
///
/// Exit status: the server's own exit status once it has exited (128 + N when signal N ended
/// it); 69 when the server cannot be started; 74 when the audit file cannot be opened.
public final class MCPProxy: @unchecked Sendable {
    public static let exitUnavailable: Int32 = 69
    public static let exitAuditFailure: Int32 = 74

    struct Pending {
        var tool: String
        var modern: Bool
        var sensitiveSource: Bool
    }

    let command: [String]
    let configuration: ProxyConfiguration
    let audit: AuditLog?
    let client = LineWriter(fd: 1)
    var server: LineWriter!
    let lock = NSLock()
    var state = SessionState()
    var catalog = ToolCatalog()
    var engine: Engine
    var calls: [String: Pending] = [:]
    var listings: Set<String> = []
    let started = ContinuousClock.now
    /// This proxy run's session at a review service.
    let sessionID = "mcp-proxy-" + UUID().uuidString

    public init(command: [String], configuration: ProxyConfiguration) throws {
        self.command = command
        self.configuration = configuration
        audit = try configuration.auditPath.map { try AuditLog(path: $0, sync: configuration.auditSync) }
        engine = Engine(configuration: configuration.engine, workspace: configuration.workspace)
    }

    /// Runs until the server exits; returns the exit status for the process.
    public func run() -> Int32 {
        let child: ChildProcess
        do {
            child = try ChildProcess(command: command)
        } catch {
            report("\(error)")
            return Self.exitUnavailable
        }
        server = LineWriter(fd: child.stdin)
        let serverDone = DispatchSemaphore(value: 0)
        Thread.detachNewThread { [self] in
            var reader = LineReader(fd: child.stdout, maxLine: configuration.maxLine)
            while let (bytes, truncated) = reader.next() {
                if bytes.isEmpty && !truncated { continue }
                handleServer(bytes, truncated: truncated)
            }
            serverGone()
            serverDone.signal()
        }
        Thread.detachNewThread { [self] in
            var reader = LineReader(fd: 0, maxLine: configuration.maxLine)
            while let (bytes, truncated) = reader.next() {
                if bytes.isEmpty && !truncated { continue }
                handleClient(bytes, truncated: truncated)
            }
            // The client is gone: calls in flight can no longer be answered. Let the server
            // finish, then escalate.
            let inFlight = lock.withLock { calls.count }
            record(["event": "client_disconnected", "in_flight": .number(Double(inFlight))])
            report("client disconnected with \(inFlight) call(s) in flight; stopping the server")
            child.closeInput()
            Thread.sleep(forTimeInterval: configuration.shutdownGrace)
            child.terminate(SIGTERM)
            Thread.sleep(forTimeInterval: configuration.shutdownGrace)
            child.terminate(SIGKILL)
        }
        let status = child.wait()
        serverDone.wait()
        return status
    }

    // MARK: Client → server

    func handleClient(_ bytes: [UInt8], truncated: Bool) {
        if truncated {
            let id = RPCMessage.id(inPrefix: bytes)
            record(["event": "client_oversized", "id": id ?? .null, "decision": "block", "bytes_over": .number(Double(configuration.maxLine))])
            report("client sent a message over \(configuration.maxLine) bytes; not forwarded")
            if let id { client.write(RPCReply.error(id: id, code: -32600, message: "Message over \(configuration.maxLine) bytes; Bulwark did not forward it").utf8) }
            return
        }
        guard let json = try? JSONParser().parse(String(decoding: bytes, as: UTF8.self)) else {
            record(["event": "client_malformed", "decision": "block"])
            report("client sent a line that is not JSON; not forwarded")
            client.write(RPCReply.error(id: .null, code: -32700, message: "Parse error: Bulwark could not parse this message and did not forward it").utf8)
            return
        }
        if case .array(let items) = json {
            // A batch (2025-03-26 peers): every element is judged and forwarded on its own.
            for item in items { handleClientMessage(item, raw: Array(JSONWriter.string(item).utf8)) }
            return
        }
        handleClientMessage(json, raw: bytes)
    }

    func handleClientMessage(_ json: JSONValue, raw: [UInt8]) {
        guard let message = RPCMessage(json) else {
            record(["event": "client_invalid", "decision": "block"])
            client.write(RPCReply.error(id: json["id"] ?? .null, code: -32600, message: "Invalid JSON-RPC message; Bulwark did not forward it").utf8)
            return
        }
        if message.kind == .request, message.method == "tools/call" {
            judge(message, raw: raw)
            return
        }
        if message.kind == .request, message.method == "tools/list", let key = message.idKey {
            _ = lock.withLock { listings.insert(key) }
        }
        forward(raw, id: message.kind == .request ? message.id : nil)
    }

    func judge(_ message: RPCMessage, raw: [UInt8]) {
        let id = message.id ?? .null
        let tool = message.toolName ?? ""
        let now = ContinuousClock.now - started
        let seconds = Double(now.components.seconds) + Double(now.components.attoseconds) / 1e18
        let unix = Date().timeIntervalSince1970
        let hour = SessionState.hourOfDay(unixTime: unix)
        let (engine, snapshot) = lock.withLock { () -> (Engine, SessionSnapshot) in
            return (self.engine, state.snapshot(now: seconds, hourOfDay: hour, unixTime: Int(unix)))
        }
        let verdict = engine.evaluate(json: message.json, format: .mcp, state: snapshot)
        if verdict.decision == .review, let service = configuration.reviewService {
            holdForReview(message, raw: raw, verdict: verdict, service: service, now: seconds, hour: hour)
            return
        }
        let forwardIt: Bool
        switch verdict.decision {
        case .allow: forwardIt = true
        case .review: forwardIt = configuration.reviewMode == .allow
        case .block: forwardIt = false
        }
        let sensitive = verdict.findings.contains { $0.category == .credentialAccess }
        lock.withLock {
            if verdict.tool == nil { state.recordCall(tool, now: seconds) } else { state.recordCall(verdict, now: seconds, hourOfDay: hour) }
            if forwardIt, let key = message.idKey { calls[key] = Pending(tool: tool, modern: message.isModern, sensitiveSource: sensitive) }
        }
        let recorded = record([
            "event": "tools/call", "id": id, "tool": .string(tool), "decision": .string(verdict.decision.rawValue),
            "outcome": forwardIt ? (verdict.decision == .review ? "forwarded_flagged" : "forwarded") : "refused",
            "risk": .number(Double(verdict.risk)), "rules": .array(verdict.findings.map { .string($0.rule.rawValue) }),
            "action_sha256": .string(AuditChain.hash(raw)),
        ])
        guard recorded else {
            // No audit record, no forwarding: fail closed.
            lock.withLock { if let key = message.idKey { calls[key] = nil } }
            client.write(RPCReply.refusal(id: id, modern: message.isModern, text: "Bulwark could not write its audit record, so it did not run this call.", decision: ["decision": "block", "reason": "audit_failure"]).utf8)
            return
        }
        if forwardIt {
            if verdict.decision == .review { report("flagged \(tool) (risk \(verdict.risk)): forwarded in audit-only mode") }
            forward(raw, id: id)
        } else {
            let text = RPCReply.explanation(verdict, tool: tool, held: verdict.decision == .review)
            let decision: JSONValue = ["decision": .string(verdict.decision.rawValue), "risk": .number(Double(verdict.risk)), "rules": .array(verdict.findings.prefix(8).map { .string($0.rule.rawValue) })]
            client.write(RPCReply.refusal(id: id, modern: message.isModern, text: text, decision: decision).utf8)
        }
    }

    /// A call sent to review, with a review service: audited as held, then asked of the service
    /// on a thread of its own (other messages keep flowing); forwarded only when a reviewer
    /// approved that exact call, refused with the review's status otherwise.
    func holdForReview(_ message: RPCMessage, raw: [UInt8], verdict: Verdict, service: ReviewServiceClient, now: Double, hour: Int?) {
        let id = message.id ?? .null
        let tool = message.toolName ?? ""
        lock.withLock { state.recordCall(verdict, now: now, hourOfDay: hour) }
        guard record(["event": "tools/call", "id": id, "tool": .string(tool), "decision": "review", "outcome": "held", "risk": .number(Double(verdict.risk)), "rules": .array(verdict.findings.map { .string($0.rule.rawValue) }), "action_sha256": .string(AuditChain.hash(raw))]) else {
            client.write(RPCReply.refusal(id: id, modern: message.isModern, text: "Bulwark could not write its audit record, so it did not run this call.", decision: ["decision": "block", "reason": "audit_failure"]).utf8)
            return
        }
        report("holding \(tool) for human review at \(service.url)")
        let session = sessionID
        Thread.detachNewThread { [self] in
            let outcome = service.hold(raw, session: session)
            let review: JSONValue = outcome.reviewID.map(JSONValue.string) ?? .null
            if outcome.decision == .allow {
                record(["event": "review_released", "id": id, "tool": .string(tool), "review": review, "decision": "allow"])
                lock.withLock { if let key = message.idKey { calls[key] = Pending(tool: tool, modern: message.isModern, sensitiveSource: false) } }
                forward(raw, id: id)
                return
            }
            let why = outcome.error ?? "review \(outcome.reviewID ?? "?") is \(outcome.status ?? outcome.decision.rawValue)"
            record(["event": "review_refused", "id": id, "tool": .string(tool), "review": review, "decision": .string(outcome.decision.rawValue), "reason": .string(why)])
            let text = "Bulwark held this call to \(tool) for human review and it was not approved (\(why)). Do not retry it in another form; if a reviewer approves it later, the same call will be allowed once."
            client.write(RPCReply.refusal(id: id, modern: message.isModern, text: text, decision: ["decision": .string(outcome.decision.rawValue), "review": review]).utf8)
        }
    }

    /// Forwards a client message to the server; when the server is gone, answers a request
    /// with an error so the client does not wait for a reply that will not come.
    func forward(_ raw: [UInt8], id: JSONValue?) {
        if server.write(raw) { return }
        if let id {
            lock.withLock { calls[JSONWriter.string(id)] = nil }
            client.write(RPCReply.error(id: id, code: -32603, message: "The MCP server is not running; Bulwark could not deliver this request").utf8)
        }
    }

    /// Rebuilds the engine with the tools the catalog learned. (Time for policy conditions comes
    /// with each decision's snapshot, so the engine itself never goes stale.)
    func refreshEngine() {
        let configuration = self.configuration.engine
        let workspace: Policy? = catalog.pinned.isEmpty ? self.configuration.workspace : catalog.registering(into: self.configuration.workspace ?? Policy(name: "mcp-proxy"))
        engine = Engine(configuration: configuration, workspace: workspace)
    }

    // MARK: Server → client

    func handleServer(_ bytes: [UInt8], truncated: Bool) {
        if truncated {
            let id = RPCMessage.id(inPrefix: bytes)
            let pending = id.flatMap { id in lock.withLock { calls.removeValue(forKey: JSONWriter.string(id)) } }
            record(["event": "server_oversized", "id": id ?? .null, "decision": "block"])
            report("server wrote a message over \(configuration.maxLine) bytes; not forwarded")
            if let id, let pending {
                client.write(RPCReply.refusal(id: id, modern: pending.modern, text: "Bulwark withheld the result of \(pending.tool): it is over \(configuration.maxLine) bytes.", decision: ["decision": "block", "reason": "oversized"]).utf8)
            }
            return
        }
        guard let json = try? JSONParser().parse(String(decoding: bytes, as: UTF8.self)), let message = RPCMessage(json) else {
            record(["event": "server_malformed", "decision": "block"])
            report("server wrote a line that is not a JSON-RPC message; dropped: \(String(decoding: bytes.prefix(120), as: UTF8.self))")
            return
        }
        guard message.kind == .response, let key = message.idKey else {
            client.write(bytes)
            return
        }
        let (pending, isListing) = lock.withLock { (calls.removeValue(forKey: key), listings.remove(key) != nil) }
        if isListing, let result = json["result"] {
            learn(result)
        }
        if let pending, let result = json["result"] {
            screen(result, id: message.id ?? .null, pending: pending, raw: bytes)
            return
        }
        client.write(bytes)
    }

    func learn(_ result: JSONValue) {
        let events = lock.withLock { () -> [ToolCatalog.Event] in
            let events = catalog.absorb(result: result)
            for event in events { if let flag = event.flag { state.flaggedTools[event.tool] = flag } }
            refreshEngine()
            return events
        }
        for event in events {
            record(["event": .string(event.rule), "tool": .string(event.tool), "detail": .string(event.detail)])
            report("\(event.rule): \(event.tool): \(event.detail)")
        }
    }

    func screen(_ result: JSONValue, id: JSONValue, pending: Pending, raw: [UInt8]) {
        let outcome = ResultScreen(configuration: configuration).screen(result, tool: pending.tool)
        lock.withLock {
            state.absorbResult(tool: pending.tool, texts: outcome.texts, scans: outcome.scans, sensitiveSource: pending.sensitiveSource)
        }
        if !outcome.categories.isEmpty {
            record([
                "event": "tools/result", "id": id, "tool": .string(pending.tool), "decision": .string(outcome.action.rawValue),
                "categories": .array(outcome.categories.map { .string($0.rawValue) }.sorted { JSONWriter.string($0) < JSONWriter.string($1) }),
                "rules": .array(Array(Set(outcome.findings.map(\.rule.rawValue))).sorted().map { .string($0) }),
            ])
            if outcome.action != .allow { report("result of \(pending.tool): \(outcome.action.rawValue) (\(outcome.categories.map(\.rawValue).sorted().joined(separator: ", ")))") }
        }
        guard let replacement = outcome.replacement else {
            client.write(raw)
            return
        }
        client.write(JSONWriter.string(["jsonrpc": "2.0", "id": id, "result": replacement]).utf8)
    }

    /// The server is gone: every forwarded call still waiting gets an answer.
    func serverGone() {
        let waiting = lock.withLock { () -> [(String, Pending)] in
            defer { calls.removeAll() }
            return Array(calls)
        }
        for (key, pending) in waiting {
            guard let id = try? JSONParser().parse(key) else { continue }
            record(["event": "server_exited", "id": id, "tool": .string(pending.tool), "decision": "block"])
            client.write(RPCReply.error(id: id, code: -32603, message: "The MCP server exited before answering this call to \(pending.tool)").utf8)
        }
        if !waiting.isEmpty { report("server exited with \(waiting.count) call(s) unanswered") }
    }

    // MARK: Audit and reporting

    /// Appends an audit record; false when the audit file cannot be written.
    @discardableResult
    func record(_ fields: JSONValue) -> Bool {
        guard let audit, case .object(let object) = fields else { return true }
        do {
            try audit.append(object)
            return true
        } catch {
            report("\(error)")
            return false
        }
    }

    func report(_ message: String) {
        let line = "bulwark mcp-proxy: \(message)\n"
        _ = line.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
    }
}
