/// MCP `tools/call` JSON-RPC requests of both protocol eras: legacy (after `initialize`) and
/// 2026-07-28, whose every request carries `params._meta["io.modelcontextprotocol/protocolVersion"]`.
/// A JSON array is a legacy batch: each `tools/call` in it is an action.
public struct MCPAdapter: InputAdapter {
    public let format = InputFormat.mcp
    public init() {}

    static let versionKey = "io.modelcontextprotocol/protocolVersion"

    public func matches(_ json: JSONValue) -> Bool {
        if let items = json.arrayValue { return items.first?["jsonrpc"] != nil }
        return json["jsonrpc"] != nil
    }

    public func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action] {
        if let items = json.arrayValue {
            var out: [Action] = []
            for item in items where item["method"]?.stringValue == "tools/call" {
                out.append(contentsOf: try actions(from: item, defaults: defaults))
            }
            if out.isEmpty { throw AdapterError("MCP batch holds no tools/call request") }
            return out
        }
        guard let method = json["method"]?.stringValue else {
            throw AdapterError("MCP message is not a request (no `method`); only tools/call requests are actions")
        }
        guard method == "tools/call" else {
            throw AdapterError("MCP method `\(method)` is not an action; only tools/call requests are judged")
        }
        guard let params = json["params"]?.objectValue, let name = params["name"]?.stringValue else {
            throw AdapterError("tools/call request needs params.name")
        }
        var notes: [String] = []
        let arguments = decodeArguments(params["arguments"], notes: &notes)
        let meta = params["_meta"]?.objectValue
        let version = meta?[Self.versionKey]?.stringValue
        let id = idString(json["id"]).map { "mcp-\($0)" } ?? defaults.fallbackID
        return [Action(
            id: id, format: .mcp, rawToolName: name, arguments: arguments, agent: defaults.agent, session: defaults.session,
            workspace: defaults.workspace, cwd: defaults.cwd, home: defaults.home, protocolVersion: version ?? "legacy", adapterNotes: notes)]
    }
}
