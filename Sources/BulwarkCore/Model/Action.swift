/// The normalized, immutable description of one attempted action, whatever format it came in.
///
/// Adapters build it; `FacetExtractor` derives the facets once; layers only read it.
public struct Action: Sendable {
    public enum Phase: String, Sendable { case pre, post }

    public var id: String
    public var format: InputFormat
    public var phase: Phase
    /// The tool as the agent named it (`Bash`, `mcp__github__create_issue`, `run_shell`).
    public var rawToolName: String
    /// The tool name without any server prefix.
    public var toolName: String
    /// The MCP server, when the name or the envelope says which.
    public var server: String?
    public var kind: ActionKind
    public var arguments: JSONValue
    /// The tool's result (post phase only).
    public var result: JSONValue?
    public var agent: String?
    public var session: String?
    public var workspace: String?
    public var cwd: String?
    public var home: String?
    public var protocolVersion: String?
    /// Problems the adapter met while normalizing (arguments that were not JSON…).
    public var adapterNotes: [String]
    public var facets: Facets
    /// The Unix time the action is judged at, when the caller knows it (`SessionSnapshot.unixTime`).
    public var time: Int?

    public init(
        id: String, format: InputFormat, phase: Phase = .pre, rawToolName: String, toolName: String? = nil,
        server: String? = nil, kind: ActionKind? = nil, arguments: JSONValue, result: JSONValue? = nil,
        agent: String? = nil, session: String? = nil, workspace: String? = nil, cwd: String? = nil,
        home: String? = nil, protocolVersion: String? = nil, adapterNotes: [String] = []
    ) {
        self.id = id
        self.format = format
        self.phase = phase
        self.rawToolName = rawToolName
        self.toolName = toolName ?? rawToolName
        self.server = server
        self.kind = kind ?? ActionKind.classify(toolName: toolName ?? rawToolName, arguments: arguments)
        self.arguments = arguments
        self.result = result
        self.agent = agent
        self.session = session
        self.workspace = workspace
        self.cwd = cwd
        self.home = home
        self.protocolVersion = protocolVersion
        self.adapterNotes = adapterNotes
        self.facets = Facets()
    }
}
