/// A compiled workspace policy: who may use which tools, where actions may reach, thresholds.
///
/// Built by `PolicyCompiler` from a JSON document (the runtime loads YAML into one). Values are
/// immutable; matching does no parsing.
public struct Policy: Sendable {
    /// What the policy does with an action that matches a list.
    public enum Outcome: String, Sendable, CaseIterable {
        case allow, review, block
    }

    public struct ToolAccess: Sendable {
        public var allow: [GlobPattern] = []
        public var review: [GlobPattern] = []
        public var deny: [GlobPattern] = []
    }

    /// A registered tool: its input schema, compiled once.
    public struct Tool: Sendable {
        public var name: String
        public var schema: JSONSchema?

        public init(name: String, schema: JSONSchema?) {
            self.name = name
            self.schema = schema
        }
    }

    public struct Agent: Sendable {
        public var id: String
        public var roles: [String]
        public var tools: ToolAccess
    }

    public var name: String
    public var thresholds: (review: Int, block: Int)?
    public var moneyReviewAboveUSD: Double?
    public var agents: [String: Agent]
    public var roles: [String: ToolAccess]
    /// What happens to an agent the policy does not list (default: allow, unconstrained).
    public var unknownAgents: Outcome
    /// What happens to a tool an agent's lists do not mention, when it has lists (default: review).
    public var unlistedTools: Outcome
    public var allowedDomains: [GlobPattern]
    public var deniedDomains: [GlobPattern]
    /// What happens to a host outside `allowedDomains` when that list is not empty (default: review).
    public var unlistedDomains: Outcome
    public var deniedPaths: [GlobPattern]
    public var reviewPaths: [GlobPattern]
    /// Input formats accepted (empty: all).
    public var allowedFormats: Set<InputFormat>
    /// Registered tools (by raw or bare name) with their schemas.
    public var tools: [String: Tool]
    /// What happens to a tool that is not registered, when some are (default: review).
    public var unknownTools: Outcome
    public var rules: [PolicyRule]
    public var ruleMode: RuleMode
    /// The current Unix time for `time.*` in conditions, supplied by the caller (no clock here).
    public var now: Int?

    /// Rules in the order they are tried.
    public var orderedRules: [PolicyRule] {
        ruleMode == .firstMatch ? rules : rules.enumerated().sorted { ($0.element.priority, -$0.offset) > ($1.element.priority, -$1.offset) }.map(\.element)
    }

    public init(name: String = "policy") {
        self.name = name
        self.thresholds = nil
        self.moneyReviewAboveUSD = nil
        self.agents = [:]
        self.roles = [:]
        self.unknownAgents = .allow
        self.unlistedTools = .review
        self.allowedDomains = []
        self.deniedDomains = []
        self.unlistedDomains = .review
        self.deniedPaths = []
        self.reviewPaths = []
        self.allowedFormats = []
        self.tools = [:]
        self.unknownTools = .review
        self.rules = []
        self.ruleMode = .firstMatch
        self.now = nil
    }
}
