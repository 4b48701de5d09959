import Testing
@testable import BulwarkCore

/// The examples of docs/expressions.md compile against the policy schema and mean what the
/// document says.
@Suite struct ExpressionDocExamplesTests {
    static let examples = [
        #"action.tool == "shell" && risk > 50"#,
        #"""
        "exfiltration" in findings.map(f, f.category)
          || findings.exists(f, f.severity == "critical" && f.rule.startsWith("content."))
        """#,
        #"""
        action.tool == "send_email"
          && action.arguments.to.exists(r, !r.lowerAscii().endsWith("@example.com"))
        """#,
        #"""
        action.kind == "payment" && has(action.amount) && action.amount > 10000.0
          && (time.hour < 8 || time.hour >= 18 || time.weekday in [0, 6])
          && !("treasury" in agent.roles)
        """#,
        #"""
        action.hosts.exists(h, h.matches(r'(?i)\.(internal|corp|local)$')
          && !(h in ["db.internal", "cache.internal"]))
        """#,
    ]

    @Test func documentedExamplesCompileAndEvaluate() throws {
        var b = ExpressionFixtures.bindings
        b["action"] = .record([
            ("tool", .string("send_email")), ("kind", .string("payment")), ("amount", .double(25_000)),
            ("hosts", .strings(["db.internal", "WIKI.CORP"])),
            ("arguments", .json(["to": ["ceo@example.com", "drop@evil.io"]])),
        ])
        let results = try Self.examples.map { try Expression.compile($0, schema: .policy).evaluate(b) }
        #expect(results == [.value(.bool(false)), .value(.bool(true)), .value(.bool(true)), .value(.bool(true)), .value(.bool(true))])
    }
}
