/// Turns a policy document (JSON, or YAML loaded as JSON with a `SourceMap`) into a `Policy`.
/// Unknown fields, wrong types and invalid values are errors that name their place.
///
/// ```yaml
/// version: 1
/// name: default
/// thresholds: {review: 30, block: 70}
/// money: {review_above_usd: 10000}
/// unknown_agents: review          # allow | review | block
/// agents:
///   builder: {roles: [developer]}
///   researcher: {roles: [analyst], tools: {deny: ["kind:shell"]}}
/// roles:
///   developer: {tools: {allow: ["*"]}}
///   analyst: {tools: {allow: [WebSearch, WebFetch, Read], review: ["kind:shell"]}}
/// unlisted_tools: review
/// domains: {allow: ["*.github.com"], deny: ["*.ngrok.io"], unlisted: review}
/// paths: {deny: ["~/.ssh/**", "/etc/shadow"], review: ["**/.env"]}
/// protocols: {allow: [claude-code, mcp]}
/// ```
public enum PolicyCompiler {
    static let topLevelKeys: Set<String> = [
        "version", "name", "description", "thresholds", "money", "agents", "roles", "unknown_agents", "unlisted_tools", "domains",
        "paths", "protocols", "rules", "tools", "unknown_tools", "mode",
    ]

    public static func compile(_ document: JSONValue, source: SourceMap = SourceMap()) throws(PolicyError) -> Policy {
        guard let root = document.objectValue else { throw source.error("a policy is a mapping of sections", at: "") }
        try checkKeys(root, allowed: topLevelKeys, at: "", source: source)
        if let version = root["version"] {
            guard version.numberValue == 1 else { throw source.error("unsupported policy version (expected 1)", at: "/version") }
        }
        var policy = Policy(name: root["name"]?.stringValue ?? source.file ?? "policy")
        if let thresholds = root["thresholds"] {
            let t = try object(thresholds, at: "/thresholds", source: source)
            try checkKeys(t, allowed: ["review", "block"], at: "/thresholds", source: source)
            let review = try integer(t["review"] ?? .number(30), in: 0...100, at: "/thresholds/review", source: source)
            let block = try integer(t["block"] ?? .number(70), in: 0...100, at: "/thresholds/block", source: source)
            guard review <= block else { throw source.error("review threshold must not exceed block threshold", at: "/thresholds") }
            policy.thresholds = (review, block)
        }
        if let money = root["money"] {
            let m = try object(money, at: "/money", source: source)
            try checkKeys(m, allowed: ["review_above_usd"], at: "/money", source: source)
            if let limit = m["review_above_usd"] {
                guard let value = limit.numberValue, value >= 0, value.isFinite else {
                    throw source.error("review_above_usd must be a non-negative number", at: "/money/review_above_usd")
                }
                policy.moneyReviewAboveUSD = value
            }
        }
        if let v = root["unknown_agents"] { policy.unknownAgents = try outcome(v, at: "/unknown_agents", source: source) }
        if let v = root["unlisted_tools"] { policy.unlistedTools = try outcome(v, at: "/unlisted_tools", source: source) }
        if let roles = root["roles"] {
            for entry in try object(roles, at: "/roles", source: source).entries {
                let at = "/roles/" + escape(entry.key)
                let r = try object(entry.value, at: at, source: source)
                try checkKeys(r, allowed: ["tools", "description"], at: at, source: source)
                policy.roles[entry.key] = try toolAccess(r["tools"], at: at + "/tools", source: source)
            }
        }
        if let agents = root["agents"] {
            for entry in try object(agents, at: "/agents", source: source).entries {
                let at = "/agents/" + escape(entry.key)
                let a = try object(entry.value, at: at, source: source)
                try checkKeys(a, allowed: ["roles", "tools", "description"], at: at, source: source)
                let roles = try strings(a["roles"], at: at + "/roles", source: source)
                for (i, role) in roles.enumerated() where policy.roles[role] == nil {
                    throw source.error("agent \(entry.key) has role \(role), which the policy does not define", at: at + "/roles/\(i)")
                }
                policy.agents[entry.key] = Policy.Agent(id: entry.key, roles: roles, tools: try toolAccess(a["tools"], at: at + "/tools", source: source))
            }
        }
        if let domains = root["domains"] {
            let d = try object(domains, at: "/domains", source: source)
            try checkKeys(d, allowed: ["allow", "deny", "unlisted"], at: "/domains", source: source)
            policy.allowedDomains = try strings(d["allow"], at: "/domains/allow", source: source).map { GlobPattern($0) }
            policy.deniedDomains = try strings(d["deny"], at: "/domains/deny", source: source).map { GlobPattern($0) }
            if let u = d["unlisted"] { policy.unlistedDomains = try outcome(u, at: "/domains/unlisted", source: source) }
        }
        if let paths = root["paths"] {
            let p = try object(paths, at: "/paths", source: source)
            try checkKeys(p, allowed: ["deny", "review"], at: "/paths", source: source)
            policy.deniedPaths = try strings(p["deny"], at: "/paths/deny", source: source).map { GlobPattern($0, isPath: true) }
            policy.reviewPaths = try strings(p["review"], at: "/paths/review", source: source).map { GlobPattern($0, isPath: true) }
        }
        if let protocols = root["protocols"] {
            let p = try object(protocols, at: "/protocols", source: source)
            try checkKeys(p, allowed: ["allow"], at: "/protocols", source: source)
            for (i, name) in try strings(p["allow"], at: "/protocols/allow", source: source).enumerated() {
                guard let format = InputFormat(rawValue: name) else {
                    throw source.error("unknown protocol \(name) (expected one of \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")))", at: "/protocols/allow/\(i)")
                }
                policy.allowedFormats.insert(format)
            }
        }
        if let mode = root["mode"] {
            guard let m = mode.stringValue.flatMap(RuleMode.init(rawValue:)) else {
                throw source.error("mode must be first-match or priority", at: "/mode")
            }
            policy.ruleMode = m
        }
        if let rules = root["rules"] {
            guard let items = rules.arrayValue else { throw source.error("rules is a list", at: "/rules") }
            var ids: Set<String> = []
            for (i, item) in items.enumerated() {
                let at = "/rules/\(i)"
                let r = try object(item, at: at, source: source)
                try checkKeys(r, allowed: ["id", "when", "then", "reason", "priority", "allow_lowering", "overrides", "description"], at: at, source: source)
                guard let id = r["id"]?.stringValue, !id.isEmpty else { throw source.error("a rule needs an id", at: at) }
                guard ids.insert(id).inserted else { throw source.error("duplicate rule id \(id)", at: at + "/id") }
                guard let when = r["when"]?.stringValue else { throw source.error("a rule needs a `when` expression", at: at) }
                guard let then = r["then"]?.stringValue, let decision = Decision(rawValue: then) else {
                    throw source.error("`then` must be allow, review or block", at: at + "/then")
                }
                let condition: Expression
                do {
                    condition = try Expression.compile(when, schema: .policy)
                } catch {
                    // Point at the expression inside the file: its line plus the error's line within it.
                    var e = source.error("in `when`: \(error.message)", at: at + "/when")
                    if let line = e.line {
                        e.line = line + error.line - 1
                        e.column = error.line == 1 ? (e.column ?? 1) + error.column - 1 : error.column
                    }
                    throw e
                }
                guard condition.type == .bool || condition.type == .dyn else {
                    throw source.error("`when` must be a boolean expression", at: at + "/when")
                }
                var priority = 0
                if let p = r["priority"] { priority = try integer(p, in: -1_000_000...1_000_000, at: at + "/priority", source: source) }
                var lowering = false
                if let l = r["allow_lowering"] {
                    guard let b = l.boolValue else { throw source.error("allow_lowering is true or false", at: at + "/allow_lowering") }
                    lowering = b
                }
                let overrides = Set(try strings(r["overrides"], at: at + "/overrides", source: source))
                policy.rules.append(PolicyRule(
                    id: id, condition: condition, decision: decision, reason: r["reason"]?.stringValue ?? "policy rule \(id)",
                    priority: priority, allowsLowering: lowering, overrides: overrides))
            }
        }
        if let v = root["unknown_tools"] { policy.unknownTools = try outcome(v, at: "/unknown_tools", source: source) }
        if let tools = root["tools"] {
            for entry in try object(tools, at: "/tools", source: source).entries {
                let at = "/tools/" + escape(entry.key)
                let t = try object(entry.value, at: at, source: source)
                try checkKeys(t, allowed: ["schema", "description"], at: at, source: source)
                var schema: JSONSchema? = nil
                if let document = t["schema"] {
                    do {
                        schema = try JSONSchema(document)
                    } catch {
                        throw source.error("invalid schema: \(error.message)", at: at + "/schema" + error.pointer)
                    }
                }
                policy.tools[entry.key] = Policy.Tool(name: entry.key, schema: schema)
            }
        }
        return policy
    }

    // MARK: Helpers

    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func checkKeys(_ object: JSONObject, allowed: Set<String>, at pointer: String, source: SourceMap) throws(PolicyError) {
        for key in object.keys where !allowed.contains(key) {
            let known = allowed.sorted().joined(separator: ", ")
            throw source.error("unknown field `\(key)` (expected one of: \(known))", at: pointer + "/" + escape(key))
        }
    }

    static func object(_ value: JSONValue, at pointer: String, source: SourceMap) throws(PolicyError) -> JSONObject {
        guard let o = value.objectValue else { throw source.error("expected a mapping", at: pointer) }
        return o
    }

    static func strings(_ value: JSONValue?, at pointer: String, source: SourceMap) throws(PolicyError) -> [String] {
        guard let value else { return [] }
        guard let items = value.arrayValue else { throw source.error("expected a list of strings", at: pointer) }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            guard let s = item.stringValue, !s.isEmpty else { throw source.error("expected a non-empty string", at: pointer + "/\(i)") }
            out.append(s)
        }
        return out
    }

    static func integer(_ value: JSONValue, in range: ClosedRange<Int>, at pointer: String, source: SourceMap) throws(PolicyError) -> Int {
        guard let n = value.numberValue, n == n.rounded(), n >= Double(range.lowerBound), n <= Double(range.upperBound) else {
            throw source.error("expected a whole number in \(range.lowerBound)…\(range.upperBound)", at: pointer)
        }
        return Int(n)
    }

    static func outcome(_ value: JSONValue, at pointer: String, source: SourceMap) throws(PolicyError) -> Policy.Outcome {
        guard let s = value.stringValue, let o = Policy.Outcome(rawValue: s) else {
            throw source.error("expected allow, review or block", at: pointer)
        }
        return o
    }

    static func toolAccess(_ value: JSONValue?, at pointer: String, source: SourceMap) throws(PolicyError) -> Policy.ToolAccess {
        guard let value else { return Policy.ToolAccess() }
        let o = try object(value, at: pointer, source: source)
        try checkKeys(o, allowed: ["allow", "review", "deny"], at: pointer, source: source)
        return Policy.ToolAccess(
            allow: try strings(o["allow"], at: pointer + "/allow", source: source).map { GlobPattern($0) },
            review: try strings(o["review"], at: pointer + "/review", source: source).map { GlobPattern($0) },
            deny: try strings(o["deny"], at: pointer + "/deny", source: source).map { GlobPattern($0) })
    }
}
