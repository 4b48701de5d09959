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
    }

    @Test func theEventStreamCarriesDecisionsAndReviews() async throws {
        let server = try await TestServer.start()
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(connected == 0)
        let head = "GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(server.adminKey)\r\n\r\n"
        _ = head.withCString { send(fd, $0, strlen($0), 0) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func read(until marker: String) -> String {
            var text = ""
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while !text.contains(marker) {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 { break }
                text += String(decoding: buffer[0..<n], as: UTF8.self)
            }
            return text
        }
        #expect(read(until: ": bulwark events").contains("text/event-stream"))
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "rm -rf /"}}"#)
        let decision = read(until: "\n\n")
        #expect(decision.contains("event: decision") && decision.contains(#""decision":"block""#), "\(decision)")
        _ = try await server.inspect(#"{"tool": "transfer_funds", "arguments": {"amount": "50000", "currency": "USD", "to": "acct-77"}}"#)
        let opened = read(until: "event: review_opened")
        #expect(opened.contains("event: review_opened"), "\(opened)")
    }
}
