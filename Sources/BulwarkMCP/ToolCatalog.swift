import BulwarkCore
import BulwarkRuntime

/// The tools a server listed, pinned by the SHA-256 of their name, description and input schema.
///
/// The first complete listing (all pages) is the baseline. Later listings are compared with it:
/// a tool whose description or schema changed is a rug pull, a new tool is suspect, a missing
/// one is noted. Descriptions are scanned for prompt injection. Each event is returned so the
/// proxy can audit it, and distrusted tools are flagged in the session state.
struct ToolCatalog {
    struct Tool {
        var name: String
        var hash: String
        var inputSchema: JSONValue?
    }

    struct Event {
        var rule: String
        var tool: String
        var detail: String
        var flag: SessionSnapshot.FlaggedTool?
    }

    private(set) var pinned: [String: Tool] = [:]
    private(set) var baselineComplete = false
    /// The listing being assembled from pages (`nextCursor`).
    private var pages: [String: Tool] = [:]

    /// Absorbs one `tools/list` result page; returns the events once the listing is complete.
    mutating func absorb(result: JSONValue) -> [Event] {
        var events: [Event] = []
        for tool in result["tools"]?.arrayValue ?? [] {
            guard let name = tool["name"]?.stringValue else { continue }
            let description = tool["description"]?.stringValue ?? ""
            let pinnedFields: JSONValue = ["name": .string(name), "description": .string(description), "inputSchema": tool["inputSchema"] ?? .null]
            pages[name] = Tool(name: name, hash: AuditChain.hash(JSONWriter.string(pinnedFields).utf8), inputSchema: tool["inputSchema"])
            if InjectionScanner.flags(InjectionScanner().scan(description + " " + (tool["title"]?.stringValue ?? ""), context: .data)) {
                events.append(Event(rule: RuleID.toolDescriptionInjection.rawValue, tool: name, detail: "the description carries injected instructions",
                                    flag: .init(rule: .toolDescriptionInjection, severity: .high, reason: "the tool's description carries injected instructions")))
            }
        }
        if let cursor = result["nextCursor"], cursor != .null { return events }  // more pages follow
        let listing = pages
        pages = [:]
        if !baselineComplete {
            pinned = listing
            baselineComplete = true
            return events
        }
        for (name, tool) in listing {
            if let old = pinned[name] {
                if old.hash != tool.hash {
                    events.append(Event(rule: RuleID.toolChanged.rawValue, tool: name, detail: "description or input schema changed since the first listing",
                                        flag: .init(rule: .toolChanged, severity: .high, reason: "the tool's definition changed mid-session (rug pull)")))
                }
            } else {
                events.append(Event(rule: RuleID.toolAdded.rawValue, tool: name, detail: "listed for the first time mid-session",
                                    flag: .init(rule: .toolAdded, severity: .medium, reason: "the tool appeared mid-session")))
                pinned[name] = tool
            }
        }
        for name in pinned.keys where listing[name] == nil {
            events.append(Event(rule: "protocol.tool_removed", tool: name, detail: "no longer listed", flag: nil))
        }
        return events
    }

    /// The workspace policy with the listed tools' schemas registered (the policy's own tool
    /// definitions win). Once tools are known, a call to an unlisted tool gets the policy's
    /// `unknown_tools` outcome (review by default).
    func registering(into policy: Policy) -> Policy {
        var policy = policy
        for (name, tool) in pinned where policy.tools[name] == nil {
            let schema = tool.inputSchema.flatMap { try? JSONSchema($0) }
            policy.tools[name] = Policy.Tool(name: name, schema: schema)
        }
        return policy
    }
}
