/// Rule ids for tool definitions the runtime pins by hash (the MCP proxy learns them from
/// `tools/list`). The runtime decides when a tool is flagged; `ProtocolLayer` turns a flagged
/// tool into a finding on every call to it (`SessionSnapshot.flaggedTools`).
extension RuleID {
    /// A tool's description or input schema changed after it was first listed: .high
    /// "Tool definition changed mid-session (rug pull)".
    public static let toolChanged: RuleID = "protocol.tool_changed"
    /// A tool appeared in a later listing than the first: .medium "Tool added mid-session".
    public static let toolAdded: RuleID = "protocol.tool_added"
    /// A tool's description carries prompt injection: .high "Tool description carries injected instructions".
    public static let toolDescriptionInjection: RuleID = "protocol.tool_description_injection"
}
