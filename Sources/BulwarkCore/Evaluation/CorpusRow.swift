/// One labeled row of an evaluation corpus (the format of `shared/eval/*.jsonl`).
public struct CorpusRow: Sendable {
    public var id: String
    public var kind: String
    public var input: JSONValue
    public var malicious: Bool
    public var category: String
    public var confidence: String

    public init?(json: JSONValue) {
        guard let id = json["id"]?.stringValue, let kind = json["kind"]?.stringValue, let input = json["input"],
            let label = json["label"]?.stringValue
        else { return nil }
        self.id = id
        self.kind = kind
        self.input = input
        self.malicious = label == "malicious"
        self.category = json["category"]?.stringValue ?? ""
        self.confidence = json["meta"]?["confidence"]?.stringValue ?? "unknown"
    }

    /// The top-level category (`gtfobins/shell` → `gtfobins`).
    public var topCategory: String { String(category.split(separator: "/").first ?? "") }

    /// The input as the runtime would receive it: shell rows as a Claude Code Bash hook payload,
    /// text rows as a message an agent is about to send, tool calls as native actions.
    public func payload(cwd: String = "/home/user/project") -> String? {
        switch kind {
        case "shell":
            guard let command = input.stringValue else { return nil }
            let payload: JSONValue = [
                "session_id": "eval", "cwd": .string(cwd), "hook_event_name": "PreToolUse", "tool_name": "Bash",
                "tool_input": ["command": .string(command)],
            ]
            return JSONWriter.string(payload)
        case "text", "secret", "pii":
            guard let text = input.stringValue else { return nil }
            return JSONWriter.string(["tool": "send_message", "kind": "message", "arguments": ["text": .string(text)]])
        case "tool_call":
            guard let name = input["name"]?.stringValue else { return nil }
            return JSONWriter.string(["tool": .string(name), "arguments": input["arguments"] ?? .object(JSONObject())])
        default:
            return nil
        }
    }
}
