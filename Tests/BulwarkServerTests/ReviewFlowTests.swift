import BulwarkCore
import Foundation
import Testing
@testable import BulwarkServer

@Suite struct ReviewFlowTests {
    static let transfer = #"{"tool": "transfer_funds", "arguments": {"amount": "50000", "currency": "USD", "to": "acct-77"}}"#

    @Test func anApprovalReleasesExactlyThatActionOnce() async throws {
        let server = try await TestServer.start()
        let first = try await server.inspect(Self.transfer)
        #expect(first.json["decision"]?.stringValue == "review", "\(first.body)")
        let id = try #require(first.json["review"]?["id"]?.stringValue)
        #expect(first.json["review"]?["status"]?.stringValue == "pending")

        // Asking again before a decision finds the same review.
        #expect(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue == id)
        // A changed action is a new review.
        let changed = try await server.inspect(Self.transfer.replacingOccurrences(of: "acct-77", with: "acct-78"))
        #expect(changed.json["review"]?["id"]?.stringValue != id)

        let approved = try await server.request("POST", "/v1/reviews/\(id)/approve", body: #"{"reason": "invoice 4411"}"#, admin: true)
        #expect(approved.json["status"]?.stringValue == "approved")
        #expect(approved.json["decided_by"]?.stringValue?.hasPrefix("admin:") == true)

        let released = try await server.inspect(Self.transfer)
        #expect(released.json["decision"]?.stringValue == "allow")
        #expect(released.json["policy_rule"]?.stringValue == "review:\(id)")
        #expect(released.json["review"]?["status"]?.stringValue == "consumed")

        let replayed = try await server.inspect(Self.transfer)
        #expect(replayed.json["decision"]?.stringValue == "review", "the approval was used once")
        #expect(replayed.json["review"]?["id"]?.stringValue != id)

        let again = try await server.request("POST", "/v1/reviews/\(id)/approve", admin: true)
        #expect(again.status == 409)
    }

    @Test func aDenialBlocksTheAction() async throws {
        let server = try await TestServer.start()
        let id = try #require(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue)
        _ = try await server.request("POST", "/v1/reviews/\(id)/deny", body: #"{"reason": "unknown payee"}"#, admin: true)
        let denied = try await server.request("GET", "/v1/reviews/\(id)", sign: true)
        #expect(denied.json["status"]?.stringValue == "denied")
        #expect(denied.json["reason"]?.stringValue == "unknown payee")
        // The same action asked again is blocked by that denial, not sent to a new review.
        for _ in 0..<2 {
            let again = try await server.inspect(Self.transfer)
            #expect(again.json["decision"]?.stringValue == "block", "\(again.body)")
            #expect(again.json["policy_rule"]?.stringValue == "review:\(id)")
            #expect(again.json["review"]?["status"]?.stringValue == "denied")
        }
        // A changed action is judged anew.
        let changed = try await server.inspect(Self.transfer.replacingOccurrences(of: "acct-77", with: "acct-78"))
        #expect(changed.json["decision"]?.stringValue == "review")
    }

    /// The approval of a call to one MCP server, or in one working directory, does not release
    /// the same call to another server or in another directory.
    @Test func anApprovalIsBoundToTheServerAndTheDirectory() async throws {
        let server = try await TestServer.start()
        func hook(_ tool: String, cwd: String) -> String {
            #"{"session_id": "s1", "hook_event_name": "PreToolUse", "cwd": "\#(cwd)", "tool_name": "\#(tool)", "tool_input": {"amount": "50000", "currency": "USD", "to": "acct-77"}}"#
        }
        let staging = hook("mcp__staging__transfer_funds", cwd: "/home/u/app")
        let first = try await server.inspect(staging)
        #expect(first.json["decision"]?.stringValue == "review", "\(first.body)")
        let id = try #require(first.json["review"]?["id"]?.stringValue)
        _ = try await server.request("POST", "/v1/reviews/\(id)/approve", admin: true)
        for other in [hook("mcp__prod__transfer_funds", cwd: "/home/u/app"), hook("mcp__staging__transfer_funds", cwd: "/home/u/other")] {
            let reply = try await server.inspect(other)
            #expect(reply.json["decision"]?.stringValue == "review", "\(reply.body)")
            #expect(reply.json["review"]?["id"]?.stringValue != id)
        }
        #expect(try await server.inspect(staging).json["decision"]?.stringValue == "allow")
    }

    @Test func aCallerCanWaitForTheDecision() async throws {
        let server = try await TestServer.start()
        let id = try #require(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue)
        async let waited = server.request("GET", "/v1/reviews/\(id)?wait=20s", sign: true)
        try await Task.sleep(for: .milliseconds(300))
        let start = Date()
        _ = try await server.request("POST", "/v1/reviews/\(id)/approve", admin: true)
        let reply = try await waited
        #expect(reply.json["status"]?.stringValue == "approved")
        #expect(Date().timeIntervalSince(start) < 5, "the long poll ends when the review is decided")
        // Inspect with ?wait releases the approved action in the same call.
        #expect(try await server.inspect(Self.transfer, query: "?wait=1s").json["decision"]?.stringValue == "allow")
    }

    @Test func reviewsExpire() async throws {
        let server = try await TestServer.start { $0.reviewTTL = 0.2 }
        let id = try #require(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await server.request("GET", "/v1/reviews/\(id)", admin: true).json["status"]?.stringValue == "expired")
        #expect(try await server.request("POST", "/v1/reviews/\(id)/approve", admin: true).status == 409)
        let next = try await server.inspect(Self.transfer)
        #expect(next.json["review"]?["id"]?.stringValue != id, "an expired review is not reused")
        // The expiry is in the audit chain; a listing of pending reviews leaves out expired ones.
        #expect(try await server.request("GET", "/v1/audit", admin: true).body.contains("review_expired"))
        let nextID = try #require(next.json["review"]?["id"]?.stringValue)
        try await Task.sleep(for: .milliseconds(400))
        let pending = try await server.request("GET", "/v1/reviews?status=pending", admin: true)
        #expect(!pending.body.contains(nextID), "\(pending.body)")
    }

    /// An approval is for the action asked then: unused within the review lifetime, it expires.
    @Test func anUnusedApprovalExpires() async throws {
        let clock = ManualClock()
        let server = try await TestServer.start {
            $0.reviewTTL = 60
            $0.clock = { clock.now }
        }
        let id = try #require(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue)
        let approved = try await server.request("POST", "/v1/reviews/\(id)/approve", admin: true)
        #expect(approved.json["status"]?.stringValue == "approved", "\(approved.status) \(approved.body)")
        clock.advance(by: 61)
        let later = try await server.inspect(Self.transfer)
        #expect(later.json["decision"]?.stringValue == "review", "\(later.body)")
        #expect(later.json["review"]?["id"]?.stringValue != id)
        #expect(try await server.request("GET", "/v1/reviews/\(id)", admin: true).json["status"]?.stringValue == "expired")
    }

    @Test func anotherAgentCannotSeeTheReview() async throws {
        let server = try await TestServer.start()
        let id = try #require(try await server.inspect(Self.transfer).json["review"]?["id"]?.stringValue)
        let created = try await server.request("POST", "/v1/agents", body: #"{"id": "other"}"#, admin: true)
        let secret = try #require(created.json["secret"]?.stringValue)
        let peek = try await server.request("GET", "/v1/reviews/\(id)", sign: true, secret: secret, agent: "other")
        #expect(peek.status == 404)
    }
}

/// A clock the test moves by hand (`ServiceConfiguration.clock`).
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var time = Date().timeIntervalSince1970
    var now: Double { lock.withLock { time } }
    func advance(by seconds: Double) { lock.withLock { time += seconds } }
}
