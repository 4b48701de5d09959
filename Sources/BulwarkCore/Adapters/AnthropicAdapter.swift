/// Anthropic Messages `tool_use` blocks (and `mcp_tool_use`, `server_tool_use`): one block, an
/// assistant message, or a whole response whose `content` holds the blocks. `input` is an object.
public struct AnthropicAdapter: InputAdapter {
    public let format = InputFormat.anthropic
    public init() {}

    static let blockTypes: Set<String> = ["tool_use", "mcp_tool_use", "server_tool_use"]

    public func matches(_ json: JSONValue) -> Bool {
        if let t = json["type"]?.stringValue, Self.blockTypes.contains(t) { return true }
        if let content = json["content"]?.arrayValue { return content.contains { Self.blockTypes.contains($0["type"]?.stringValue ?? "") } }
        if let items = json.arrayValue { return items.contains { Self.blockTypes.contains($0["type"]?.stringValue ?? "") } }
        return false
    }

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        let blocks = json["content"]?.arrayValue ?? json.arrayValue ?? [json]
        var actions: [Action] = []
        for (index, block) in blocks.enumerated() {
            guard let type = block["type"]?.stringValue, Self.blockTypes.contains(type) else { continue }
            guard let name = block["name"]?.stringValue else { throw AdapterError("\(type) block \(index) has no name") }
            var notes: [String] = []
            let input = decodeArguments(block["input"], notes: &notes)
            let id = block["id"]?.stringValue ?? defaults.fallbackID + "-" + String(index)
            actions.append(Action(
                id: id, format: .anthropic, rawToolName: name, server: block["server_name"]?.stringValue, arguments: input,
                agent: defaults.agent, session: defaults.session, workspace: defaults.workspace, cwd: defaults.cwd, home: defaults.home,
                adapterNotes: notes))
        }
        guard !actions.isEmpty else { throw AdapterError("Anthropic input holds no tool_use block") }
        return actions
    }
}
