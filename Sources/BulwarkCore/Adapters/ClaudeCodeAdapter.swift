/// Claude Code `PreToolUse` / `PostToolUse` hook payloads: `tool_name` + `tool_input`, with
/// `cwd`, `session_id` and, inside subagents, `agent_id`. MCP tools arrive as `mcp__server__tool`.
public struct ClaudeCodeAdapter: InputAdapter {
    public let format = InputFormat.claudeCode
    public init() {}

    public func matches(_ json: JSONValue) -> Bool {
        guard let o = json.objectValue else { return false }
        return o["hook_event_name"] != nil || (o["tool_name"] != nil && o["tool_input"] != nil)
    }

    /// Built-in tools and what they do.
    static let builtins: [String: ActionKind] = [
        "Bash": .shell, "PowerShell": .shell, "Read": .fileRead, "Write": .fileWrite, "Edit": .fileWrite, "MultiEdit": .fileWrite,
        "NotebookEdit": .fileWrite, "NotebookRead": .fileRead, "WebFetch": .http, "WebSearch": .webSearch, "Grep": .fileSearch,
        "Glob": .fileSearch, "LS": .fileSearch, "Task": .message, "Agent": .message, "TodoWrite": .tool, "AskUserQuestion": .message,
        "ExitPlanMode": .tool,
    ]

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        guard let o = json.objectValue else { throw AdapterError("hook payload must be a JSON object") }
        guard let rawName = o["tool_name"]?.stringValue else {
            let event = o["hook_event_name"]?.stringValue ?? "?"
            throw AdapterError("hook payload has no tool_name (event \(event)); only tool events are judged")
        }
        var notes: [String] = []
        var arguments = decodeArguments(o["tool_input"], notes: &notes)
        var toolName = rawName
        var server: String? = nil
        var kind = Self.builtins[rawName]
        if rawName.hasPrefix("mcp__") {
            // Split on the first `__` after the prefix: server names may contain `-` and `_`.
            let rest = rawName.dropFirst(5)
            if let sep = rest.firstRange(of: "__") {
                server = String(rest[..<sep.lowerBound])
                toolName = String(rest[sep.upperBound...])
            }
            kind = nil
        }
        if rawName == "WebFetch", arguments["method"] == nil, var object = arguments.objectValue {
            object["method"] = "GET"
            arguments = .object(object)
        }
        let event = o["hook_event_name"]?.stringValue ?? "PreToolUse"
        let phase: Action.Phase = event.hasPrefix("Post") ? .post : .pre
        let id = o["tool_use_id"]?.stringValue ?? defaults.fallbackID
        return [Action(
            id: id, format: .claudeCode, phase: phase, rawToolName: rawName, toolName: toolName, server: server, kind: kind,
            arguments: arguments, result: o["tool_response"], agent: o["agent_id"]?.stringValue ?? defaults.agent,
            session: o["session_id"]?.stringValue ?? defaults.session, workspace: defaults.workspace,
            cwd: o["cwd"]?.stringValue ?? defaults.cwd, home: defaults.home, adapterNotes: notes)]
    }
}
