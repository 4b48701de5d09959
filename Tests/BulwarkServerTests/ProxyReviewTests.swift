import BulwarkCore
import Foundation
import Testing
@testable import BulwarkServer

/// `bulwark mcp-proxy --review-service` against the real service: a call sent to review waits
/// for a human, other messages keep flowing, and only an approval releases the call.
@Suite struct ProxyReviewTests {
    /// The proxy around `Tests/MCPPeers/raw_server.py echo`, driven line by line.
    final class Proxy: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let condition = NSCondition()
        var lines: [JSONValue] = []

        init(service: TestServer) throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            process.executableURL = URL(fileURLWithPath: try ServeProcess.binary())
            process.arguments = ["mcp-proxy", "--review-service", "http://127.0.0.1:\(service.port)", "--review-agent", service.agent, "--review-wait", "20",
                                 "--", "/usr/bin/env", "python3", root.appendingPathComponent("MCPPeers/raw_server.py").path, "echo"]
            var environment = ProcessInfo.processInfo.environment
            environment["BULWARK_AGENT_SECRET"] = service.agentSecret
            process.environment = environment
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let handle = output.fileHandleForReading
            Thread.detachNewThread { [self] in
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let nl = buffer.firstIndex(of: 0x0A) {
                        let text = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                        let line = (try? JSONParser().parse(text)) ?? .string(text)
                        buffer.removeSubrange(buffer.startIndex...nl)
                        condition.lock(); lines.append(line); condition.broadcast(); condition.unlock()
                    }
                }
            }
        }

        deinit { if process.isRunning { process.terminate() } }

        func send(_ line: String) { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }

        /// The next reply, in arrival order. Polls with `Task.sleep`: blocking a thread here would
        /// starve the in-process server, which shares the test's concurrency pool.
        func next(timeout: Double = 20) async -> JSONValue? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                // (Not `lines.isEmpty ? nil : …`: JSONValue takes `nil` as its own `.null`.)
                let line: JSONValue? = condition.withLock { () -> JSONValue? in
                    if lines.isEmpty { return Optional.none }
                    return lines.removeFirst()
                }
                if let line { return line }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return nil
        }
    }

    static func transfer(_ id: Int, to account: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"transfer_funds","arguments":{"amount":"50000","currency":"USD","to":"\#(account)"}}}"#
    }

    func pendingReview(_ server: TestServer) async throws -> String? {
        for _ in 0..<100 {
            if let id = try await server.request("GET", "/v1/reviews?status=pending", admin: true).json["reviews"]?.arrayValue?.first?["id"]?.stringValue { return id }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func anApprovedCallIsForwardedAndOthersFlowMeanwhile() async throws {
        let server = try await TestServer.start()
        let proxy = try Proxy(service: server)
        proxy.send(Self.transfer(1, to: "acct-77"))
        let review = try #require(try await pendingReview(server))
        proxy.send(#"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#)
        let listed = await proxy.next()
        #expect(listed?["id"]?.numberValue == 2, "a held call does not stall other requests: \(String(describing: listed))")
        _ = try await server.request("POST", "/v1/reviews/\(review)/approve", body: #"{"reason": "invoice 4411"}"#, admin: true)
        let released = await proxy.next()
        #expect(released?["id"]?.numberValue == 1)
        #expect(released?["result"]?["isError"]?.boolValue == false, "the server's own result: \(String(describing: released))")
        #expect((released?["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue ?? "").contains("acct-77"))
    }

    @Test func aDeniedCallIsRefusedWithTheReview() async throws {
        let server = try await TestServer.start()
        let proxy = try Proxy(service: server)
        proxy.send(Self.transfer(3, to: "acct-99"))
        let review = try #require(try await pendingReview(server))
        _ = try await server.request("POST", "/v1/reviews/\(review)/deny", body: #"{"reason": "unknown payee"}"#, admin: true)
        let refused = await proxy.next()
        #expect(refused?["id"]?.numberValue == 3)
        #expect(refused?["result"]?["isError"]?.boolValue == true)
        #expect((refused?["result"]?["content"]?.arrayValue?.first?["text"]?.stringValue ?? "").contains(review))
    }
}
