import BulwarkCore
import Foundation
import Testing
@testable import BulwarkServer

@Suite struct PolicyAPITests {
    static let finance = (try? String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/policies/finance.yaml"), encoding: .utf8)) ?? ""
    static let open = "version: 1\nname: open\n"
    static let read = #"{"tool": "read_file", "arguments": {"path": "README.md"}}"#

    @Test func policiesAreValidatedStoredActivatedAndRolledBack() async throws {
        let server = try await TestServer.start()
        let broken = try await server.request("POST", "/v1/policies/validate", body: "version: 1\nrules:\n  - when: 'action.tool =='\n    then: block\n", admin: true)
        #expect(broken.json["valid"]?.boolValue == false)
        #expect(broken.json["error"]?.stringValue?.contains("policy:") == true, "\(broken.body)")
        let refused = try await server.request("POST", "/v1/policies", body: "version: [", admin: true)
        #expect(refused.status == 400 && refused.json["error"]?["code"]?.stringValue == "invalid_policy")

        #expect(try await server.inspect(Self.read).json["decision"]?.stringValue == "allow")
        let v1 = try await server.request("POST", "/v1/policies?activate=true", body: Self.finance, admin: true)
        #expect(v1.status == 201 && v1.json["version"]?.numberValue == 1 && v1.json["active"]?.boolValue == true, "\(v1.body)")
        // finance.yaml blocks agents it does not list; claiming to be a listed one changes nothing.
        #expect(try await server.inspect(Self.read).json["decision"]?.stringValue == "block")
        let claimed = try await server.inspect(#"{"tool": "read_file", "agent": "treasury-agent", "arguments": {"path": "README.md"}}"#)
        #expect(claimed.json["decision"]?.stringValue == "block")

        let v2 = try await server.request("POST", "/v1/policies", body: Self.open, admin: true)
        #expect(v2.json["version"]?.numberValue == 2 && v2.json["active"]?.boolValue == false)
        #expect(try await server.inspect(Self.read).json["decision"]?.stringValue == "block", "stored but not active yet")
        _ = try await server.request("POST", "/v1/policies/2/activate", admin: true)
        #expect(try await server.inspect(Self.read).json["decision"]?.stringValue == "allow")
        _ = try await server.request("POST", "/v1/policies/1/activate", admin: true)
        #expect(try await server.inspect(Self.read).json["decision"]?.stringValue == "block", "rolled back")

        let history = try await server.request("GET", "/v1/policies", admin: true)
        #expect(history.json["active"]?.numberValue == 1)
        #expect(history.json["policies"]?.arrayValue?.count == 2)
        #expect(try await server.request("GET", "/v1/policies/2", admin: true).json["yaml"]?.stringValue == Self.open)
        #expect(try await server.request("POST", "/v1/policies/9/activate", admin: true).status == 404)

        // The active policy outlives a restart.
        let again = try await TestServer.start(database: server.database)
        #expect(try await again.inspect(Self.read).json["decision"]?.stringValue == "block")
        let audit = try await again.request("GET", "/v1/audit", admin: true).body
        #expect(audit.contains(#""event":"policy_activated""#))
    }

    @Test func agentsCannotChangePolicy() async throws {
        let server = try await TestServer.start()
        #expect(try await server.request("POST", "/v1/policies?activate=true", body: Self.open, sign: true).status == 403)
        #expect(try await server.request("POST", "/v1/policies/1/activate", sign: true).status == 403)
    }
}
