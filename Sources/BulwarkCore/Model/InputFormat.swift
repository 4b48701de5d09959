/// The wire formats an input can arrive in. Detected automatically; can be forced.
public enum InputFormat: String, Sendable, CaseIterable {
    /// Bulwark's own action JSON (see README, "Native action JSON").
    case native
    /// An MCP `tools/call` JSON-RPC request, legacy or 2026-07-28 era.
    case mcp
    /// A Claude Code `PreToolUse` / `PostToolUse` hook payload.
    case claudeCode = "claude-code"
    /// OpenAI Chat Completions `tool_calls` (a message, a completion, or one call).
    case openAIChat = "openai-chat"
    /// OpenAI Responses `function_call` output item(s).
    case openAIResponses = "openai-responses"
    /// Anthropic Messages `tool_use` block(s).
    case anthropic
}
