import Testing
@testable import BulwarkCore

/// The session feeds four context signals; they scale the findings' risk and never create it.
@Suite struct SignalModelTests {
    let engine = Engine()
    /// Two medium findings (and two info): risk 68, review, with neutral signals.
    static let twoMediums: JSONValue = ["tool": "bash", "arguments": ["command": "sudo systemctl stop cron; sudo pkill -f backup-agent"]]
    static let harmless: JSONValue = ["tool": "read_file", "arguments": ["path": "src/main.swift"]]

    func verdict(_ call: JSONValue, _ state: SessionSnapshot) -> Verdict {
        engine.evaluate(JSONWriter.string(call), state: state)
    }

    @Test func withoutStateEverySignalIsNeutral() {
        let v = verdict(Self.twoMediums, .empty)
        #expect(v.signals == .neutral)
        #expect(v.risk == 68, "\(v.findings.map(\.rule))")
        #expect(v.decision == .review)
        #expect(v.json["signals"] == nil, "neutral signals stay out of the JSON")
    }

    @Test func aSessionThatReadSecretsEscalatesTheSameFindings() {
        let state = SessionSnapshot(taintedValues: ["AKIAIOSFODNN7EXAMPLE": "~/.aws/credentials"])
        let v = verdict(Self.twoMediums, state)
        #expect(abs(v.signals.contextual - 1.15) < 1e-9)
        #expect(v.risk == 78)  // 68 × 1.15
        #expect(v.decision == .block)
        #expect(v.json["signals"]?["contextual"]?.numberValue == 1.15)
        #expect(v.findings.map(\.rule) == verdict(Self.twoMediums, .empty).findings.map(\.rule), "the same findings")
    }

    @Test func theProfileFeedsTheBehaviouralTemporalAndStatisticalSignals() {
        var profile = BehaviourProfile()
        for i in 0..<60 { profile.record(tool: "send_email", argumentSize: 300 + i, hour: 9 + i % 8) }
        let usual = verdict(["tool": "send_email", "arguments": ["to": "a@example.org", "body": .string(String(repeating: "x", count: 290))]], SessionSnapshot(profile: profile, hourOfDay: 11))
        #expect(usual.signals == .neutral)
        let odd = verdict(["tool": "delete_repository", "arguments": ["name": "app"]], SessionSnapshot(profile: profile, hourOfDay: 3))
        #expect(abs(odd.signals.behavioural - 1.2) < 1e-9)
        #expect(abs(odd.signals.temporal - 1.2) < 1e-9)
        let big = verdict(["tool": "send_email", "arguments": ["to": "a@example.org", "body": .string(String(repeating: "x", count: 20_000))]], SessionSnapshot(profile: profile, hourOfDay: 11))
        #expect(abs(big.signals.statistical - 1.25) < 1e-9)
        // A young profile is not judged.
        var young = BehaviourProfile()
        for _ in 0..<10 { young.record(tool: "read_file", argumentSize: 10, hour: 9) }
        #expect(verdict(["tool": "delete_repository", "arguments": ["name": "app"]], SessionSnapshot(profile: young, hourOfDay: 3)).signals == .neutral)
    }

    @Test func signalsScaleRiskButNeverCreateIt() {
        let state = SessionSnapshot(taintedValues: ["AKIAIOSFODNN7EXAMPLE": "secret"], recentCalls: ["read_file": 119], flaggedTools: ["x": .init(rule: "protocol.tool_changed", severity: .high, reason: "changed")])
        let v = verdict(Self.harmless, state)
        #expect(v.signals.contextual > 1.3 && v.signals.temporal > 1.2)
        #expect(v.risk == 0)
        #expect(v.decision == .allow)
    }

    @Test func aBurstRaisesTheTemporalSignalFromHalfTheRateLimit() {
        let model = SignalModel(maxCallsPerTool: 120, warmupCalls: 50)
        let action = Action(id: "a", format: .native, rawToolName: "bash", arguments: [:])
        func temporal(_ calls: Int) -> Double { model.signals(for: action, state: SessionSnapshot(recentCalls: ["bash": calls])).temporal }
        #expect(temporal(10) == 1)
        #expect(temporal(59) == 1)
        #expect(abs(temporal(60) - 1.125) < 1e-9)
        #expect(abs(temporal(120) - 1.25) < 1e-9)
        #expect(abs(temporal(500) - 1.25) < 1e-9)
    }

    @Test func givenSignalsAreKeptAndOnlyRaised() {
        var given = ContextSignals.neutral
        given.reputation = 1.4
        given.contextual = 0.8
        let state = SessionSnapshot(taintedValues: ["AKIAIOSFODNN7EXAMPLE": "secret"], signals: given)
        let v = verdict(Self.twoMediums, state)
        #expect(v.signals.reputation == 1.4)
        #expect(abs(v.signals.contextual - 0.8 * 1.15) < 1e-9)
    }
}
