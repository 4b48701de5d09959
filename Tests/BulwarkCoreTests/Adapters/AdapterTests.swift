import Testing
@testable import BulwarkCore

/// One input in a wire format: what the engine must detect, which tool it must name, and the decision.
struct AdapterCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let format: InputFormat
    /// `Verdict.tool`: the raw tool name; several calls in one input are joined with commas.
    let tool: String
    let decision: Decision

    init(_ name: String, _ input: String, format: InputFormat, tool: String, _ decision: Decision) {
        self.name = name
        self.input = input
        self.format = format
        self.tool = tool
        self.decision = decision
    }

    var testDescription: String { name }
}

/// Format detection, tool naming and the decision for every supported wire format, using the
/// exact shapes documented in integrations.md (sections A, C and D).
@Suite("Adapters")
struct AdapterTests {
    static let danger = "rm -rf ~"
    static let benign = "ls -la"

    static func check(_ row: AdapterCase) {
        let verdict = Engine().evaluate(row.input)
        #expect(verdict.error == nil, "\(row.name): refused: \(verdict.error ?? "")")
        #expect(verdict.format == row.format, "\(row.name): detected \(verdict.format?.rawValue ?? "nil")")
        #expect(verdict.tool == row.tool)
        #expect(
            verdict.decision == row.decision,
            "\(row.name): expected \(row.decision), got \(verdict.decision) (risk \(verdict.risk), rules [\(verdict.ruleList)])")
        // Forcing the detected format gives the same verdict as detection.
        let forced = Engine().evaluate(row.input, format: row.format)
        #expect(forced.decision == verdict.decision && forced.risk == verdict.risk)
    }

    /// The single action an input turns into, via the detected adapter (for fields a verdict does not carry).
    static func action(_ input: String) throws -> Action {
        let json = try JSONParser().parse(input)
        let adapter = try FormatDetector().adapter(for: json)
        let actions = try adapter.actions(from: json, defaults: ActionDefaults())
        try #require(actions.count == 1)
        return actions[0]
    }

    static func json(_ value: JSONValue) -> String { JSONWriter.string(value) }

    // MARK: - Native

    static let native: [AdapterCase] = [
        AdapterCase("native shell, dangerous", json(["tool": "shell", "arguments": ["command": .string(danger)]]), format: .native, tool: "shell", .block),
        AdapterCase("native shell, benign", json(["tool": "shell", "arguments": ["command": .string(benign)]]), format: .native, tool: "shell", .allow),
        AdapterCase(
            "native tool as an object with a server",
            json(["tool": ["name": "exec_command", "server": "devbox"], "arguments": ["command": .string(danger)]]),
            format: .native, tool: "exec_command", .block),
        AdapterCase("native name + args spelling", json(["name": "run_shell", "args": ["command": .string(danger)]]), format: .native, tool: "run_shell", .block),
        AdapterCase(
            "native with context cwd/home and agent",
            json(["tool": "bash", "agent": "builder", "arguments": ["command": "rm -rf /home/user"], "context": ["cwd": "/home/user/project", "home": "/home/user"]]),
            format: .native, tool: "bash", .block),
        AdapterCase("native explicit kind sql", json(["tool": "db", "kind": "sql", "arguments": ["query": "DROP TABLE users"]]), format: .native, tool: "db", .block),
        AdapterCase("native http GET", json(["tool": "http_request", "arguments": ["method": "GET", "url": "https://api.github.com/repos/x/y"]]), format: .native, tool: "http_request", .allow),
    ]

    @Test("Native action JSON", arguments: native)
    func nativeFormat(_ row: AdapterCase) { Self.check(row) }

    @Test func nativeUnknownKindIsRefused() {
        let v = Engine().evaluate(Self.json(["tool": "x", "kind": "teleport", "arguments": [:]]))
        #expect(v.decision == .block)
        #expect(v.error?.contains("unknown action kind") == true)
    }

    // MARK: - MCP

    static func mcpCall(id: JSONValue = 1, name: String, arguments: JSONValue, modern: Bool) -> JSONValue {
        var params: JSONValue = ["name": .string(name), "arguments": arguments]
        if modern, case .object(var o) = params {
            o["_meta"] = [
                "io.modelcontextprotocol/protocolVersion": "2026-07-28",
                "io.modelcontextprotocol/clientCapabilities": [:],
                "io.modelcontextprotocol/clientInfo": ["name": "mcp", "version": "0.1.0"],
            ]
            params = .object(o)
        }
        return ["jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params]
    }

    static let mcp: [AdapterCase] = [
        AdapterCase("MCP legacy, dangerous", json(mcpCall(name: "run_shell", arguments: ["command": .string(danger)], modern: false)), format: .mcp, tool: "run_shell", .block),
        AdapterCase("MCP legacy, benign", json(mcpCall(name: "run_shell", arguments: ["command": .string(benign)], modern: false)), format: .mcp, tool: "run_shell", .allow),
        AdapterCase("MCP legacy with id 0 and key order method-first", #"{"method":"tools/call","params":{"name":"run_shell","arguments":{"command":"rm -rf ~"}},"jsonrpc":"2.0","id":0}"#, format: .mcp, tool: "run_shell", .block),
        AdapterCase("MCP 2026-07-28, dangerous", json(mcpCall(name: "run_shell", arguments: ["command": .string(danger)], modern: true)), format: .mcp, tool: "run_shell", .block),
        AdapterCase("MCP 2026-07-28, benign", json(mcpCall(id: "req-7", name: "run_shell", arguments: ["command": .string(benign)], modern: true)), format: .mcp, tool: "run_shell", .allow),
        AdapterCase(
            "MCP batch: notification + two calls, one dangerous",
            json([
                ["jsonrpc": "2.0", "method": "notifications/progress", "params": ["progressToken": 1, "progress": 0.5]],
                mcpCall(id: 1, name: "read_file", arguments: ["path": "/home/user/project/README.md"], modern: false),
                mcpCall(id: 2, name: "run_shell", arguments: ["command": .string(danger)], modern: false),
            ]),
            format: .mcp, tool: "read_file,run_shell", .block),
        AdapterCase(
            "MCP batch: benign calls only",
            json([mcpCall(id: 1, name: "run_shell", arguments: ["command": "git status"], modern: false), mcpCall(id: 2, name: "run_shell", arguments: ["command": .string(benign)], modern: false)]),
            format: .mcp, tool: "run_shell,run_shell", .allow),
    ]

    @Test("MCP tools/call, both eras and batches", arguments: mcp)
    func mcpFormat(_ row: AdapterCase) { Self.check(row) }

    @Test func mcpProtocolEraIsRecorded() throws {
        let legacy = try Self.action(Self.json(Self.mcpCall(name: "t", arguments: [:], modern: false)))
        let modern = try Self.action(Self.json(Self.mcpCall(name: "t", arguments: [:], modern: true)))
        #expect(legacy.protocolVersion == "legacy")
        #expect(modern.protocolVersion == "2026-07-28")
        #expect(legacy.id == "mcp-1")
    }

    static let mcpNonActions: [(String, String)] = [
        ("initialize", #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"c","version":"1"}}}"#),
        ("tools/list", #"{"jsonrpc":"2.0","id":2,"method":"tools/list"}"#),
        ("a response", #"{"jsonrpc":"2.0","id":1,"result":{}}"#),
        ("tools/call without a name", #"{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{}}"#),
        ("batch without a tools/call", #"[{"jsonrpc":"2.0","method":"notifications/initialized"}]"#),
    ]

    @Test("MCP messages that are not tool calls are refused, fail-closed", arguments: mcpNonActions.map(\.1))
    func mcpNonAction(_ input: String) {
        let v = Engine().evaluate(input)
        #expect(v.decision == .block)
        #expect(v.error != nil)
    }

    // MARK: - Claude Code hooks

    typealias F = ToolCallFixture

    static let claudeCode: [AdapterCase] = [
        AdapterCase("Bash, dangerous", F.bash(danger), format: .claudeCode, tool: "Bash", .block),
        AdapterCase("Bash, benign (npm test, full documented payload)", #"{"session_id":"abc123","prompt_id":"550e8400-e29b-41d4-a716-446655440000","transcript_path":"/home/user/.claude/projects/x/transcript.jsonl","cwd":"/home/user/my-project","permission_mode":"default","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"npm test","description":"Run test suite","timeout":120000,"run_in_background":false},"tool_use_id":"toolu_01ABC123"}"#, format: .claudeCode, tool: "Bash", .allow),
        AdapterCase("Read of a project file", F.read("/home/user/project/src/main.swift"), format: .claudeCode, tool: "Read", .allow),
        AdapterCase("Write of a project file", F.claudeCode("Write", ["file_path": "/home/user/project/notes.txt", "content": "hello"]), format: .claudeCode, tool: "Write", .allow),
        AdapterCase("Edit of a project file", F.claudeCode("Edit", ["file_path": "/home/user/project/a.swift", "old_string": "let a = 1", "new_string": "let a = 2"]), format: .claudeCode, tool: "Edit", .allow),
        AdapterCase(
            "MultiEdit of a project file",
            F.claudeCode("MultiEdit", ["file_path": "/home/user/project/a.swift", "edits": [["old_string": "a", "new_string": "b"], ["old_string": "c", "new_string": "d"]]]),
            format: .claudeCode, tool: "MultiEdit", .allow),
        AdapterCase("WebFetch of docs", F.claudeCode("WebFetch", ["url": "https://developer.apple.com/documentation/swift", "prompt": "summarize"]), format: .claudeCode, tool: "WebFetch", .allow),
        AdapterCase("WebSearch", F.claudeCode("WebSearch", ["query": "swift testing parameterized tests"]), format: .claudeCode, tool: "WebSearch", .allow),
        AdapterCase("Grep", F.claudeCode("Grep", ["pattern": "rm -rf", "path": "/home/user/project"]), format: .claudeCode, tool: "Grep", .allow),
        AdapterCase("Glob", F.claudeCode("Glob", ["pattern": "**/*.swift"]), format: .claudeCode, tool: "Glob", .allow),
        AdapterCase("MCP tool through Claude Code, dangerous", F.claudeCode("mcp__my-server__do_thing", ["command": .string(danger)]), format: .claudeCode, tool: "mcp__my-server__do_thing", .block),
        AdapterCase("PostToolUse payload of a benign Write", #"{"session_id":"abc123","cwd":"/home/user/project","permission_mode":"default","hook_event_name":"PostToolUse","tool_name":"Write","tool_input":{"file_path":"/home/user/project/file.txt","content":"file content"},"tool_response":{"filePath":"/home/user/project/file.txt","success":true},"tool_use_id":"toolu_01ABC123","duration_ms":12}"#, format: .claudeCode, tool: "Write", .allow),
        AdapterCase("hook payload without hook_event_name", #"{"tool_name":"Bash","tool_input":{"command":"rm -rf ~"}}"#, format: .claudeCode, tool: "Bash", .block),
    ]

    @Test("Claude Code hook payloads", arguments: claudeCode)
    func claudeCodeFormat(_ row: AdapterCase) { Self.check(row) }

    struct KindCase: CustomTestStringConvertible, Sendable {
        let tool: String
        let input: JSONValue
        let kind: ActionKind
        var testDescription: String { "\(tool) is \(kind.rawValue)" }
    }

    static let claudeCodeKinds: [KindCase] = [
        KindCase(tool: "Bash", input: ["command": "ls"], kind: .shell),
        KindCase(tool: "Read", input: ["file_path": "/home/user/project/a"], kind: .fileRead),
        KindCase(tool: "Write", input: ["file_path": "/home/user/project/a", "content": ""], kind: .fileWrite),
        KindCase(tool: "Edit", input: ["file_path": "/home/user/project/a", "old_string": "x", "new_string": "y"], kind: .fileWrite),
        KindCase(tool: "MultiEdit", input: ["file_path": "/home/user/project/a", "edits": []], kind: .fileWrite),
        KindCase(tool: "WebFetch", input: ["url": "https://example.com", "prompt": "p"], kind: .http),
        KindCase(tool: "WebSearch", input: ["query": "q"], kind: .webSearch),
        KindCase(tool: "Grep", input: ["pattern": "p"], kind: .fileSearch),
        KindCase(tool: "Glob", input: ["pattern": "*"], kind: .fileSearch),
    ]

    @Test("Claude Code built-in tools map to action kinds", arguments: claudeCodeKinds)
    func claudeCodeKind(_ row: KindCase) throws {
        let action = try Self.action(F.claudeCode(row.tool, row.input))
        #expect(action.kind == row.kind)
        #expect(action.cwd == F.projectDir)
        #expect(action.phase == .pre)
    }

    @Test func webFetchDefaultsToGET() throws {
        let action = try Self.action(F.claudeCode("WebFetch", ["url": "https://example.com", "prompt": "p"]))
        #expect(action.arguments["method"]?.stringValue == "GET")
    }

    struct MCPNameCase: CustomTestStringConvertible, Sendable {
        let raw: String
        let server: String?
        let tool: String
        var testDescription: String { "\(raw) → server \(server ?? "nil"), tool \(tool)" }
    }

    static let mcpNames: [MCPNameCase] = [
        MCPNameCase(raw: "mcp__my-server__do_thing", server: "my-server", tool: "do_thing"),
        MCPNameCase(raw: "mcp__memory__create_entities", server: "memory", tool: "create_entities"),
        MCPNameCase(raw: "mcp__srv__tool__with__underscores", server: "srv", tool: "tool__with__underscores"),
        MCPNameCase(raw: "mcp__plugin_acme_db__query", server: "plugin_acme_db", tool: "query"),
        MCPNameCase(raw: "mcp__noseparator", server: nil, tool: "mcp__noseparator"),
    ]

    @Test("mcp__<server>__<tool> splits on the first __ after the prefix", arguments: mcpNames)
    func claudeCodeMCPName(_ row: MCPNameCase) throws {
        let action = try Self.action(F.claudeCode(row.raw, ["x": 1]))
        #expect(action.rawToolName == row.raw)
        #expect(action.server == row.server)
        #expect(action.toolName == row.tool)
    }

    @Test func claudeCodePostPhaseAndResult() throws {
        let action = try Self.action(F.claudeCode("Bash", ["command": "ls"], event: "PostToolUse"))
        #expect(action.phase == .post)
    }

    @Test func claudeCodeNonToolEventIsRefused() {
        let v = Engine().evaluate(#"{"session_id":"s","hook_event_name":"UserPromptSubmit","prompt":"hi","cwd":"/tmp"}"#)
        #expect(v.decision == .block)
        #expect(v.error != nil)
    }

    // MARK: - OpenAI Chat Completions

    static func chatCall(id: String = "call_abc123", name: String = "run_shell", arguments: String) -> JSONValue {
        ["id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": .string(arguments)]]
    }

    static func argsJSON(_ command: String) -> String { json(["command": .string(command)]) }

    static let openAIChat: [AdapterCase] = [
        AdapterCase(
            "assistant message with tool_calls, dangerous",
            json(["role": "assistant", "content": nil, "tool_calls": [chatCall(arguments: argsJSON(danger))]]),
            format: .openAIChat, tool: "run_shell", .block),
        AdapterCase(
            "assistant message with a function and a custom call (documented shape)",
            #"{"role":"assistant","content":null,"tool_calls":[{"id":"call_abc123","type":"function","function":{"name":"run_shell","arguments":"{\"command\":\"ls -la\"}"}},{"id":"call_def456","type":"custom","custom":{"name":"apply_patch","input":"*** Begin Patch …"}}]}"#,
            format: .openAIChat, tool: "run_shell,apply_patch", .allow),
        AdapterCase(
            "whole completion with choices, dangerous",
            json([
                "id": "chatcmpl-1", "object": "chat.completion", "model": "gpt-x",
                "choices": [["index": 0, "finish_reason": "tool_calls", "message": ["role": "assistant", "content": nil, "tool_calls": [chatCall(arguments: argsJSON(danger))]]]],
            ]),
            format: .openAIChat, tool: "run_shell", .block),
        AdapterCase("bare function call, dangerous", json(chatCall(arguments: argsJSON(danger))), format: .openAIChat, tool: "run_shell", .block),
        AdapterCase("bare function call, benign", json(chatCall(arguments: argsJSON(benign))), format: .openAIChat, tool: "run_shell", .allow),
        AdapterCase(
            "two calls, second dangerous: the worst wins",
            json(["role": "assistant", "tool_calls": [chatCall(id: "c1", arguments: argsJSON("git status")), chatCall(id: "c2", name: "bash", arguments: argsJSON(danger))]]),
            format: .openAIChat, tool: "run_shell,bash", .block),
    ]

    @Test("OpenAI Chat Completions tool calls", arguments: openAIChat)
    func openAIChatFormat(_ row: AdapterCase) { Self.check(row) }

    @Test("Invalid JSON in OpenAI arguments is a protocol finding, not a crash", arguments: [
        #"{"command": "ls"#, "not json at all", #"{"command":"rm -rf ~"}}"#,
    ])
    func openAIChatInvalidArguments(_ arguments: String) {
        let v = Engine().evaluate(Self.json(["role": "assistant", "tool_calls": [Self.chatCall(arguments: arguments)]]))
        #expect(v.error == nil, "the document itself is valid JSON; only the arguments string is not")
        #expect(v.format == .openAIChat)
        #expect(v.findings.contains { $0.layer == .protocol && $0.rule == "protocol.malformed_arguments" }, "rules: [\(v.ruleList)]")
        #expect(v.decision >= .review)
    }

    @Test func openAIChatMessageWithoutCallsIsRefused() {
        let v = Engine().evaluate(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"}}]}"#)
        #expect(v.decision == .block)
        #expect(v.error != nil)
    }

    // MARK: - OpenAI Responses

    static func responsesCall(name: String = "run_shell", command: String) -> JSONValue {
        ["type": "function_call", "id": "fc_1", "call_id": "call_abc123", "name": .string(name), "arguments": .string(argsJSON(command)), "status": "completed"]
    }

    static let openAIResponses: [AdapterCase] = [
        AdapterCase("function_call item, dangerous", json(responsesCall(command: danger)), format: .openAIResponses, tool: "run_shell", .block),
        AdapterCase("function_call item, benign", json(responsesCall(command: "ls")), format: .openAIResponses, tool: "run_shell", .allow),
        AdapterCase(
            "response with an output array (message + call)",
            json(["id": "resp_1", "object": "response", "output": [
                ["type": "message", "id": "msg_1", "role": "assistant", "content": [["type": "output_text", "text": "Running it."]]],
                responsesCall(command: danger),
            ]]),
            format: .openAIResponses, tool: "run_shell", .block),
        AdapterCase("array of output items", json([responsesCall(command: "git status"), responsesCall(name: "exec_command", command: danger)]), format: .openAIResponses, tool: "run_shell,exec_command", .block),
        AdapterCase(
            "hosted mcp_call",
            json(["type": "mcp_call", "id": "mcp_1", "server_label": "shell", "name": "run_shell", "arguments": .string(argsJSON(danger))]),
            format: .openAIResponses, tool: "run_shell", .block),
        AdapterCase(
            "mcp_approval_request",
            json(["type": "mcp_approval_request", "id": "mcpr_1", "server_label": "shell", "name": "run_shell", "arguments": .string(argsJSON(danger))]),
            format: .openAIResponses, tool: "run_shell", .block),
    ]

    @Test("OpenAI Responses function calls", arguments: openAIResponses)
    func openAIResponsesFormat(_ row: AdapterCase) { Self.check(row) }

    @Test func openAIResponsesInvalidArgumentsIsAFinding() {
        let v = Engine().evaluate(#"{"type":"function_call","call_id":"c","name":"run_shell","arguments":"{\"command\":"}"#)
        #expect(v.error == nil)
        #expect(v.findings.contains { $0.rule == "protocol.malformed_arguments" })
    }

    // MARK: - Anthropic Messages

    static func toolUse(name: String = "run_shell", command: String) -> JSONValue {
        ["type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9", "name": .string(name), "input": ["command": .string(command)]]
    }

    static let anthropic: [AdapterCase] = [
        AdapterCase("tool_use block, dangerous", json(toolUse(command: danger)), format: .anthropic, tool: "run_shell", .block),
        AdapterCase("tool_use block, benign", json(toolUse(command: "ls")), format: .anthropic, tool: "run_shell", .allow),
        AdapterCase(
            "assistant message with text + tool_use (documented shape)",
            #"{"role":"assistant","content":[{"type":"text","text":"Let me check."},{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"run_shell","input":{"command":"rm -rf ~"}}]}"#,
            format: .anthropic, tool: "run_shell", .block),
        AdapterCase(
            "whole response with stop_reason tool_use",
            json(["id": "msg_1", "type": "message", "role": "assistant", "stop_reason": "tool_use", "content": [["type": "text", "text": "ok"], toolUse(command: danger)]]),
            format: .anthropic, tool: "run_shell", .block),
        AdapterCase(
            "mcp_tool_use block",
            json(["type": "mcp_tool_use", "id": "mcptoolu_1", "name": "run_shell", "server_name": "devbox", "input": ["command": .string(danger)]]),
            format: .anthropic, tool: "run_shell", .block),
    ]

    @Test("Anthropic tool_use blocks", arguments: anthropic)
    func anthropicFormat(_ row: AdapterCase) { Self.check(row) }

    // MARK: - Detection edge cases

    @Test("Unknown shapes are refused, fail-closed", arguments: [#"{"foo":1}"#, "[]", "{}", "42", #""rm -rf ~""#, "null", #"[{"type":"text","text":"hi"}]"#])
    func unknownFormat(_ input: String) {
        let v = Engine().evaluate(input)
        #expect(v.decision == .block)
        #expect(v.error != nil)
        #expect(v.risk == 100)
    }

    @Test("Every format is reachable by forcing it", arguments: InputFormat.allCases)
    func forcedFormatHasAnAdapter(_ format: InputFormat) throws {
        let adapter = try FormatDetector().adapter(for: .object(JSONObject()), forced: format)
        #expect(adapter.format == format)
    }
}
