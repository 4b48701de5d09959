/// OpenAI Responses API output items: `function_call` (arguments as a JSON string) and hosted
/// `mcp_call` / `mcp_approval_request`; a whole response (`output: […]`) or an array of items.
public struct OpenAIResponsesAdapter: InputAdapter {
    public let format = InputFormat.openAIResponses
    public init() {}

    static let callTypes: Set<String> = ["function_call", "mcp_call", "mcp_approval_request", "custom_tool_call"]

    public func matches(_ json: JSONValue) -> Bool {
        if let t = json["type"]?.stringValue, Self.callTypes.contains(t) { return true }
        if let output = json["output"]?.arrayValue { return output.contains { Self.callTypes.contains($0["type"]?.stringValue ?? "") } }
        if let items = json.arrayValue { return items.contains { Self.callTypes.contains($0["type"]?.stringValue ?? "") } }
        return false
    }

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        let items = json["output"]?.arrayValue ?? json.arrayValue ?? [json]
        var actions: [Action] = []
        for (index, item) in items.enumerated() {
            guard let type = item["type"]?.stringValue, Self.callTypes.contains(type) else { continue }
            guard let name = item["name"]?.stringValue else { throw AdapterError("\(type) item \(index) has no name") }
            var notes: [String] = []
            let arguments = type == "custom_tool_call"
                ? .object(JSONObject([("input", item["input"] ?? .string(""))]))
                : decodeArguments(item["arguments"], notes: &notes)
            let id = item["call_id"]?.stringValue ?? item["id"]?.stringValue ?? defaults.fallbackID + "-" + String(index)
            actions.append(Action(
                id: id, format: .openAIResponses, rawToolName: name, server: item["server_label"]?.stringValue, arguments: arguments,
                agent: defaults.agent, session: defaults.session, workspace: defaults.workspace, cwd: defaults.cwd, home: defaults.home,
                adapterNotes: notes))
        }
        guard !actions.isEmpty else { throw AdapterError("Responses input holds no function_call item") }
        return actions
    }
}
