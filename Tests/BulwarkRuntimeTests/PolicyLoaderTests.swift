import BulwarkCore
import Foundation
import Testing
@testable import BulwarkRuntime

@Suite struct PolicyLoaderTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/policies")

    @Test(arguments: ["default.yaml", "strict-production.yaml", "finance.yaml"])
    func shippedPoliciesLoad(_ name: String) throws {
        let policy = try PolicyLoader.load(contentsOf: Self.examples.appendingPathComponent(name).path)
        #expect(!policy.name.isEmpty)
    }

    @Test(arguments: [
        ("version: 1\nthresholds: {review: 80, block: 70}\n", 2, "/thresholds"),
        ("version: 1\nagents:\n  a: {roles: [ghost]}\n", 3, "/agents/a/roles/0"),
        ("version: 1\nname: x\nnmae: y\n", 3, "/nmae"),
        ("version: 1\nagents: [\n", 3, ""),
        ("version: 1\nname: a\nname: b\n", -1, ""),
        ("", 1, ""),
    ] as [(String, Int, String)])
    func errorsCarryLineAndPointer(yaml: String, line: Int, pointer: String) {
        do {
            _ = try PolicyLoader.load(yaml: yaml, file: "test.yaml")
            Issue.record("expected an error for \(yaml)")
        } catch {
            // -1: the line is Yams' (the mapping's position), only its presence is checked.
            if line >= 0 {
                #expect(error.line == line, "\(error)")
                #expect(error.description.hasPrefix("test.yaml:\(line)"), "\(error)")
            } else {
                #expect(error.line != nil, "\(error)")
            }
            #expect(error.pointer == pointer, "\(error)")
        }
    }

    /// Aliases expand exponentially ("billion laughs"); the conversion budget refuses them quickly.
    @Test func aliasBombsAreRefused() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1..<9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = ContinuousClock.now
        #expect(throws: PolicyError.self) { _ = try PolicyLoader.parse(yaml: yaml) }
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func expressionErrorsPointIntoTheFile() {
        let yaml = "version: 1\nrules:\n  - id: r\n    when: 'risk > \"high\"'\n    then: block\n"
        do {
            _ = try PolicyLoader.load(yaml: yaml, file: "p.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 4, "\(error)")
            #expect(error.pointer == "/rules/0/when")
        }
    }

    @Test func shippedPolicyTestsPass() throws {
        for name in ["finance.test.yaml", "default.test.yaml"] {
            let suite = try PolicyTestSuite.load(contentsOf: Self.examples.appendingPathComponent(name).path)
            for outcome in try suite.run() {
                #expect(outcome.passed, "\(name): \(outcome.name): got \(outcome.actual.decision)")
            }
        }
    }

    @Test func scalarsKeepTheirYAMLTypes() throws {
        let (value, source) = try PolicyLoader.parse(yaml: "a: 1\nb: 'one'\nc: true\nd: null\ne: 2.5\nf: [x, 'y']\n")
        #expect(value["a"] == .number(1) && value["b"] == .string("one") && value["c"] == .bool(true))
        #expect(value["d"] == .null && value["e"] == .number(2.5) && value["f"] == .array(["x", "y"]))
        #expect(source.positions["/f/1"]?.line == 6)
    }

    @Test func financePolicyRoutesLargeTransfersToReview() throws {
        let policy = try PolicyLoader.load(contentsOf: Self.examples.appendingPathComponent("finance.yaml").path)
        let engine = Engine(workspace: policy)
        let big = engine.evaluate(#"{"tool":"transfer","agent":"treasury-agent","arguments":{"amount":"12,500","currency":"USD","to":"acct-9"}}"#)
        #expect(big.decision == .review, "\(big.findings.map { "\($0.rule): \($0.message)" })")
        let small = engine.evaluate(#"{"tool":"transfer","agent":"treasury-agent","arguments":{"amount":"9,500","currency":"USD","to":"acct-9"}}"#)
        #expect(small.decision == .allow, "\(small.findings.map(\.rule))")
        let shell = engine.evaluate(#"{"tool":"run_shell","agent":"researcher","arguments":{"command":"ls"}}"#)
        #expect(shell.decision == .block)
        let stranger = engine.evaluate(#"{"tool":"transfer","agent":"mallory","arguments":{"amount":1,"currency":"USD"}}"#)
        #expect(stranger.decision == .block)
    }
}
