import Testing
@testable import BulwarkCore

@Suite struct PolicyRuleTests {
    func engine(_ rules: [JSONValue], mode: String = "first-match") -> Engine {
        Engine(workspace: try! PolicyCompiler.compile(["mode": .string(mode), "rules": .array(rules)]))
    }

    func bash(_ command: String) -> String {
        JSONWriter.string(["hook_event_name": "PreToolUse", "tool_name": "Bash", "tool_input": ["command": .string(command)]])
    }

    @Test func aMatchingRuleRaisesAndIsNamed() {
        let e = engine([["id": "no-deploys", "when": #"action.commands.exists(c, c.startsWith("kubectl apply"))"#, "then": "block", "reason": "freeze"]])
        let v = e.evaluate(bash("kubectl apply -f prod.yaml"))
        #expect(v.decision == .block && v.policyRule == "no-deploys")
        #expect(v.findings.contains { $0.rule == "policy.rule" && $0.message == "freeze" })
        #expect(v.risk >= 70)
        #expect(e.evaluate(bash("ls")).decision == .allow)
    }

    @Test func firstMatchTakesFileOrderAndPriorityTakesTheHighest() {
        let rules: [JSONValue] = [
            ["id": "a", "when": "true", "then": "review", "priority": 1],
            ["id": "b", "when": "true", "then": "block", "priority": 5],
        ]
        #expect(engine(rules).evaluate(bash("ls")).policyRule == "a")
        #expect(engine(rules, mode: "priority").evaluate(bash("ls")).policyRule == "b")
    }

    @Test func loweringNeedsPermissionAndNeverPassesAnUnnamedCriticalFinding() {
        let force = bash("git push --force origin main")  // high, blocks on its own
        let noPermission = engine([["id": "r", "when": "true", "then": "allow"]])
        #expect(noPermission.evaluate(force).decision == .block)
        let permitted = engine([["id": "r", "when": "true", "then": "review", "allow_lowering": true]])
        #expect(permitted.evaluate(force).decision == .review)
        let critical = bash("rm -rf /")
        #expect(permitted.evaluate(critical).decision == .block, "a critical finding needs its rule id in overrides")
        let named = engine([["id": "r", "when": "true", "then": "review", "allow_lowering": true, "overrides": ["shell.destructive.delete_root"]]])
        #expect(named.evaluate(critical).decision == .review)
    }

    @Test func aConditionThatFailsAtRunTimeFailsClosed() {
        let e = engine([["id": "amount-check", "when": "action.arguments.amount > 10", "then": "review"]])
        let v = e.evaluate(JSONWriter.string(["tool": "notify", "arguments": ["text": "hi"]]))
        #expect(v.decision == .block && v.policyRule == "amount-check")
    }

    @Test func conditionsSeeFindingsRiskAndAgent() {
        let e = engine([["id": "r", "when": #"risk >= 40 && findings.exists(f, f.rule == "shell.git.reset_hard") && agent.id == "bot""#, "then": "block"]])
        let v = e.evaluate(JSONWriter.string(["tool_name": "Bash", "agent_id": "bot", "tool_input": ["command": "git reset --hard"]]))
        #expect(v.decision == .block && v.policyRule == "r")
    }

    @Test(arguments: [
        (JSONValue.array([["when": "true", "then": "block"]]), "/rules/0"),
        (.array([["id": "x", "when": "risk >", "then": "block"]]), "/rules/0/when"),
        (.array([["id": "x", "when": "risk > \"high\"", "then": "block"]]), "/rules/0/when"),
        (.array([["id": "x", "when": "risk + 1", "then": "block"]]), "/rules/0/when"),
        (.array([["id": "x", "when": "true", "then": "deny"]]), "/rules/0/then"),
        (.array([["id": "x", "when": "true", "then": "block"], ["id": "x", "when": "true", "then": "block"]]), "/rules/1/id"),
    ] as [(JSONValue, String)])
    func invalidRulesNameThePlace(rules: JSONValue, pointer: String) {
        do {
            _ = try PolicyCompiler.compile(["rules": rules])
            Issue.record("expected an error")
        } catch {
            #expect(error.pointer == pointer, "\(error)")
        }
    }

    @Test func timeFieldsAreUTC() {
        let t = PolicyTime.fields(unix: 1_763_726_400)
        #expect(t.date == "2025-11-21" && t.hour == 12 && t.minute == 0 && t.weekday == 5)
        #expect(PolicyTime.fields(unix: 0).date == "1970-01-01")
        #expect(PolicyTime.fields(unix: -1).date == "1969-12-31")
    }

    /// The bindings hold only what the conditions read; a condition must see the same action
    /// whether it reads a field directly or the whole record.
    @Test(arguments: [
        ("action.tool == 'Bash' && action.kind == 'shell'", true),
        ("action['tool'] == 'Bash' && 'kind' in action", true),
        ("has(action.server)", false),
        ("has(action.tool) && !has(action.result)", true),
        ("action.commands.exists(c, c.startsWith('git push'))", true),
        ("action.exists(k, k == 'commands') && size(findings) >= 0", true),
        ("action.urls.size() == 0 && !has(action.host) && action.hosts == []", true),
        ("time.hour >= 0", false),  // no clock given: `time` is bound empty, so this is an error: block
    ])
    func bindingsHoldWhatTheConditionsRead(_ condition: String, _ holds: Bool) {
        let e = engine([["id": "r", "when": .string(condition), "then": "review"]])
        let v = e.evaluate(bash("git push origin main"))
        if condition.hasPrefix("time.") {
            #expect(v.decision == .block && v.policyRule == "r", "\(condition)")
        } else {
            #expect((v.policyRule == "r") == holds, "\(condition): \(v.decision) \(v.policyRule ?? "-")")
        }
    }
}

/// Catastrophic-backtracking patterns reached through a policy (a rule's `matches`, a tool
/// schema's `pattern`) run on the linear-time engines: bounded time, a verdict, no hang.
@Suite struct PolicyPathologicalPatternTests {
    @Test func ruleAndSchemaPatternsStayLinear() {
        let policy = try! PolicyCompiler.compile([
            "rules": [["id": "r", "when": #"action.arguments.text.matches("^(a+)+$")"#, "then": "review"]],
            "tools": ["echo": ["schema": ["type": "object", "properties": ["text": ["type": "string", "pattern": "^(a|aa)+$"]]]]],
        ])
        let engine = Engine(workspace: policy)
        let evil = String(repeating: "a", count: 30_000) + "!"
        let clock = ContinuousClock()
        var verdict: Verdict?
        let elapsed = clock.measure {
            verdict = engine.evaluate(JSONWriter.string(["tool": "echo", "arguments": ["text": .string(evil)]]))
        }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(verdict?.findings.contains { $0.rule == "protocol.schema_violation" } == true)
    }

    @Test func backtrackingOnlySyntaxIsRejectedAtLoad() {
        #expect(throws: PolicyError.self) {
            _ = try PolicyCompiler.compile(["rules": [["id": "r", "when": #"action.tool.matches("(a)\\1")"#, "then": "review"]]])
        }
    }

    @Test func theEvaluatorBindsTheSchemasSlots() {
        let schema = ExpressionSchema.policy
        #expect(schema.slot(of: "action") == PolicySlots.action && schema.slot(of: "agent") == PolicySlots.agent)
        #expect(schema.slot(of: "findings") == PolicySlots.findings && schema.slot(of: "risk") == PolicySlots.risk)
        #expect(schema.slot(of: "time") == PolicySlots.time && schema.slot(of: "tool") == PolicySlots.tool)
    }

    @Test func recordFieldsAreFoundInAnyOrder() throws {
        let e = try Expression.compile("action.tool == 'shell' && action.kind == 'shell' && !has(action.server) && action.id == 'x'", schema: .policy)
        var b = ExpressionBindings(schema: .policy)
        b["action"] = .record([("tool", .string("shell")), ("id", .string("x")), ("kind", .string("shell")), ("tool", .string("later"))])
        #expect(e.evaluate(b) == .value(.bool(true)))
        b["action"] = .record([("kind", .string("shell")), ("id", .string("y")), ("tool", .string("shell"))])
        #expect(e.evaluate(b) == .value(.bool(false)))
    }

}

