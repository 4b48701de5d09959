/// OpenAI Chat Completions tool calls: an assistant message with `tool_calls`, a whole completion
/// (`choices[].message`), or one call `{"type": "function", "function": {"name", "arguments"}}`.
/// `arguments` is a JSON string; `custom` tools carry free-text `input`.
public struct OpenAIChatAdapter: InputAdapter {
    public let format = InputFormat.openAIChat
    public init() {}

    public func matches(_ json: JSONValue) -> Bool {
        guard let o = json.objectValue else { return false }
        if o["tool_calls"] != nil || o["choices"] != nil { return true }
        let type = o["type"]?.stringValue
        return (type == "function" && o["function"] != nil) || (type == "custom" && o["custom"] != nil)
    }

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        var calls: [JSONValue] = []
        if let choices = json["choices"]?.arrayValue {
            for choice in choices { calls.append(contentsOf: choice["message"]?["tool_calls"]?.arrayValue ?? []) }
        } else if let list = json["tool_calls"]?.arrayValue {
            calls = list
        } else {
            calls = [json]
        }
        guard !calls.isEmpty else { throw AdapterError("OpenAI message carries no tool_calls") }
        var actions: [Action] = []
        for (index, call) in calls.enumerated() {
            var notes: [String] = []
            let name: String
            let arguments: JSONValue
            if let function = call["function"] {
                guard let n = function["name"]?.stringValue else { throw AdapterError("tool_calls[\(index)].function.name is missing") }
                name = n
                arguments = decodeArguments(function["arguments"], notes: &notes)
            } else if let custom = call["custom"] {
                guard let n = custom["name"]?.stringValue else { throw AdapterError("tool_calls[\(index)].custom.name is missing") }
                name = n
                arguments = .object(JSONObject([("input", custom["input"] ?? .string(""))]))
            } else {
                throw AdapterError("tool_calls[\(index)] has neither `function` nor `custom`")
            }
            let id = call["id"]?.stringValue ?? defaults.fallbackID + "-" + String(index)
            actions.append(Action(
                id: id, format: .openAIChat, rawToolName: name, arguments: arguments, agent: defaults.agent, session: defaults.session,
                workspace: defaults.workspace, cwd: defaults.cwd, home: defaults.home, adapterNotes: notes))
        }
        return actions
    }
}
