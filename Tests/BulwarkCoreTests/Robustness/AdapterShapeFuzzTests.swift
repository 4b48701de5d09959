import Testing
@testable import BulwarkCore

/// Random JSON documents built from the keys every adapter looks at, with values of the wrong
/// type, wrong depth or extreme size. Every one must give a verdict (block with an error when
/// it is not an action); none may trap.
@Suite struct AdapterShapeFuzzTests {
    static let keys = [
        "jsonrpc", "id", "method", "params", "name", "arguments", "_meta", "io.modelcontextprotocol/protocolVersion", "tool_name",
        "tool_input", "hook_event_name", "tool_response", "cwd", "session_id", "agent_id", "tool_use_id", "choices", "message",
        "tool_calls", "function", "custom", "type", "call_id", "output", "content", "input", "server_label", "server_name", "tool",
        "args", "kind", "phase", "result", "context", "home", "command", "file_path", "url", "method", "query", "amount", "currency",
        "edits", "text", "body", "path",
    ]
    static let strings = [
        "tools/call", "PreToolUse", "PostToolUse", "Bash", "Read", "Write", "WebFetch", "mcp__a__b", "mcp__", "function", "custom",
        "function_call", "mcp_call", "tool_use", "mcp_tool_use", "shell", "sql", "payment", "post", "pre", "rm -rf ~", "{\"command\":1}",
        "not json", "", "1e309", "DROP TABLE x", "https://x/y", "/etc/shadow", "12,000 EUR", "\u{0}", "🙂",
    ]

    struct XorShift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func value(_ rng: inout XorShift, depth: Int) -> JSONValue {
        switch depth > 3 ? rng.below(4) : rng.below(7) {
        case 0: return .string(strings[rng.below(strings.count)])
        case 1: return .number([0, -1, 1e300, -1e300, 1.5, 7, 1e15][rng.below(7)])
        case 2: return .bool(rng.below(2) == 0)
        case 3: return .null
        case 4, 5:
            var o = JSONObject()
            for _ in 0..<rng.below(5) { o[keys[rng.below(keys.count)]] = value(&rng, depth: depth + 1) }
            return .object(o)
        default:
            return .array((0..<rng.below(4)).map { _ in value(&rng, depth: depth + 1) })
        }
    }

    @Test func randomShapesAlwaysGetAVerdict() {
        var rng = XorShift(state: 0xD1B5_4A32_D192_ED03)
        let engine = Engine()
        for _ in 0..<4_000 {
            let document = Self.value(&rng, depth: 0)
            for format in [nil] + InputFormat.allCases.map(Optional.some) {
                let verdict = engine.evaluate(json: document, format: format)
                #expect((0...100).contains(verdict.risk))
                if verdict.error != nil { #expect(verdict.decision == .block) }
            }
        }
    }
}
