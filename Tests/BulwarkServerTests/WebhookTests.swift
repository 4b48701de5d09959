import BulwarkCore
import BulwarkRuntime
import Foundation
import Testing
import BulwarkStoreSQLite
@testable import BulwarkServer

/// Webhooks delivered to a real HTTP receiver (`Tests/ServerPeers/webhook_receiver.py`).
@Suite struct WebhookTests {
    final class Receiver: @unchecked Sendable {
        let process = Process()
        let directory: URL
        let port: Int

        /// Starts the receiver and waits for its port, off the cooperative pool (see `ServeProcess.offPool`).
        static func start(script name: String = "webhook_receiver.py") async throws -> Receiver {
            try await ServeProcess.offPool { try Receiver(script: name) }
        }

        private init(script name: String) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-hooks-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("ServerPeers/\(name)")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, directory.path]
            // Not the test's own output: a child holding it open would stall the test runner.
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let portFile = directory.appendingPathComponent("port")
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: portFile.path), Date() < deadline { usleep(20_000) }  // brief, at start
            port = Int((try? String(contentsOf: portFile, encoding: .utf8)) ?? "") ?? 0
        }

        deinit { process.terminate() }

        func accept(_ yes: Bool) {
            let ok = directory.appendingPathComponent("ok")
            if yes { FileManager.default.createFile(atPath: ok.path, contents: Data()) } else { try? FileManager.default.removeItem(at: ok) }
        }

        var log: [JSONValue] {
            let text = (try? String(contentsOf: directory.appendingPathComponent("log.jsonl"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { try? JSONParser().parse(String($0)) }
        }

        /// Waits until `count` deliveries were answered 200.
        func delivered(_ count: Int, timeout: Double = 15) async -> [JSONValue] {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let ok = log.filter { $0["status"]?.numberValue == 200 }
                if ok.count >= count { return ok }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return log.filter { $0["status"]?.numberValue == 200 }
        }
    }

    static let transfer = #"{"tool": "transfer_funds", "arguments": {"amount": "50000", "currency": "USD", "to": "acct-77"}}"#

    /// `bulwark_webhook_outbox_depth` from `/metrics`.
    static func outboxDepth(_ server: TestServer) async throws -> Double {
        let text = try await server.request("GET", "/metrics").body
        let line = text.split(separator: "\n").first { $0.hasPrefix("bulwark_webhook_outbox_depth ") }
        return line.flatMap { Double($0.split(separator: " ").last ?? "") } ?? -1
    }

    @Test func eventsAreSignedAndRetriedUntilDelivered() async throws {
        let receiver = try await Receiver.start()
        let server = try await TestServer.start { $0.webhookBackoff = 0.2 }
        let created = try await server.request("POST", "/v1/webhooks", body: #"{"url": "http://127.0.0.1:\#(receiver.port)/hook", "events": ["review_opened", "decision.block"]}"#, admin: true)
        #expect(created.status == 201, "\(created.body)")
        let secret = try #require(created.json["secret"]?.stringValue)
        _ = try await server.inspect(Self.transfer)
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "rm -rf /"}}"#)
        _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "ls"}}"#)  // allowed: not sent
        try await Task.sleep(for: .milliseconds(700))
        #expect(receiver.log.contains { $0["status"]?.numberValue == 500 }, "the receiver refused the first attempts")
        #expect(try await Self.outboxDepth(server) == 2, "both deliveries wait in the outbox")
        receiver.accept(true)
        let delivered = await receiver.delivered(2)
        #expect(delivered.count == 2)
        var depth = -1.0
        for _ in 0..<40 where depth != 0 {
            try await Task.sleep(for: .milliseconds(100))
            depth = try await Self.outboxDepth(server)
        }
        #expect(depth == 0, "the outbox is empty once delivered")
        let types = Set(delivered.compactMap { (try? JSONParser().parse($0["body"]?.stringValue ?? ""))?["type"]?.stringValue })
        #expect(types == ["review_opened", "decision"])
        for d in delivered {
            let header = d["headers"]?["X-Bulwark-Signature"]?.stringValue ?? ""
            #expect(WebhookSignature.isValid(header, secret: secret, body: d["body"]?.stringValue ?? ""), "signature \(header)")
            #expect(!WebhookSignature.isValid(header, secret: "whs_wrong", body: d["body"]?.stringValue ?? ""))
        }
        #expect(try await server.request("GET", "/v1/webhooks", admin: true).body.contains(#""failed_deliveries":[]"#))
    }

    @Test func pendingDeliveriesSurviveAKillAndRestart() async throws {
        let receiver = try await Receiver.start()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("b.db").path
        let secret = try await ServeProcess.run(["admin", "create-agent", "--db", db, "--id", "a1"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try await ServeProcess.run(["admin", "create-key", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        var server = try await ServeProcess.start(db: db)
        var client = DurabilityTests.Client(port: server.port, agent: "a1", secret: secret)
        _ = try await client.admin("POST", "/v1/webhooks", key: key, body: #"{"url": "http://127.0.0.1:\#(receiver.port)/hook", "events": ["review_opened"]}"#)
        _ = try await client.inspect(Self.transfer)
        try await Task.sleep(for: .milliseconds(500))
        server.kill9()
        #expect(receiver.log.count >= 1 && receiver.log.allSatisfy { $0["status"]?.numberValue == 500 }, "attempted and refused before the kill")
        #expect(try await SQLiteStore(path: db).dueDeliveries(now: .greatestFiniteMagnitude, limit: 10).count == 1, "the delivery is still in the outbox")
        receiver.accept(true)
        server = try await ServeProcess.start(db: db)
        client = DurabilityTests.Client(port: server.port, agent: "a1", secret: secret)
        let delivered = await receiver.delivered(1, timeout: 20)
        #expect(delivered.count == 1, "the outbox item queued before the kill is delivered after the restart")
        server.kill9()
    }

    @Test func badWebhooksAreRefused() async throws {
        let server = try await TestServer.start()
        #expect(try await server.request("POST", "/v1/webhooks", body: #"{"url": "ftp://x"}"#, admin: true).status == 400)
        #expect(try await server.request("POST", "/v1/webhooks", body: #"{"url": "https://x.example", "events": ["everything"]}"#, admin: true).status == 400)
        #expect(try await server.request("POST", "/v1/webhooks", body: #"{"url": "https://x.example"}"#, sign: true).status == 403)
    }
}
