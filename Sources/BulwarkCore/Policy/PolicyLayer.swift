/// The workspace policy's structured sections as findings: agents and their tools, input
/// formats, domains reached by any URL or host the action carries, and paths it touches.
/// A `block` outcome is a critical finding; a `review` outcome a medium finding with score 0 that
/// sets a floor: the decision is at least review, but it adds no risk of its own.
public struct PolicyLayer: Layer {
    public let id = LayerID.policy
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: RuleID, _ outcome: Policy.Outcome, _ message: String, _ evidence: String) {
            switch outcome {
            case .allow: return
            // A review outcome is a floor (at least review), not added risk: see `Scorer.decision`.
            case .review: findings.append(Finding(layer: .policy, rule: rule, severity: .medium, score: 0, message: message, evidence: evidence))
            case .block: findings.append(Finding(layer: .policy, rule: rule, severity: .critical, message: message, evidence: evidence))
            }
        }
        if !policy.allowedFormats.isEmpty, !policy.allowedFormats.contains(action.format) {
            add("policy.protocol_denied", .block, "Policy \(policy.name) does not accept \(action.format.rawValue) input", action.format.rawValue)
        }
        judgeTool(action, add: add)
        judgeDomains(action, add: add)
        judgePaths(action, add: add)
        return findings
    }

    /// Names a tool answers to in policies: its raw and bare names, `server/tool`, and `kind:<kind>`.
    func toolNames(_ action: Action) -> [String] {
        var names = [action.rawToolName, action.toolName, "kind:" + action.kind.rawValue]
        if let server = action.server { names.append(server + "/" + action.toolName) }
        return names
    }

    func judgeTool(_ action: Action, add: (RuleID, Policy.Outcome, String, String) -> Void) {
        let names = toolNames(action)
        func matches(_ patterns: [GlobPattern]) -> Bool { patterns.contains { p in names.contains { p.matches($0) } } }
        guard let agentID = action.agent, let agent = policy.agents[agentID] else {
            add("policy.unknown_agent", policy.unknownAgents, "Agent \(action.agent ?? "(none)") is not listed in policy \(policy.name)", action.agent ?? "")
            return
        }
        let lists = [agent.tools] + agent.roles.compactMap { policy.roles[$0] }
        let evidence = "\(agentID) → \(action.rawToolName)"
        if lists.contains(where: { matches($0.deny) }) {
            add("policy.tool_denied", .block, "Agent \(agentID) may not use \(action.rawToolName) (roles: \(agent.roles.joined(separator: ", ")))", evidence)
        } else if lists.contains(where: { matches($0.review) }) {
            add("policy.tool_review", .review, "Agent \(agentID) needs review to use \(action.rawToolName)", evidence)
        } else if lists.contains(where: { matches($0.allow) }) {
            return
        } else if lists.contains(where: { !$0.allow.isEmpty || !$0.review.isEmpty || !$0.deny.isEmpty }) {
            add("policy.tool_unlisted", policy.unlistedTools, "Agent \(agentID) is not approved for \(action.rawToolName)", evidence)
        }
    }

    func judgeDomains(_ action: Action, add: (RuleID, Policy.Outcome, String, String) -> Void) {
        guard !policy.allowedDomains.isEmpty || !policy.deniedDomains.isEmpty else { return }
        var hosts: [String] = []
        for url in action.facets.urls where !hosts.contains(url.host) { hosts.append(url.host) }
        for request in action.facets.requests where !hosts.contains(request.url.host) { hosts.append(request.url.host) }
        for shell in action.facets.shell { for url in shell.urls where !hosts.contains(url.host) { hosts.append(url.host) } }
        for host in hosts where !host.isEmpty {
            if let pattern = policy.deniedDomains.first(where: { $0.matchesHost(host) }) {
                add("policy.domain_denied", .block, "Policy \(policy.name) denies \(host) (\(pattern))", host)
            } else if !policy.allowedDomains.isEmpty, !policy.allowedDomains.contains(where: { $0.matchesHost(host) }) {
                add("policy.domain_unlisted", policy.unlistedDomains, "\(host) is not on policy \(policy.name)'s domain allow list", host)
            }
        }
    }

    func judgePaths(_ action: Action, add: (RuleID, Policy.Outcome, String, String) -> Void) {
        guard !policy.deniedPaths.isEmpty || !policy.reviewPaths.isEmpty else { return }
        var paths = action.facets.files.map(\.path)
        for shell in action.facets.shell { paths.append(contentsOf: shell.files.map(\.path)) }
        for path in paths {
            // `~/…` patterns match paths under the action's home too.
            var forms = [path]
            if let home = action.home, path.hasPrefix(home + "/") { forms.append("~" + path.dropFirst(home.count)) }
            if let pattern = policy.deniedPaths.first(where: { p in forms.contains { p.matches($0) } }) {
                add("policy.path_denied", .block, "Policy \(policy.name) denies access to \(path) (\(pattern))", path)
            } else if let pattern = policy.reviewPaths.first(where: { p in forms.contains { p.matches($0) } }) {
                add("policy.path_review", .review, "Policy \(policy.name) asks for review to access \(path) (\(pattern))", path)
            }
        }
    }
}
