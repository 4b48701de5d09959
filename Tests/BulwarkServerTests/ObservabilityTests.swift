import BulwarkCore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulwarkServer

@Suite struct ObservabilityTests {
    @Test func metricsCountDecisionsAndTimeEveryStage() async throws {
        let server = try await TestServer.start()
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "rm -rf /"}}"#)
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "ls"}}"#)
        _ = try await server.request("POST", "/v1/inspect", body: "{}")  // unsigned: refused
        let text = try await server.request("GET", "/metrics").body
        #expect(text.contains(#"bulwark_decisions_total{decision="block"} 1"#), "\(text.prefix(2_000))")
        #expect(text.contains(#"bulwark_decisions_total{decision="allow"} 1"#))
        for stage in ["facets", "protocol", "impact", "taint", "injection", "content", "behaviour", "rules"] {
            #expect(text.contains(#"bulwark_layer_duration_seconds_count{stage="\#(stage)"} 2"#), "stage \(stage) timed twice")
        }
        #expect(text.contains(#"bulwark_requests_refused_total{code="unauthenticated"} 1"#))
        #expect(text.contains("bulwark_commit_queue_depth"))
        // Both judged calls were timed end to end and waited for their commit.
        #expect(text.contains("bulwark_inspect_duration_seconds_count 2"), "\(text)")
        #expect(text.contains("bulwark_commit_wait_seconds_count 2"))
    }

    @Test func theEventStreamCarriesDecisionsAndReviews() async throws {
        let server = try await TestServer.start()
        let socket = try #require(RawSocket(port: server.port))
        socket.send("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(server.adminKey)\r\n\r\n")
        #expect(await socket.read(until: ": bulwark events").contains("text/event-stream"))
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "rm -rf /"}}"#)
        let decision = await socket.read(until: "\n\n")
        #expect(decision.contains("event: decision") && decision.contains(#""decision":"block""#), "\(decision)")
        let reviewed = try await server.inspect(#"{"tool": "transfer_funds", "arguments": {"amount": "50000", "currency": "USD", "to": "acct-77"}}"#)
        let opened = await socket.read(until: "event: review_opened")
        #expect(opened.contains("event: review_opened"), "\(opened)")
        let id = try #require(reviewed.json["review"]?["id"]?.stringValue)
        _ = try await server.request("POST", "/v1/reviews/\(id)/deny", body: #"{"reason": "no"}"#, admin: true)
        let decided = await socket.read(until: "event: review_decided")
        #expect(decided.contains("event: review_decided"), "\(decided)")
    }
}
