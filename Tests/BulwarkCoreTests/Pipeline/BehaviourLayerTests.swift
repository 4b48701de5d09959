import Testing
@testable import BulwarkCore

@Suite struct BehaviourLayerTests {
    let engine = Engine()

    /// 60 calls to read_file with small arguments, all during office hours (9:00–17:00 UTC).
    static var officeProfile: BehaviourProfile {
        var p = BehaviourProfile()
        for i in 0..<60 { p.record(tool: "read_file", argumentSize: 40 + i % 7, hour: 9 + i % 8) }
        for i in 0..<12 { p.record(tool: "send_email", argumentSize: 300 + 10 * i, hour: 10 + i % 6) }
        return p
    }

    func behaviour(_ call: JSONValue, profile: BehaviourProfile? = officeProfile, hour: Int? = 11) -> [Finding] {
        let state = SessionSnapshot(profile: profile, hourOfDay: hour)
        return engine.evaluate(JSONWriter.string(call), state: state).findings.filter { $0.layer == .behaviour }
    }

    @Test func usualCallsRaiseNothing() {
        #expect(behaviour(["tool": "read_file", "arguments": ["path": "src/main.swift"]]).isEmpty)
        #expect(behaviour(["tool": "send_email", "arguments": ["to": "a@example.org", "body": .string(String(repeating: "x", count: 350))]]).isEmpty)
    }

    @Test func anUnfamiliarToolIsALowFinding() {
        let findings = behaviour(["tool": "delete_repository", "arguments": ["name": "app"]])
        #expect(findings.map(\.rule) == ["behaviour.unfamiliar_tool"])
        #expect(findings.allSatisfy { $0.severity == .low })
    }

    @Test func anHourFarFromTheAgentsHabitsIsALowFinding() {
        #expect(behaviour(["tool": "read_file", "arguments": ["path": "a"]], hour: 3).map(\.rule) == ["behaviour.unusual_hour"])
        // An hour next to one the agent uses is not unusual.
        #expect(behaviour(["tool": "read_file", "arguments": ["path": "a"]], hour: 8).isEmpty)
        #expect(behaviour(["tool": "read_file", "arguments": ["path": "a"]], hour: nil).isEmpty)
    }

    @Test func argumentsFarLargerThanUsualAreFlagged() {
        let body = String(repeating: "a", count: 20_000)
        let findings = behaviour(["tool": "send_email", "arguments": ["to": "a@example.org", "body": .string(body)]])
        #expect(findings.map(\.rule) == ["behaviour.argument_size"])
        // Moderately larger arguments stay within the profile's bound.
        #expect(behaviour(["tool": "send_email", "arguments": ["to": "a@example.org", "body": .string(String(repeating: "a", count: 900))]]).isEmpty)
    }

    @Test func deviationsTogetherReachReviewWhereOneAloneIsAllowed() {
        let one = engine.evaluate(JSONWriter.string(["tool": "export_contacts", "arguments": ["format": "csv"]]), state: SessionSnapshot(profile: Self.officeProfile, hourOfDay: 11))
        #expect(one.decision == .allow)
        let big = String(repeating: "b", count: 30_000)
        let several = engine.evaluate(JSONWriter.string(["tool": "send_email", "arguments": ["to": "x@example.org", "body": .string(big)]]), state: SessionSnapshot(profile: Self.officeProfile, hourOfDay: 3))
        #expect(several.findings.filter { $0.layer == .behaviour }.count == 2)
        #expect(several.decision == .review)
    }

    @Test func aYoungProfileIsNotJudged() {
        var young = BehaviourProfile()
        for _ in 0..<10 { young.record(tool: "read_file", argumentSize: 10, hour: 9) }
        #expect(behaviour(["tool": "drop_database", "arguments": [:]], profile: young, hour: 3).isEmpty)
        #expect(behaviour(["tool": "drop_database", "arguments": [:]], profile: nil, hour: 3).isEmpty)
    }

    @Test func theProfileStaysBounded() {
        var p = BehaviourProfile()
        for i in 0..<(BehaviourProfile.maxTools + 500) { p.record(tool: "tool\(i)", argumentSize: 1, hour: 25) }
        #expect(p.toolCounts.count == BehaviourProfile.maxTools)
        #expect(p.calls == BehaviourProfile.maxTools + 500)
        #expect(p.hourCounts.reduce(0, +) == 0, "an out-of-range hour is not counted")
    }

    @Test func sizeCountsStringsKeysAndScalars() {
        #expect(BehaviourProfile.size(of: ["ab": "cde", "n": 1, "l": [true, .null]]) == 1 + 2 + 3 + 1 + 1 + 1 + 1 + 1 + 1)
    }
}
