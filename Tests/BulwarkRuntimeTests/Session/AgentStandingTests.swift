import BulwarkCore
import Testing
@testable import BulwarkRuntime

@Suite struct AgentStandingTests {
    let engine = Engine()

    func verdict(_ command: String) -> Verdict {
        engine.evaluate(#"{"tool": "bash", "arguments": {"command": "\#(command)"}}"#)
    }

    @Test func highRiskCallsSpendTheBudgetFaster() {
        var standing = AgentStanding()
        for i in 0..<12 { standing.record(verdict("rm -rf ~ && echo \(i)"), at: 0) }
        #expect(standing.exhausted(at: 0) == ["bash"], "12 high-risk calls cost 120 tokens")
        var calm = AgentStanding()
        for i in 0..<100 { calm.record(verdict("ls dir\(i)"), at: 0) }
        #expect(calm.exhausted(at: 0).isEmpty, "100 ordinary calls fit in the minute's 120")
        #expect(standing.exhausted(at: 60).isEmpty, "the bucket refills within a minute")
    }

    @Test func reputationFollowsTheRecord() {
        var standing = AgentStanding()
        for i in 0..<10 { standing.record(verdict("rm -rf ~ && echo \(i)"), at: Double(i)) }
        #expect(standing.reputation == 1, "neutral before 20 decisions")
        for i in 0..<30 { standing.record(verdict("ls d\(i)"), at: Double(i)) }
        #expect(standing.reputation == 1.5, "10 blocks in 40 decisions: raised to the cap")
        var good = AgentStanding()
        for i in 0..<40 { good.record(verdict("ls d\(i)"), at: Double(i)) }
        #expect(good.reputation == 1)
    }

    @Test func theStandingRoundTripsThroughJSON() throws {
        var standing = AgentStanding()
        for i in 0..<25 { standing.record(verdict(i % 5 == 0 ? "rm -rf /" : "ls"), at: Double(i)) }
        let restored = AgentStanding(json: try JSONParser().parse(JSONWriter.string(standing.json)))
        #expect(restored == standing)
        #expect(restored.reputation == standing.reputation)
    }
}
