import Testing
@testable import BulwarkCore

@Suite struct ToolRegistryLayerTests {
    static let policy = try! PolicyCompiler.compile([
        "tools": [
            "run_sql": ["schema": [
                "type": "object", "required": ["query"], "additionalProperties": false,
                "properties": ["query": ["type": "string", "maxLength": 1000], "database": ["enum": ["app", "analytics"]]],
            ]],
            "lookup": ["schema": ["type": "object", "properties": ["id": ["type": "string", "pattern": "^(?=x)"]]]],
            "ping": [:],
        ],
        "unknown_tools": "block",
    ])
    let engine = Engine(workspace: policy)

    func verdict(_ tool: String, _ arguments: JSONValue) -> Verdict {
        engine.evaluate(JSONWriter.string(["tool": .string(tool), "arguments": arguments]))
    }

    @Test func validArgumentsPass() {
        let v = verdict("run_sql", ["query": "SELECT 1", "database": "app"])
        #expect(!v.findings.contains { $0.layer == .protocol })
    }

    @Test func violationsCarryTheirPointers() {
        let v = verdict("run_sql", ["query": 5, "database": "prod", "extra": true])
        let evidence = v.findings.filter { $0.rule == "protocol.schema_violation" }.map(\.evidence)
        #expect(evidence.contains { $0.hasPrefix("/query") })
        #expect(evidence.contains { $0.hasPrefix("/database") })
        #expect(evidence.contains { $0.hasPrefix("/extra") })
        #expect(v.decision == .block)
    }

    @Test func unknownToolsFollowThePolicy() {
        let v = verdict("drop_everything", [:])
        #expect(v.findings.contains { $0.rule == "protocol.unknown_tool" })
        #expect(v.decision == .block)
        #expect(!verdict("ping", [:]).findings.contains { $0.rule == "protocol.unknown_tool" })
    }

    @Test func uncheckableSchemasAreReportedNotTrusted() {
        let v = verdict("lookup", ["id": "x"])
        #expect(v.findings.contains { $0.rule == "protocol.schema_unchecked" })
        #expect(v.decision != .allow)
    }
}
