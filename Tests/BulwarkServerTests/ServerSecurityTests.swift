import BulwarkCore
import BulwarkRuntime
import BulwarkStoreSQLite
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BulwarkServer

@Suite struct ServerSecurityTests {
    static let call = #"{"tool": "read_file", "arguments": {"path": "README.md"}}"#

    func code(_ reply: TestServer.Reply) -> String? { reply.json["error"]?["code"]?.stringValue }

    @Test func unsignedRequestsAreRefused() async throws {
        let server = try await TestServer.start()
        let reply = try await server.request("POST", "/v1/inspect", body: Self.call)
        #expect(reply.status == 401 && code(reply) == "unauthenticated")
    }

    @Test func aTamperedBodyOrAWrongSecretIsRefused() async throws {
        let server = try await TestServer.start()
        // Signed for one body, sent with another.
        let now = Int(Date().timeIntervalSince1970)
        let headers = RequestSignature.headers(agent: server.agent, secret: server.agentSecret, method: "POST", target: "/v1/inspect", body: Array(Self.call.utf8), timestamp: now, nonce: "nonce-tamper-1")
        let tampered = try await server.request("POST", "/v1/inspect", body: Self.call.replacingOccurrences(of: "README.md", with: "/etc/shadow"), headers: headers)
        #expect(tampered.status == 401 && code(tampered) == "bad_signature")
        let wrong = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, secret: "not-the-secret")
        #expect(wrong.status == 401 && code(wrong) == "bad_signature")
        let unknown = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, agent: "ghost")
        #expect(unknown.status == 401 && code(unknown) == "bad_signature")
    }

    @Test func aReplayedRequestIsRefused() async throws {
        let server = try await TestServer.start()
        let now = Int(Date().timeIntervalSince1970)
        let first = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, timestamp: now, nonce: "nonce-replay-1")
        #expect(first.status == 200)
        let again = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, timestamp: now, nonce: "nonce-replay-1")
        #expect(again.status == 401 && code(again) == "replayed")
    }

    @Test func anExpiredTimestampIsRefused() async throws {
        let server = try await TestServer.start()
        let old = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, timestamp: Int(Date().timeIntervalSince1970) - 3_600)
        #expect(old.status == 401 && code(old) == "expired")
        let future = try await server.request("POST", "/v1/inspect", body: Self.call, sign: true, timestamp: Int(Date().timeIntervalSince1970) + 3_600)
        #expect(future.status == 401 && code(future) == "expired")
    }

    @Test func anAgentKeyCannotApproveOrAdminister() async throws {
        let server = try await TestServer.start()
        for (method, path) in [("POST", "/v1/reviews/rev_x/approve"), ("GET", "/v1/reviews"), ("POST", "/v1/agents"), ("GET", "/v1/audit"), ("DELETE", "/v1/agents/agent-1")] {
            let reply = try await server.request(method, path, body: method == "POST" ? #"{"id": "x"}"# : "", sign: true)
            #expect(reply.status == 403, "\(method) \(path) with an agent signature: \(reply.status)")
        }
        let badKey = try await server.request("GET", "/v1/reviews", headers: [("Authorization", "Bearer bwk_admin_aaaaaaaa_" + String(repeating: "b", count: 40))])
        #expect(badKey.status == 401 && code(badKey) == "bad_admin_key")
        // An admin may administer but not inspect as an agent.
        let adminInspect = try await server.request("POST", "/v1/inspect", body: Self.call, admin: true)
        #expect(adminInspect.status == 403)
    }

    /// `bulwark admin revoke-key` ends an admin key: a fresh check refuses it, and a running
    /// service's cache of verified keys forgets it within 30 seconds.
    @Test func aRevokedAdminKeyIsRefused() async throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-revoke-\(UUID().uuidString).db").path
        let created = try await ServeProcess.run(["admin", "create-key", "--db", db])
        let key = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let id = try #require(AdminKey.id(of: key), "\(key)")
        let store = try SQLiteStore(path: db)
        let bearer: (String) -> String? = { $0 == "Authorization" ? "Bearer \(key)" : nil }
        let before = Authenticator(store: store, replayWindow: 300)
        #expect(try await before.identify(method: "GET", target: "/v1/agents", header: bearer, body: []).isAdmin)
        #expect(try await ServeProcess.run(["admin", "revoke-key", "--db", db, "--id", id]).status == 0)
        #expect(try await ServeProcess.run(["admin", "revoke-key", "--db", db, "--id", "nosuchid"]).status != 0)
        #expect(try await ServeProcess.run(["admin", "create-agent", "--db", db, "--id", "x", "--roles", "admin"]).status == 64, "no agent is registered as admin from the CLI either")
        #expect(try await ServeProcess.run(["admin", "revoke-key", "--db", db + ".missing", "--id", id]).status == 3)
        await #expect(throws: ServiceError.self) {
            _ = try await Authenticator(store: store, replayWindow: 300).identify(method: "GET", target: "/v1/agents", header: bearer, body: [])
        }
        let later = Date().timeIntervalSince1970 + Authenticator.adminCacheSeconds + 1
        await #expect(throws: ServiceError.self) {
            _ = try await before.identify(method: "GET", target: "/v1/agents", header: bearer, body: [], now: later)
        }
    }

    /// Admin access is a key type, never a role an agent can be registered with.
    @Test func anAgentCannotBeRegisteredAsAdmin() async throws {
        let server = try await TestServer.start()
        let refused = try await server.request("POST", "/v1/agents", body: #"{"id": "sneaky", "roles": ["Admin"]}"#, admin: true)
        #expect(refused.status == 400, "\(refused.body)")
        #expect(try await server.request("POST", "/v1/agents", body: #"{"id": "fine", "roles": ["deployer"]}"#, admin: true).status == 201)
    }

    /// A commit that did not reach the store is a 503 (nothing was decided), not a 500.
    @Test func aFailedCommitIsA503() {
        struct DiskFull: Error {}
        let response = APIResponses.error(CommitFailure(underlying: DiskFull()))
        #expect(response.status.code == 503)
    }

    @Test func oversizedAndMalformedBodiesGetClearErrors() async throws {
        let server = try await TestServer.start { $0.maxBodyBytes = 4_096 }
        let big = #"{"tool": "x", "arguments": {"t": ""# + String(repeating: "a", count: 10_000) + #""}}"#
        let oversized = try await server.request("POST", "/v1/inspect", body: big, sign: true)
        #expect(oversized.status == 413 && code(oversized) == "body_too_large")
        let malformed = try await server.inspect(#"{"tool": "bash", "arguments": "#)
        #expect(malformed.status == 400 && code(malformed) == "bad_input", "\(malformed.body)")
        #expect(try await server.request("GET", "/healthz").status == 200, "the server stays up")
    }

    /// The default limit (1 MiB) holds for a body sent in chunks, without a Content-Length.
    @Test func aChunkedBodyOverTheDefaultLimitIsRefused() async throws {
        let server = try await TestServer.start()
        let socket = try #require(RawSocket(port: server.port))
        socket.send("POST /v1/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n")
        let chunk = String(repeating: "a", count: 64 << 10)
        for _ in 0..<20 { socket.send(String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n") }  // 1.25 MiB
        socket.send("0\r\n\r\n")
        let reply = await socket.read(until: "\r\n\r\n", timeout: 10)
        #expect(reply.hasPrefix("HTTP/1.1 413"), "\(reply.prefix(200))")
        #expect(try await server.request("GET", "/healthz").status == 200, "the server stays up")
    }

    /// A deleted agent's secret no longer opens anything.
    @Test func aDeletedAgentIsRefused() async throws {
        let server = try await TestServer.start()
        #expect(try await server.inspect(Self.call).status == 200)
        #expect(try await server.request("DELETE", "/v1/agents/agent-1", admin: true).status == 200)
        let refused = try await server.inspect(Self.call)
        #expect(refused.status == 401, "\(refused.status) \(refused.body)")
    }

    @Test func aSlowClientGetsA408() async throws {
        let server = try await TestServer.start { $0.bodyTimeout = 0.5 }
        let socket = try #require(RawSocket(port: server.port))
        socket.send("POST /v1/inspect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"tool\"")
        let reply = await socket.read(until: "\r\n\r\n", timeout: 5)
        #expect(reply.hasPrefix("HTTP/1.1 408"), "\(reply)")
        // On the Claude Code hook the same timeout is a deny: Claude Code would run the tool on a 408.
        let hook = try #require(RawSocket(port: server.port))
        hook.send("POST /v1/hooks/claude-code HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"tool_name\"")
        let denied = await hook.read(until: "}}", timeout: 5)
        #expect(denied.hasPrefix("HTTP/1.1 200") && denied.contains(#""permissionDecision":"deny""#), "\(denied)")
        #expect(try await server.request("GET", "/healthz").status == 200)
    }
}
