import Foundation
import Testing

/// Misbehaving peers: the proxy reports, never forwards what it could not judge, answers every
/// request it accepted, audits, and exits with the server's status.
@Suite struct ProxyFailureTests {
    func text(_ response: [String: Any]?) -> String {
        (((response?["result"] as? [String: Any])?["content"] as? [[String: Any]])?.first?["text"] as? String) ?? ""
    }

    @Test func idsKeepTheirTypeAndUnknownMethodsPassThrough() throws {
        let s = try RawProxySession(mode: "echo")
        s.send(#"{"jsonrpc":"2.0","id":"s-1","method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}"#)
        let first = s.next()
        #expect(first?["id"] as? String == "s-1")
        s.send(#"{"jsonrpc":"2.0","id":7,"method":"vendor/custom","params":{"x":1}}"#)
        let second = s.next()
        #expect(second?["id"] as? Int == 7)
        #expect(second?["result"] != nil)
        s.closeInput()
        #expect(s.exitStatus() == 0)
    }

    @Test func malformedClientLinesAreAnsweredAndNotForwarded() throws {
        let s = try RawProxySession(mode: "echo")
        s.send("{not json")
        let reply = s.next()
        #expect((reply?["error"] as? [String: Any])?["code"] as? Int == -32700)
        s.send(#"{"jsonrpc":"2.0","id":2,"params":{}}"#)
        #expect((s.next()?["error"] as? [String: Any])?["code"] as? Int == -32600)
        // Still relaying afterwards.
        s.send(RawProxySession.call(3, "echo", #"{"text":"after"}"#))
        #expect(text(s.next()).contains("after"))
        s.closeInput()
        _ = s.exitStatus()
    }

    @Test func serverGarbageIsDroppedAndReported() throws {
        let s = try RawProxySession(mode: "garbage")
        s.send(RawProxySession.call(1, "echo", #"{"text":"x"}"#))
        let reply = s.next()
        #expect(reply?["id"] as? Int == 1, "the garbage line must not reach the client: \(String(describing: reply))")
        s.closeInput()
        _ = s.exitStatus()
        let audit = try String(contentsOfFile: s.audit, encoding: .utf8)
        #expect(audit.contains("server_malformed"))
    }

    @Test func aServerCrashAnswersPendingCallsAndExitsWithItsStatus() throws {
        let s = try RawProxySession(mode: "crash")
        s.send(RawProxySession.call(1, "echo", #"{"text":"x"}"#))
        let reply = s.next()
        #expect((reply?["error"] as? [String: Any])?["message"] as? String == "The MCP server exited before answering this call to echo")
        #expect(s.exitStatus() == 3)
        let (status, _) = try Peers.verifyAudit(s.audit)
        #expect(status == 0)
    }

    @Test func aFiftyMegabyteResultIsWithheldNotForwarded() throws {
        let s = try RawProxySession(mode: "huge", proxyArguments: ["--max-line", "\(1 << 20)"])
        s.send(RawProxySession.call(1, "echo", #"{"text":"x"}"#))
        let reply = s.next(timeout: 30)
        #expect(reply?["id"] as? Int == 1)
        #expect((reply?["result"] as? [String: Any])?["isError"] as? Bool == true)
        #expect(text(reply).contains("over 1048576 bytes"))
        s.send(RawProxySession.call(2, "echo", #"{"text":"next"}"#))
        #expect(text(s.next()).contains("next"))
        s.closeInput()
        _ = s.exitStatus()
    }

    @Test func aRugPullFlagsTheTool() throws {
        let s = try RawProxySession(mode: "rug")
        s.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        _ = s.next()
        s.send(RawProxySession.call(2, "echo", #"{"text":"before"}"#))
        #expect(text(s.next()).contains("before"))
        s.send(#"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#)
        let listing = s.next()
        // The listing itself is forwarded untouched.
        #expect(((listing?["result"] as? [String: Any])?["tools"] as? [Any])?.count == 1)
        s.send(RawProxySession.call(4, "echo", #"{"text":"after"}"#))
        let refused = s.next()
        #expect((refused?["result"] as? [String: Any])?["isError"] as? Bool == true)
        #expect(text(refused).contains("protocol.tool_changed") || text(refused).contains("protocol.tool_description_injection"), "\(text(refused))")
        s.closeInput()
        _ = s.exitStatus()
        let audit = try String(contentsOfFile: s.audit, encoding: .utf8)
        #expect(audit.contains("protocol.tool_changed"))
    }

    @Test func aSchemaViolationIsAFindingWithItsPointer() throws {
        let s = try RawProxySession(mode: "echo")
        s.send(#"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#)
        _ = s.next()
        s.send(RawProxySession.call(2, "echo", #"{"text": 5}"#))
        let refused = s.next()
        #expect((refused?["result"] as? [String: Any])?["isError"] as? Bool == true)
        #expect(text(refused).contains("/text"), "\(text(refused))")
        s.closeInput()
        _ = s.exitStatus()
    }

    @Test func perToolRateLimitsHoldCalls() throws {
        let s = try RawProxySession(mode: "echo", proxyArguments: ["--rate-limit", "5"])
        for i in 1...5 {
            s.send(RawProxySession.call(i, "echo", #"{"text":"n\#(i)"}"#))
            #expect(text(s.next()).contains("n\(i)"))
        }
        s.send(RawProxySession.call(6, "echo", #"{"text":"n6"}"#))
        #expect(text(s.next()).contains("behaviour.rate_limit"))
        s.closeInput()
        _ = s.exitStatus()
    }

    @Test func twoHundredConcurrentCallsAllComeBack() throws {
        let s = try RawProxySession(mode: "echo", proxyArguments: ["--rate-limit", "0"])
        for i in 1...200 { s.send(RawProxySession.call(i, "echo", #"{"text":"n\#(i)"}"#)) }
        var seen = Set<Int>()
        for _ in 1...200 {
            guard let reply = s.next(), let id = reply["id"] as? Int else { break }
            #expect(text(reply).contains("n\(id)\""))
            seen.insert(id)
        }
        #expect(seen == Set(1...200))
        s.closeInput()
        #expect(s.exitStatus() == 0)
    }

    @Test func aClientDisconnectingMidCallStopsTheServerAndAuditsTheCall() throws {
        let s = try RawProxySession(mode: "silent")
        s.send(RawProxySession.call(1, "echo", #"{"text":"never answered"}"#))
        s.closeInput()
        #expect(s.exitStatus() == 0, "the server exits when its input closes; its status is the proxy's")
        let audit = try String(contentsOfFile: s.audit, encoding: .utf8)
        #expect(audit.contains(#""event":"client_disconnected""#) && audit.contains(#""in_flight":1"#))
        #expect(audit.contains(#""event":"server_exited""#), "the call that was in flight is recorded as unanswered")
        let (status, _) = try Peers.verifyAudit(s.audit)
        #expect(status == 0)
    }

    @Test func aServerThatIgnoresTheDisconnectIsKilled() throws {
        let s = try RawProxySession(mode: "stubborn", proxyArguments: ["--shutdown-grace", "0.2"])
        s.send(RawProxySession.call(1, "echo", #"{"text":"x"}"#))
        s.closeInput()
        #expect(s.exitStatus() == 128 + SIGKILL, "SIGTERM is ignored, so SIGKILL follows the grace period")
    }

    @Test func aMissingServerIsExit69() throws {
        let run = try Peers.run(try Peers.binary(), ["mcp-proxy", "--", "/nonexistent/server"])
        #expect(run.status == 69)
        #expect(run.stderr.contains("cannot start the server"))
    }
}
