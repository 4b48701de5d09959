import BulwarkCore
import BulwarkRuntime
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Kill -9 under load, restart: every answered decision is in the chain, the chain verifies,
/// pending reviews survive.
@Suite struct DurabilityTests {
    struct Client {
        let port: Int
        let agent: String
        let secret: String

        func inspect(_ body: String) async throws -> JSONValue? {
            let target = "/v1/inspect"
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(target)")!)
            request.httpMethod = "POST"
            request.httpBody = Data(body.utf8)
            TestServer.sign(&request, target: target, body: body, agent: agent, secret: secret)
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { return nil }
            return try JSONParser().parse(String(decoding: data, as: UTF8.self))
        }

        func admin(_ method: String, _ target: String, key: String, body: String = "{}") async throws -> JSONValue? {
            var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(target)")!)
            request.httpMethod = method
            if method == "POST" { request.httpBody = Data(body.utf8) }
            request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            let (data, _) = try await URLSession.shared.data(for: request)
            return try JSONParser().parse(String(decoding: data, as: UTF8.self))
        }
    }

    @Test func killNineUnderLoadLosesNoAnsweredDecision() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("b.db").path
        let secret = try await ServeProcess.run(["admin", "create-agent", "--db", db, "--id", "loader"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let key = try await ServeProcess.run(["admin", "create-key", "--db", db]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(secret.hasPrefix("bws_") && key.hasPrefix("bwk_admin_"))

        var server = try await ServeProcess.start(db: db, extra: ["--agent-budget", "0"])  // 400 calls in a second are load, not misbehaviour
        var client = Client(port: server.port, agent: "loader", secret: secret)
        let review = try await client.inspect(#"{"tool": "transfer_funds", "arguments": {"amount": "90000", "currency": "USD", "to": "acct-1"}}"#)
        let reviewID = try #require(review?["review"]?["id"]?.stringValue)

        // 400 concurrent decisions; the server is killed while they are in flight.
        let answered = try await withThrowingTaskGroup(of: (Int, String)?.self) { group in
            for i in 0..<400 {
                let c = client
                group.addTask {
                    let command = i % 2 == 0 ? "ls -la dir\(i)" : "rm -rf ~/dir\(i)"
                    guard let verdict = try? await c.inspect(#"{"tool": "bash", "session": "s\#(i % 8)", "arguments": {"command": "\#(command)"}}"#),
                        let seq = verdict["audit_seq"]?.numberValue, let decision = verdict["decision"]?.stringValue
                    else { return nil }
                    return (Int(seq), decision)
                }
            }
            var answered: [(Int, String)] = []
            for try await result in group {
                if let result { answered.append(result) }
                if answered.count == 100 { server.kill9() }
            }
            return answered
        }
        #expect(answered.count >= 100)

        // The chain verifies and holds every answered decision, as answered.
        let verify = try await ServeProcess.run(["audit", "verify", "--db", db])
        #expect(verify.status == 0, "\(verify.stdout)")
        let export = try await ServeProcess.run(["audit", "export", "--db", db]).stdout
        var bySeq: [Int: String] = [:]
        for line in export.split(separator: "\n") {
            guard let record = try? JSONParser().parse(String(line)), let seq = record["seq"]?.numberValue else { continue }
            bySeq[Int(seq)] = record["decision"]?.stringValue
        }
        for (seq, decision) in answered {
            #expect(bySeq[seq] == decision, "answered decision \(seq) (\(decision)) is in the chain")
        }

        // Restart: the pending review is still there and can be decided; the chain continues.
        server = try await ServeProcess.start(db: db, extra: ["--agent-budget", "0"])  // 400 calls in a second are load, not misbehaviour
        client = Client(port: server.port, agent: "loader", secret: secret)
        #expect(try await client.admin("GET", "/v1/reviews/\(reviewID)", key: key)?["status"]?.stringValue == "pending")
        #expect(try await client.admin("POST", "/v1/reviews/\(reviewID)/approve", key: key)?["status"]?.stringValue == "approved")
        #expect(try await client.inspect(#"{"tool": "bash", "arguments": {"command": "ls"}}"#)?["decision"]?.stringValue == "allow")
        server.kill9()
        #expect(try await ServeProcess.run(["audit", "verify", "--db", db]).status == 0)
    }

    /// A chain checked alone cannot show records cut from its end; the head printed by one run,
    /// given back as `--anchor`, does.
    @Test func anAnchorShowsRecordsRemovedFromTheEnd() async throws {
        let server = try await TestServer.start()
        for command in ["ls", "rm -rf /", "git status"] {
            _ = try await server.inspect(#"{"tool": "bash", "arguments": {"command": "\#(command)"}}"#)
        }
        let first = try await ServeProcess.run(["audit", "verify", "--db", server.database])
        #expect(first.status == 0, "\(first.stdout)")
        let head = try #require(first.stdout.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        #expect(head.hasPrefix("3:") && head.utf8.count == 2 + 64, "\(first.stdout)")
        #expect(try await ServeProcess.run(["audit", "verify", "--db", server.database, "--anchor", head]).status == 0)

        // Exported, then cut by its last record: the chain alone still verifies, the anchor does not.
        let lines = try await ServeProcess.run(["audit", "export", "--db", server.database]).stdout.split(separator: "\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("audit-\(UUID().uuidString).jsonl")
        try (lines.dropLast().joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try await ServeProcess.run(["audit", "verify", file.path]).status == 0)
        let cut = try await ServeProcess.run(["audit", "verify", file.path, "--anchor", head])
        #expect(cut.status == 1 && cut.stdout.contains("removed from the end"), "\(cut.stdout)")
        // A missing database is an error, not an empty chain that verifies.
        #expect(try await ServeProcess.run(["audit", "verify", "--db", file.path + ".nope"]).status == 3)
    }
}
