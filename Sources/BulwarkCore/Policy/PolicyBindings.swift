/// The values a policy's `when:` conditions read (see docs/expressions.md for the schema), built
/// once per action, and only as far as the conditions read them: a policy whose rules never
/// mention `action.urls` or `findings` does not pay for them.
enum PolicyBindings {
    static func make(action: Action, findings: [Finding], risk: Int, policy: Policy, reads: PolicyReads) -> ExpressionBindings {
        var b = ExpressionBindings(schema: .policy)
        bindAction(action, into: &b, reads: reads)
        if reads.variable[PolicySlots.agent] {
            // `agent` and `time` are always bound when read (empty when unknown), so that
            // `has(agent.id)` and `has(time.hour)` are false rather than errors.
            if let id = action.agent {
                b[slot: PolicySlots.agent] = .record([("id", .string(id)), ("roles", .strings(policy.agents[id]?.roles ?? []))])
            } else {
                b[slot: PolicySlots.agent] = .record([])
            }
        }
        if reads.variable[PolicySlots.findings] {
            var list: [ExpressionValue] = []
            list.reserveCapacity(findings.count)
            for f in findings {
                var record = ExpressionMap.Builder(capacity: 7)
                record.append("rule", .string(f.rule.rawValue))
                record.append("severity", .string(f.severity.description))
                record.append("score", .int(f.score))
                record.append("category", .string(f.category?.rawValue ?? ""))
                record.append("layer", .string(f.layer.rawValue))
                record.append("message", .string(f.message))
                record.append("evidence", .string(f.evidence))
                list.append(.map(record.map))
            }
            b[slot: PolicySlots.findings] = .list(list)
        }
        b[slot: PolicySlots.risk] = .int(risk)
        if reads.variable[PolicySlots.time] {
            if let now = action.time ?? policy.now {
                let t = PolicyTime.fields(unix: now)
                b[slot: PolicySlots.time] = .record([("unix", .int(now)), ("hour", .int(t.hour)), ("minute", .int(t.minute)), ("weekday", .int(t.weekday)), ("date", .string(t.date))])
            } else {
                b[slot: PolicySlots.time] = .record([])
            }
        }
        if reads.variable[PolicySlots.tool] {
            b[slot: PolicySlots.tool] = .record([("name", .string(action.toolName))] + (action.server.map { [("server", ExpressionValue.string($0))] } ?? []))
        }
        return b
    }

    /// `action`: the whole record when a condition reads it as a whole; otherwise an empty
    /// record (so that `has(action.x)` works) and the fields that are read, each in its slot.
    private static func bindAction(_ action: Action, into b: inout ExpressionBindings, reads: PolicyReads) {
        let whole = reads.wholeAction
        var fields = ExpressionMap.Builder(capacity: whole ? 20 : 0)
        func add(_ name: String, _ slot: Int, _ value: @autoclosure () -> ExpressionValue?) {
            guard whole || reads.slot[slot], let v = value() else { return }
            if whole { fields.append(name, v) } else { b.bindField(slot, v) }
        }
        if !whole { b[slot: PolicySlots.action] = .map(ExpressionMap()) }
        let needsURLs = whole || reads.slot[PolicySlots.host] || reads.slot[PolicySlots.hosts] || reads.slot[PolicySlots.urls]
        var hosts: [String] = []
        var urls: [String] = []
        if needsURLs {
            for url in action.facets.urls + action.facets.requests.map(\.url) + action.facets.shell.flatMap(\.urls) {
                if !hosts.contains(url.host) { hosts.append(url.host) }
                urls.append(url.raw)
            }
        }
        let money = action.facets.money.first
        // In the schema's alphabetical order, which `ExpressionBindings` reads fastest.
        add("agent", PolicySlots.agentField, action.agent.map { .string($0) })
        add("amount", PolicySlots.amount, money.map { .double($0.usdEquivalent ?? $0.amount) })
        add("arguments", PolicySlots.arguments, .json(action.arguments))
        add("commands", PolicySlots.commands, .strings(action.facets.shell.map(\.source)))
        add("currency", PolicySlots.currency, money.map { .string($0.currency) })
        add("cwd", PolicySlots.cwd, action.cwd.map { .string($0) })
        add("format", PolicySlots.format, .string(action.format.rawValue))
        add("host", PolicySlots.host, hosts.first.map { .string($0) })
        add("hosts", PolicySlots.hosts, .strings(hosts))
        add("id", PolicySlots.id, .string(action.id))
        add("kind", PolicySlots.kind, .string(action.kind.rawValue))
        add("paths", PolicySlots.paths, .strings(action.facets.files.map(\.path) + action.facets.shell.flatMap { $0.files.map(\.path) }))
        add("phase", PolicySlots.phase, .string(action.phase.rawValue))
        add("raw_tool", PolicySlots.rawTool, .string(action.rawToolName))
        add("result", PolicySlots.result, action.result.map { .json($0) })
        add("server", PolicySlots.server, action.server.map { .string($0) })
        add("session", PolicySlots.session, action.session.map { .string($0) })
        add("tool", PolicySlots.toolField, .string(action.toolName))
        add("urls", PolicySlots.urls, .strings(urls))
        add("workspace", PolicySlots.workspace, action.workspace.map { .string($0) })
        if whole { b[slot: PolicySlots.action] = .map(fields.map) }
    }
}

/// What a policy's conditions read, by slot of the policy schema.
struct PolicyReads: Sendable {
    /// Slots read directly (a variable, or a declared field such as `action.tool`).
    var slot: [Bool]
    /// Variables read at all: directly or through one of their fields.
    var variable: [Bool]
    /// `action` read as a whole (`size(action)`, `action['tool']`, a macro over it): then the
    /// bindings hold the whole record.
    var wholeAction: Bool { slot[PolicySlots.action] }

    init(_ conditions: [Expression]) {
        let schema = ExpressionSchema.policy
        slot = Array(repeating: false, count: schema.slotCount)
        variable = Array(repeating: false, count: schema.slotCount)
        for condition in conditions {
            for s in condition.slotsRead where s < slot.count {
                slot[s] = true
                var root = s
                while let parent = schema.slots[root].parent { root = parent }
                variable[root] = true
            }
        }
    }
}

/// Slots of the policy schema: its variables, in declaration order, and the fields of `action`.
enum PolicySlots {
    static let action = 0, agent = 1, findings = 2, risk = 3, time = 4, tool = 5
    static let agentField = field("agent"), amount = field("amount"), arguments = field("arguments")
    static let commands = field("commands"), currency = field("currency"), cwd = field("cwd")
    static let format = field("format"), host = field("host"), hosts = field("hosts"), id = field("id")
    static let kind = field("kind"), paths = field("paths"), phase = field("phase"), rawTool = field("raw_tool")
    static let result = field("result"), server = field("server"), session = field("session")
    static let toolField = field("tool"), urls = field("urls"), workspace = field("workspace")

    private static func field(_ name: String) -> Int {
        ExpressionSchema.policy.slot(of: "action." + name)!
    }
}
