/// Bulwark's own action JSON:
/// `{"tool": "shell", "arguments": {…}, "agent": "…", "session": "…", "context": {"cwd": "…", "home": "…"}}`.
/// `tool` may also be `{"name": …, "server": …}`; `args`/`input` are accepted for `arguments`;
/// `kind` overrides the inferred action kind; `phase: "post"` with `result` judges a tool result.
public struct NativeAdapter: InputAdapter {
    public let format = InputFormat.native
    public init() {}

    public func matches(_ json: JSONValue) -> Bool {
        guard let o = json.objectValue else { return false }
        if o["tool"] != nil { return true }
        return o["name"]?.stringValue != nil && (o["arguments"] != nil || o["args"] != nil) && o["type"] == nil
    }

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        guard let o = json.objectValue else { throw AdapterError("native action must be a JSON object") }
        var name: String? = nil
        var server: String? = nil
        switch o["tool"] ?? o["name"] {
        case .string(let s)?: name = s
        case .object(let t)?:
            name = t["name"]?.stringValue
            server = t["server"]?.stringValue
        default: break
        }
        guard let toolName = name else { throw AdapterError("native action needs a `tool` name (string or {\"name\": …})") }
        var notes: [String] = []
        let arguments = decodeArguments(o["arguments"] ?? o["args"] ?? o["input"], notes: &notes)
        let context = o["context"]?.objectValue
        var kind: ActionKind? = nil
        if let k = o["kind"]?.stringValue {
            guard let parsed = ActionKind(rawValue: k) else {
                throw AdapterError("unknown action kind `\(k)` (expected one of \(ActionKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            kind = parsed
        }
        let phase: Action.Phase = o["phase"]?.stringValue == "post" ? .post : .pre
        let id = o["action_id"]?.stringValue ?? o["id"]?.stringValue ?? defaults.fallbackID
        return [Action(
            id: id, format: .native, phase: phase, rawToolName: toolName, server: server ?? context?["server"]?.stringValue, kind: kind,
            arguments: arguments, result: o["result"], agent: o["agent"]?.stringValue ?? context?["agent"]?.stringValue ?? defaults.agent,
            session: o["session"]?.stringValue ?? context?["session"]?.stringValue ?? defaults.session,
            workspace: o["workspace"]?.stringValue ?? context?["workspace"]?.stringValue ?? defaults.workspace,
            cwd: context?["cwd"]?.stringValue ?? o["cwd"]?.stringValue ?? defaults.cwd,
            home: context?["home"]?.stringValue ?? defaults.home, adapterNotes: notes)]
    }
}
