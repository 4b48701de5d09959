import BulwarkCore
import BulwarkRuntime
import Foundation
import Testing
@testable import BulwarkServer

/// The policy test suites in Examples/policies, which `bulwark policy test` passes, give the same
/// decisions through the API: each policy is activated over HTTP, each case is sent signed by the
/// agent it names (registered for the purpose), at the suite's clock.
@Suite struct PolicySuiteParityTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/policies")

    static var suites: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []).filter { $0.hasSuffix(".test.yaml") }.sorted()
    }

    @Test func theExampleSuitesAreFound() {
        #expect(Self.suites.count >= 2, "\(Self.suites)")
    }

    @Test(arguments: suites) func theSuiteGivesTheSameDecisionsThroughTheAPI(_ file: String) async throws {
        let suite = try PolicyTestSuite.load(contentsOf: Self.examples.appendingPathComponent(file).path)
        let direct = try suite.run()
        #expect(!suite.cases.isEmpty)
        let cliPasses = direct.allSatisfy { $0.passed }
        #expect(cliPasses, "the CLI passes \(file)")
        let clock = Double(suite.now ?? Int(Date().timeIntervalSince1970))
        let server = try await TestServer.start { $0.clock = { clock } }
        let yaml = try String(contentsOfFile: suite.policyPath, encoding: .utf8)
        #expect(try await server.request("POST", "/v1/policies?activate=true", body: yaml, admin: true).status == 201)
        var secrets = [server.agent: server.agentSecret]
        for (index, c) in suite.cases.enumerated() {
            let agent = c.input["agent"]?.stringValue ?? c.input["agent_id"]?.stringValue ?? server.agent
            if secrets[agent] == nil {
                let created = try await server.request("POST", "/v1/agents", body: #"{"id": "\#(agent)"}"#, admin: true)
                secrets[agent] = created.json["secret"]?.stringValue
            }
            let body = JSONWriter.string(c.input)
            let reply = try await server.request("POST", "/v1/inspect", body: body, sign: true, headers: [("X-Bulwark-Session", "case-\(index)")], secret: secrets[agent], agent: agent)
            #expect(reply.json["decision"]?.stringValue == c.expect.rawValue, "\(file): \(c.name): \(reply.body)")
            #expect(reply.json["decision"]?.stringValue == direct[index].actual.decision.rawValue)
            #expect(reply.json["risk"]?.numberValue == Double(direct[index].actual.risk), "\(file): \(c.name)")
        }
    }
}
