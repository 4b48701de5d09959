import Testing
@testable import BulwarkCore

@Suite struct ScorerTests {
    let scorer = Scorer()

    func finding(_ severity: Severity, score: Int? = nil) -> Finding {
        Finding(layer: .impact, rule: "test.rule", severity: severity, score: score, message: "m", evidence: "e")
    }

    @Test func noFindingsIsZeroRiskAndAllow() {
        #expect(scorer.risk(of: []) == 0)
        #expect(scorer.decision(risk: 0, findings: []) == .allow)
    }

    @Test func aSingleCriticalBlocksWhateverTheRisk() {
        let f = [finding(.critical, score: 10)]
        #expect(scorer.decision(risk: scorer.risk(of: f), findings: f) == .block)
    }

    @Test(arguments: [(Severity.low, Decision.allow), (.medium, .review), (.high, .review)])
    func oneFindingMapsToItsBand(severity: Severity, expected: Decision) {
        let f = [finding(severity)]
        #expect(scorer.decision(risk: scorer.risk(of: f), findings: f) == expected)
    }

    @Test func twoHighFindingsBlock() {
        let f = [finding(.high), finding(.high)]
        #expect(scorer.risk(of: f) >= 70)
        #expect(scorer.decision(risk: scorer.risk(of: f), findings: f) == .block)
    }

    @Test func riskIsMonotoneInFindingsAndScores() {
        var findings: [Finding] = []
        var previous = 0
        for score in [5, 15, 40, 10, 65, 3] {
            findings.append(finding(.medium, score: score))
            let risk = scorer.risk(of: findings)
            #expect(risk >= previous)
            previous = risk
        }
        #expect(scorer.risk(of: [finding(.medium, score: 50)]) >= scorer.risk(of: [finding(.medium, score: 49)]))
    }

    @Test func neutralSignalsChangeNothingAndSignalsAreBounded() {
        let f = [finding(.medium)]
        #expect(scorer.risk(of: f, signals: .neutral) == 40)
        let hot = ContextSignals(statistical: 9, contextual: 9, behavioural: 9, temporal: 9, reputation: 9)
        #expect(scorer.risk(of: f, signals: hot) == 100)
        #expect(ContextSignals(statistical: .nan).multiplier == 1)
    }
}
