import BulwarkCore
import Foundation
import Testing

/// `bulwark serve --otlp-endpoint` exports a trace per decision to a real OTLP/HTTP receiver
/// (`Tests/ServerPeers/otlp_receiver.py`, JSON encoding), with its attributes attached.
@Suite struct TracingTests {
    /// The spans the receiver got, by name.
    static func spans(in log: [JSONValue]) -> [String: [JSONValue]] {
        var out: [String: [JSONValue]] = [:]
        for entry in log {
            for resource in entry["body"]?["resourceSpans"]?.arrayValue ?? [] {
                for scope in resource["scopeSpans"]?.arrayValue ?? [] {
                    for span in scope["spans"]?.arrayValue ?? [] { out[span["name"]?.stringValue ?? "", default: []].append(span) }
                }
            }
        }
        return out
    }

    static func attribute(_ span: JSONValue, _ key: String) -> JSONValue? {
        span["attributes"]?.arrayValue?.first { $0["key"]?.stringValue == key }?["value"]
    }

    /// Starts `bulwark serve` exporting to a fresh receiver (configured by `flags` or by
    /// `environment`, given the receiver's URL), sends `call`, and returns its verdict and the
    /// spans received once the decision's root span arrived (or after 10 s).
    static func exported(_ call: String, flags: (String) -> [String] = { _ in [] }, environment: (String) -> [String: String] = { _ in [:] }) async throws -> (verdict: JSONValue?, spans: [String: [JSONValue]]) {
        let receiver = try await WebhookTests.Receiver.start(script: "otlp_receiver.py")
        let url = "http://127.0.0.1:\(receiver.port)"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-otel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("b.db").path
        let secret = try await ServeProcess.run(["admin", "create-agent", "--db", db, "--id", "traced"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = try await ServeProcess.start(db: db, extra: flags(url), environment: environment(url))
        defer { server.kill9() }
        let verdict = try await DurabilityTests.Client(port: server.port, agent: "traced", secret: secret).inspect(call)
        var spans: [String: [JSONValue]] = [:]
        for _ in 0..<100 where spans["bulwark.evaluate"] == nil {
            try await Task.sleep(for: .milliseconds(100))
            spans = Self.spans(in: receiver.log)
        }
        return (verdict, spans)
    }

    @Test func aDecisionIsExportedWithASpanPerStage() async throws {
        let (verdict, spans) = try await Self.exported(#"{"tool": "bash", "session": "t1", "arguments": {"command": "rm -r -f ~"}}"#) {
            ["--otlp-endpoint", $0, "--otlp-protocol", "json"]
        }
        #expect(verdict?["decision"]?.stringValue == "block")
        let root = try #require(spans["bulwark.evaluate"]?.first, "exported: \(spans.keys.sorted())")
        #expect(Self.attribute(root, "bulwark.decision")?["stringValue"]?.stringValue == "block")
        #expect(Self.attribute(root, "bulwark.agent")?["stringValue"]?.stringValue == "traced")
        #expect(Self.attribute(root, "bulwark.session")?["stringValue"]?.stringValue == "t1")
        #expect(Self.attribute(root, "bulwark.tool")?["stringValue"]?.stringValue == "bash")
        #expect(Self.attribute(root, "bulwark.rules")?["stringValue"]?.stringValue?.contains("shell.destructive.delete_home") == true)
        let risk = Self.attribute(root, "bulwark.risk")?["intValue"]
        #expect(risk?.stringValue == "95" || risk?.numberValue == 95, "risk: \(String(describing: risk))")
        #expect(Self.attribute(root, "bulwark.audit.seq") != nil)
        for stage in ["facets", "protocol", "impact", "taint", "injection", "content", "behaviour", "rules"] {
            let child = try #require(spans["bulwark.stage.\(stage)"]?.first, "stage \(stage) exported")
            #expect(child["traceId"]?.stringValue == root["traceId"]?.stringValue)
            #expect(child["parentSpanId"]?.stringValue == root["spanId"]?.stringValue, "\(stage) is a child of the decision")
            #expect(Self.attribute(child, "bulwark.stage")?["stringValue"]?.stringValue == stage)
        }
        let impact = spans["bulwark.stage.impact"]?.first
        let found = impact.flatMap { Self.attribute($0, "bulwark.findings.count")?["intValue"] }
        #expect(found?.stringValue == "1" || found?.numberValue == 1, "impact findings: \(String(describing: found))")
    }

    /// The standard variables alone (no `--otlp-endpoint`) turn tracing on and configure it.
    @Test func theStandardVariablesAloneTurnTracingOn() async throws {
        let (_, spans) = try await Self.exported(#"{"tool": "bash", "session": "t2", "arguments": {"command": "ls"}}"#, environment: {
            ["OTEL_EXPORTER_OTLP_ENDPOINT": $0, "OTEL_EXPORTER_OTLP_PROTOCOL": "http/json"]
        })
        let root = try #require(spans["bulwark.evaluate"]?.first, "exported: \(spans.keys.sorted())")
        #expect(Self.attribute(root, "bulwark.session")?["stringValue"]?.stringValue == "t2")
    }
}
