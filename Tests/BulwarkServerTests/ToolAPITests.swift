import BulwarkCore
import Foundation
import Testing
@testable import BulwarkServer

@Suite struct ToolAPITests {
    static let email = #"{"name": "send_email", "description": "Send an e-mail", "input_schema": {"type": "object", "properties": {"to": {"type": "string"}, "body": {"type": "string"}}, "required": ["to", "body"], "additionalProperties": false}}"#

    func rules(_ reply: TestServer.Reply) -> [String] {
        (reply.json["findings"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
    }

    @Test func registeredSchemasAreEnforcedAndUnknownToolsReviewed() async throws {
        let server = try await TestServer.start()
        let created = try await server.request("POST", "/v1/tools", body: Self.email, admin: true)
        #expect(created.status == 201, "\(created.body)")
        let fine = try await server.inspect(#"{"tool": "send_email", "arguments": {"to": "a@example.org", "body": "hi"}}"#)
        #expect(fine.json["decision"]?.stringValue == "allow", "\(fine.body)")
        let bad = try await server.inspect(#"{"tool": "send_email", "arguments": {"to": 7, "body": "hi", "bcc": "x@evil.example"}}"#)
        #expect(rules(bad).contains("protocol.schema_violation"), "\(bad.body)")
        #expect(bad.body.contains("/to") || bad.body.contains("bcc"), "the violation names its place")
        let unknown = try await server.inspect(#"{"tool": "delete_everything", "arguments": {}}"#)
        #expect(rules(unknown).contains("protocol.unknown_tool"))

        // Tools survive a restart; removing one lifts its schema.
        let again = try await TestServer.start(database: server.database)
        #expect(rules(try await again.inspect(#"{"tool": "send_email", "arguments": {"to": 7, "body": "hi"}}"#)).contains("protocol.schema_violation"))
        #expect(try await again.request("DELETE", "/v1/tools/send_email", admin: true).status == 200)
        #expect(!rules(try await again.inspect(#"{"tool": "send_email", "arguments": {"to": 7, "body": "hi"}}"#)).contains("protocol.schema_violation"))
    }

    @Test func anMCPToolsListResultCanBeRegistered() async throws {
        let server = try await TestServer.start()
        let list = #"{"tools": [{"name": "read_file", "inputSchema": {"type": "object", "properties": {"path": {"type": "string"}}, "required": ["path"]}}, {"name": "echo", "inputSchema": {"type": "object"}}]}"#
        let created = try await server.request("POST", "/v1/tools", body: list, admin: true)
        #expect(created.json["registered"]?.arrayValue?.count == 2)
        #expect(try await server.request("GET", "/v1/tools", admin: true).json["tools"]?.arrayValue?.count == 2)
    }

    @Test func badSchemasAndAgentsAreRefused() async throws {
        let server = try await TestServer.start()
        let bad = try await server.request("POST", "/v1/tools", body: #"{"name": "x", "input_schema": {"type": 12}}"#, admin: true)
        #expect(bad.status == 400, "\(bad.body)")
        #expect(try await server.request("POST", "/v1/tools", body: Self.email, sign: true).status == 403)
    }
}
