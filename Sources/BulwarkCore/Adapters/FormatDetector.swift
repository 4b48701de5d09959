/// Picks the adapter for a document: by its shape, or as forced with `--format`.
public struct FormatDetector: Sendable {
    /// Adapters in detection order; the most specific shapes come first.
    public let adapters: [any InputAdapter] = [
        MCPAdapter(), ClaudeCodeAdapter(), OpenAIResponsesAdapter(), OpenAIChatAdapter(), AnthropicAdapter(), NativeAdapter(),
    ]

    public init() {}

    public func adapter(for json: JSONValue, forced: InputFormat? = nil) throws(AdapterError) -> any InputAdapter {
        if let forced {
            guard let adapter = adapters.first(where: { $0.format == forced }) else { throw AdapterError("no adapter for format \(forced.rawValue)") }
            return adapter
        }
        guard let adapter = adapters.first(where: { $0.matches(json) }) else {
            throw AdapterError("unknown input format: expected a Bulwark action, an MCP tools/call request, a Claude Code hook payload, an OpenAI tool call or an Anthropic tool_use block")
        }
        return adapter
    }
}
