import Testing
@testable import BulwarkCore

/// Realistic tool-call payloads, built with the engine's own JSON writer so that quoting,
/// newlines and non-ASCII text are escaped exactly as a real client would send them.
enum ToolCallFixture {
    static let projectDir = "/home/user/project"

    /// A Claude Code `PreToolUse` hook payload for the `Bash` tool.
    static func bash(_ command: String, event: String = "PreToolUse") -> String {
        JSONWriter.string([
            "session_id": "sess-1",
            "hook_event_name": .string(event),
            "tool_name": "Bash",
            "tool_input": ["command": .string(command), "description": "agent command"],
            "tool_use_id": "toolu_01TEST",
            "cwd": .string(projectDir),
        ])
    }

    /// A Claude Code `PreToolUse` hook payload for any tool.
    static func claudeCode(_ tool: String, _ input: JSONValue, event: String = "PreToolUse") -> String {
        JSONWriter.string([
            "session_id": "sess-1",
            "hook_event_name": .string(event),
            "tool_name": .string(tool),
            "tool_input": input,
            "cwd": .string(projectDir),
        ])
    }

    /// A Claude Code `Read` of `path` (absolute, as Claude Code always sends it).
    static func read(_ path: String) -> String {
        claudeCode("Read", ["file_path": .string(path)])
    }

    /// A native HTTP request action.
    static func httpGet(_ url: String) -> String {
        JSONWriter.string(["tool": "http_request", "arguments": ["method": "GET", "url": .string(url)]])
    }

    /// A native outgoing message action (text the agent sends or receives as a prompt).
    static func message(_ text: String) -> String {
        JSONWriter.string(["tool": "send_message", "kind": "message", "arguments": ["text": .string(text)]])
    }

    /// A native SQL action.
    static func sql(_ query: String) -> String {
        JSONWriter.string(["tool": "run_sql", "kind": "sql", "arguments": ["query": .string(query)]])
    }

    /// A native shell action.
    static func nativeShell(_ command: String) -> String {
        JSONWriter.string(["tool": "shell", "arguments": ["command": .string(command)], "context": ["cwd": .string(projectDir), "home": "/home/user"]])
    }
}

/// One row of a decision table: the input, the expected decision, and a name saying what it proves.
struct DecisionCase: CustomTestStringConvertible, Sendable {
    let name: String
    let input: String
    let expected: Decision
    /// Set when the engine gets this row wrong today: what it does instead. Such rows run in a
    /// separate, disabled test until the engine is fixed; then delete the `gap:` argument.
    let gap: String?

    init(_ name: String, _ input: String, _ expected: Decision, gap: String? = nil) {
        self.name = name
        self.input = input
        self.expected = expected
        self.gap = gap
    }

    var testDescription: String { name }
}

extension Verdict {
    /// Rule ids, for failure messages.
    var ruleList: String { findings.map(\.rule.rawValue).joined(separator: ", ") }
}
