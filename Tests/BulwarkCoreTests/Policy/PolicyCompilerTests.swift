import Testing
@testable import BulwarkCore

@Suite struct PolicyCompilerTests {
    func compile(_ document: JSONValue) throws(PolicyError) -> Policy { try PolicyCompiler.compile(document) }

    @Test func compilesEverySection() throws {
        let policy = try compile([
            "version": 1, "name": "p", "thresholds": ["review": 20, "block": 60], "money": ["review_above_usd": 500],
            "unknown_agents": "block", "unlisted_tools": "allow",
            "roles": ["r": ["tools": ["allow": ["a"], "review": ["b"], "deny": ["c"]]]],
            "agents": ["x": ["roles": ["r"], "tools": ["deny": ["d"]]]],
            "domains": ["allow": ["*.example.com"], "deny": ["evil.example.com"], "unlisted": "block"],
            "paths": ["deny": ["~/.ssh/**"], "review": ["**/.env"]], "protocols": ["allow": ["mcp"]],
        ])
        #expect(policy.thresholds?.review == 20 && policy.thresholds?.block == 60)
        #expect(policy.moneyReviewAboveUSD == 500)
        #expect(policy.unknownAgents == .block && policy.unlistedTools == .allow && policy.unlistedDomains == .block)
        #expect(policy.agents["x"]?.roles == ["r"])
        #expect(policy.allowedFormats == [.mcp])
    }

    @Test(arguments: [
        (JSONValue.array([]), ""),
        (["version": 2], "/version"),
        (["thresholds": ["review": 80, "block": 70]], "/thresholds"),
        (["thresholds": ["review": 200]], "/thresholds/review"),
        (["agents": ["a": ["roles": ["missing"]]]], "/agents/a/roles/0"),
        (["domains": ["allow": [1]]], "/domains/allow/0"),
        (["unknown_agents": "maybe"], "/unknown_agents"),
        (["protocols": ["allow": ["smtp"]]], "/protocols/allow/0"),
        (["surprise": true], "/surprise"),
        (["roles": ["r": ["tools": ["alow": ["x"]]]]], "/roles/r/tools/alow"),
        (["rules": [:]], "/rules"),
        (["tools": ["t": ["schema": ["type": "strng"]]]], "/tools/t/schema/type"),
        (["tools": ["t": ["schma": [:]]]], "/tools/t/schma"),
    ] as [(JSONValue, String)])
    func errorsNameThePlace(document: JSONValue, pointer: String) {
        #expect(throws: PolicyError.self) { _ = try compile(document) }
        do { _ = try compile(document) } catch { #expect(error.pointer == pointer, "\(error)") }
    }
}
