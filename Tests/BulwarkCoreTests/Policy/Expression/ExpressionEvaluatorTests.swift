import Testing
@testable import BulwarkCore

@Suite struct ExpressionEvaluatorTests {
    @Test(arguments: [
        // Typical policy conditions.
        ("action.tool == \"shell\" && risk > 50", true),
        ("\"exfiltration\" in findings.map(f, f.category)", true),
        ("action.host.endsWith(\".internal\")", true),
        ("action.hosts.exists(h, h.endsWith(\".example.com\"))", true),
        ("findings.all(f, f.score >= 70)", true),
        ("findings.exists(f, f.severity == 'critical' && f.rule.startsWith('content.'))", true),
        ("findings.exists_one(f, f.layer == 'impact')", true),
        ("findings.filter(f, f.score > 80).size() == 1", true),
        ("size(findings.map(f, f.score > 80, f.rule)) == 1", true),
        ("'ops' in agent.roles && !('admin' in agent.roles)", true),
        ("time.hour >= 22 || time.hour < 6", true),
        ("time.weekday in [0, 6]", true),
        ("action.arguments.amount > 10000", true),
        ("action.arguments.amount == 12000.0", true),
        ("action.arguments.ratio < 1", true),
        ("action.arguments.command.contains('/etc/passwd')", true),
        ("action.arguments.command.matches('^curl\\\\s+.*https?://')", true),
        ("action.arguments.command.matches('(?i)CURL')", true),
        ("matches(action.arguments.command, 'wget')", false),
        ("action.arguments.recipients.exists(r, !r.endsWith('@corp.com'))", true),
        ("action.arguments.recipients[1] == 'b@evil.io'", true),
        ("action.arguments['count'] + 1 == 4", true),
        ("has(action.arguments.nested.deep) && action.arguments.nested.deep", true),
        ("has(action.arguments.missing)", false),
        ("has(action.server)", false),
        ("action.arguments.nested.nothing == null", true),
        ("'command' in action.arguments", true),
        ("size(action.arguments) == 6", true),
        ("action.arguments.recipients.size() == 2", true),
        // Short circuit: the right side would be an error.
        ("false && action.server == 'x'", false),
        ("true || action.server == 'x'", true),
        ("has(action.server) && action.server == 'x'", false),
        ("risk > 90 ? action.server == 'x' : true", true),
        // Arithmetic and literals.
        ("1 + 2 * 3 == 7", true),
        ("7 / 2 == 3 && 7 % 3 == 1 && -7 / 2 == -3", true),
        ("7.0 / 2.0 == 3.5", true),
        ("2 * 1.5 == 3.0", true),
        ("'ab' + \"cd\" == 'abcd'", true),
        ("[1, 2] + [3] == [1, 2, 3]", true),
        ("{'a': 1, 'b': 2}['b'] == 2", true),
        ("{'a': 1} == {'a': 1.0}", true),
        ("[1, [2, 'x']] == [1, [2, 'x']]", true),
        ("1 == 1.0 && 1 != 2 && 'a' < 'b' && 2 > 1.5 && false < true", true),
        ("9007199254740993 > 9007199254740992.0", true),
        ("null == null && 1 != null", true),
        ("0x10 == 16 && -9223372036854775808 < 0", true),
        ("size('héllo') == 5 && 'héllo'.size() == 5", true),
        ("'MiXeD'.lowerAscii() == 'mixed' && 'MiXeD'.upperAscii() == 'MIXED'", true),
        ("'ÉCOLE'.lower() == 'école' && '  x '.trim() == 'x'", true),
        ("int('42') == 42 && int(3.9) == 3 && double(2) == 2.0 && string(7) == '7'", true),
        ("string(true) == 'true' && bool('false') == false && dyn(1) == 1", true),
        ("[1, 2, 3].map(x, x * 2) == [2, 4, 6]", true),
        ("{'a': 1, 'b': 2}.all(k, k in ['a', 'b'])", true),
        ("[[1, 2], [3]].exists(l, l.exists(x, x == 3))", true),
        ("[].exists(x, x == 1) == false && [].all(x, x == 1)", true),
        ("r'\\d+' == '\\\\d+'", true),
        ("'a\\tb'.contains('\\t')", true),
        // Substring search: overlapping prefixes, non-ASCII text, empty and longer needles.
        ("'aaab'.contains('aab') && 'abababc'.contains('ababc') && !'abababd'.contains('ababc')", true),
        ("'naïve café'.contains('é') && 'naïve café'.contains('ïve c') && !'naive'.contains('ï')", true),
        ("'x'.contains('') && !''.contains('x') && !'ab'.contains('abc')", true),
        ("action.arguments.command.contains(action.arguments.recipients[1].size() > 0 ? 'passwd' : 'x')", true),
        // Macros over map keys, JSON object keys and JSON arrays; nested macros see the outer variable.
        ("{'a': 1, 'b': 2}.exists(k, k == 'b') && !{'a': 1}.exists(k, k == 'b')", true),
        ("action.arguments.exists(k, k == 'ratio') && action.arguments.all(k, size(k) > 1)", true),
        ("action.arguments.recipients.filter(r, r.endsWith('.io')) == ['b@evil.io']", true),
        ("findings.exists(f, action.hosts.exists(h, f.rule.startsWith('impact') && h.startsWith('exfil')))", true),
        ("findings.map(f, f.severity).exists(s, s == 'critical')", true),
    ])
    func evaluatesPolicyConditions(_ source: String, _ expected: Bool) throws {
        #expect(try ExpressionFixtures.run(source) == .value(.bool(expected)), "\(source)")
    }

    @Test(arguments: [
        ("risk + 1", ExpressionValue.int(73)),
        ("action.arguments.ratio * 4", .double(2)),
        ("findings.map(f, f.score)", .list([.int(70), .int(90)])),
        ("action.hosts.filter(h, h.endsWith('.internal'))", .strings(["db.internal"])),
        ("risk > 50 ? 'high' : 'low'", .string("high")),
        ("action.arguments.nested.deep", .bool(true)),
        ("action.arguments.recipients[0]", .string("a@corp.com")),
        ("action.arguments.recipients", .json(["a@corp.com", "b@evil.io"])),
        ("{'k': risk}", .record([("k", .int(72))])),
    ])
    func evaluatesToValues(_ source: String, _ expected: ExpressionValue) throws {
        #expect(try ExpressionFixtures.run(source) == .value(expected), "\(source)")
    }

    @Test func exposesTheStaticResultType() throws {
        #expect(try Expression.compile("risk > 1", schema: .policy).type == .bool)
        #expect(try Expression.compile("action.arguments.x", schema: .policy).type == .dyn)
        #expect(try Expression.compile("findings.map(f, f.rule)", schema: .policy).type == .list(.string))
    }

    @Test func eagerAndLazyJSONAgree() throws {
        var lazy = ExpressionFixtures.bindings
        var eager = ExpressionFixtures.bindings
        let action = ExpressionValue.record([("arguments", .json(ExpressionFixtures.arguments))])
        lazy["action"] = action
        eager["action"] = .record([("arguments", ExpressionValue(converting: ExpressionFixtures.arguments))])
        for source in [
            "action.arguments.amount > 100", "action.arguments.recipients[0]", "size(action.arguments)",
            "action.arguments.nested", "'b@evil.io' in action.arguments.recipients",
        ] {
            #expect(try ExpressionFixtures.run(source, lazy) == ExpressionFixtures.run(source, eager).normalizedForComparison, "\(source)")
        }
    }

    @Test func bindingsAreBySlot() throws {
        let schema = ExpressionSchema([(name: "x", type: .int), (name: "y", type: .string)])
        let e = try Expression.compile("x > 1 && y == 'a'", schema: schema)
        var b = ExpressionBindings(schema: schema)
        b[slot: schema.slot(of: "x")!] = .int(2)
        b[slot: schema.slot(of: "y")!] = .string("a")
        #expect(e.evaluate(b) == .value(.bool(true)))
        b["y"] = .string("b")
        #expect(e.evaluate(b) == .value(.bool(false)))
        #expect(b["nope"] == nil)
    }
}

extension ExpressionResult {
    /// Eagerly converted maps compare equal to lazily bound JSON only after the same conversion.
    var normalizedForComparison: ExpressionResult {
        guard case .value(let v) = self else { return self }
        func lazy(_ v: ExpressionValue) -> ExpressionValue {
            switch v {
            case .int(let i): return .json(.number(Double(i)))
            case .double(let d): return .json(.number(d))
            case .string(let s): return .json(.string(s))
            case .bool(let b): return .json(.bool(b))
            case .null: return .json(.null)
            case .list(let items): return .json(.array(items.map { if case .json(let j) = lazy($0) { j } else { .null } }))
            case .map(let m):
                return .json(.object(JSONObject(m.entries.map { e in
                    guard case .string(let k) = e.key, case .json(let j) = lazy(e.value) else { return (key: "?", value: .null) }
                    return (key: k, value: j)
                })))
            case .json: return v
            }
        }
        switch v {
        case .bool, .int, .double, .string, .null: return self  // JSON scalars come out resolved
        default: return .value(lazy(v))
        }
    }
}
