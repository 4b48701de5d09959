import BulwarkCore
import Testing
@testable import BulwarkRuntime

@Suite struct SessionStateTests {
    @Test func hourOfDayIsUTC() {
        #expect(SessionState.hourOfDay(unixTime: 0) == 0)
        #expect(SessionState.hourOfDay(unixTime: 1_700_000_000) == 22)  // 2023-11-14 22:13 UTC
        #expect(SessionState.hourOfDay(unixTime: -1) == nil)
        #expect(SessionState.hourOfDay(unixTime: .nan) == nil)
    }

    @Test func judgedCallsBuildTheProfile() {
        let engine = Engine()
        var state = SessionState()
        for i in 0..<5 {
            let verdict = engine.evaluate(#"{"tool": "read_file", "arguments": {"path": "f\#(i).txt"}}"#, state: state.snapshot(now: Double(i)))
            state.recordCall(verdict, now: Double(i), hourOfDay: 14)
        }
        #expect(state.profile.calls == 5)
        #expect(state.profile.toolCounts["read_file"] == 5)
        #expect(state.profile.hourCounts[14] == 5)
        #expect(state.snapshot(now: 5, hourOfDay: 3).profile == state.profile)
    }

    @Test func theProfileSurvivesTheSessionFileFormat() throws {
        var state = SessionState()
        state.taint("AKIAIOSFODNN7EXAMPLE", label: "aws key")
        for i in 0..<30 { state.profile.record(tool: i % 3 == 0 ? "send_email" : "read_file", argumentSize: 10 + i, hour: i % 24) }
        let restored = SessionState(json: try JSONParser().parse(JSONWriter.string(state.json)))
        #expect(restored.profile.calls == state.profile.calls)
        #expect(restored.profile.toolCounts == state.profile.toolCounts)
        #expect(restored.profile.hourCounts == state.profile.hourCounts)
        #expect(restored.profile.argumentSizes["send_email"]?.max == state.profile.argumentSizes["send_email"]?.max)
        #expect(restored.tainted == state.tainted)
    }

    @Test func aMalformedProfileIsDroppedNotTrusted() throws {
        let p = BehaviourProfile(json: try JSONParser().parse(#"{"calls": -4, "hours": [1, 2], "tools": {"x": {"calls": 3, "size_mean": "a"}}}"#))
        #expect(p.calls == 0)
        #expect(p.hourCounts == Array(repeating: 0, count: 24))
        #expect(p.toolCounts == ["x": 3])
    }
}

@Suite struct RateWindowTests {
    @Test func countsExactlyWithinTheFirstWindow() {
        var w = RateWindow(start: 0)
        for i in 0..<10 { w.record(at: Double(i), window: 60) }
        #expect(w.count(at: 10, window: 60) == 10)
    }

    @Test func thePreviousWindowFadesOut() {
        var w = RateWindow(start: 0)
        for _ in 0..<60 { w.record(at: 30, window: 60) }
        #expect(w.count(at: 60, window: 60) == 60)
        #expect(w.count(at: 90, window: 60) == 30)
        #expect(w.count(at: 120, window: 60) == 0)
        #expect(w.count(at: 1_000, window: 60) == 0)
    }

    @Test func stateStaysSmallUnderABurst() {
        var state = SessionState()
        for i in 0..<100_000 { state.recordCall("read_file", now: Double(i) / 1_000) }
        // 1,000 calls a second: about 60,000 in the last minute.
        #expect((59_000...61_000).contains(state.snapshot(now: 100).recentCalls["read_file"] ?? 0))
        #expect(JSONWriter.string(state.json).utf8.count < 1_000)
    }
}
