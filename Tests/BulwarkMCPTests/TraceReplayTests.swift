import Foundation
import Testing

/// The captured wire traces of real SDK sessions (../shared/reference/mcp_peer/fixtures), replayed
/// through the proxy: every server message reaches the client unchanged and in order.
@Suite struct TraceReplayTests {
    static let fixtures = Peers.root.deletingLastPathComponent().appendingPathComponent("shared/reference/mcp_peer/fixtures")

    static var traces: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
    }

    @Test func fixturesArePresent() {
        #expect(Self.traces.count >= 5, "expected the captured traces in \(Self.fixtures.path)")
    }

    @Test(arguments: traces)
    func replayedTraceIsRelayedUnchanged(_ name: String) throws {
        let path = Self.fixtures.appendingPathComponent(name).path
        let entries = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        let session = try RawProxySession(server: ["/usr/bin/env", "python3", Peers.scripts.appendingPathComponent("replay_server.py").path, path])
        var index = 0
        while index < entries.count, entries[index]["dir"] as? String == "s2c" { index += 1 }
        var expected: [NSDictionary] = []
        for entry in entries {
            if entry["dir"] as? String == "s2c", let msg = entry["msg"] as? [String: Any] { expected.append(msg as NSDictionary) }
        }
        for entry in entries where entry["dir"] as? String == "c2s" {
            let msg = entry["msg"] as! [String: Any]
            session.send(String(decoding: try JSONSerialization.data(withJSONObject: msg), as: UTF8.self))
        }
        var received: [NSDictionary] = []
        while received.count < expected.count, let line = session.next(timeout: 10) { received.append(line as NSDictionary) }
        #expect(received == expected, "\(name): \(received.count) of \(expected.count) server messages relayed unchanged")
        session.closeInput()
        _ = session.exitStatus()
        let (status, _) = try Peers.verifyAudit(session.audit)
        #expect(status == 0)
    }
}
