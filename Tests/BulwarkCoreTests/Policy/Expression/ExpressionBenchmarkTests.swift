import Testing
@testable import BulwarkCore

/// Prints the cost of evaluating a 100-rule policy's conditions against one action. Not a timed
/// assertion (machines differ); the figure for BENCHMARKS.md comes from a release build:
/// `swift test -c release -Xswiftc -enable-testing --filter ExpressionBenchmark`.
@Suite struct ExpressionBenchmarkTests {
    static let templates: [@Sendable (Int) -> String] = [
        { "action.tool == \"shell\" && risk > \($0)" },
        { _ in "\"exfiltration\" in findings.map(f, f.category)" },
        { n in "action.host.endsWith(\".internal\(n)\")" },
        { n in "risk >= \(n) && action.kind == 'network'" },
        { n in "action.arguments.amount > \(n * 100)" },
        { n in "findings.exists(f, f.severity == 'critical' && f.score > \(n))" },
        { n in "agent.id == 'agent-\(n)' && action.tool in ['shell', 'write_file', 'http']" },
        { n in "time.hour >= \(n % 24) || time.weekday in [0, 6]" },
        { n in "has(action.server) && action.server == 'github-\(n)'" },
        { n in "'admin' in agent.roles || risk < \(n)" },
        { n in "action.hosts.exists(h, h.endsWith('.example\(n).com'))" },
        { n in "action.tool.startsWith('mcp_\(n)') && risk > 10" },
        { n in "action.arguments.command.contains('rm -rf /tmp/\(n)')" },
        { n in "action.paths.exists(p, p.startsWith('/etc/\(n)'))" },
        { n in "size(findings) > \(n % 5) && findings.all(f, f.score >= 10)" },
        { n in "action.host.matches('^(db|cache)\(n)\\\\.internal$')" },
        { n in "risk > \(n) ? action.tool != 'read_file' : false" },
        { n in "action.arguments.recipients.exists(r, !r.endsWith('@corp\(n).com'))" },
        { n in "action.kind == 'payment' && action.amount >= \(n)000.0" },
        { n in "!(action.tool in ['read_file', 'list_dir', 'grep\(n)'])" },
    ]

    static func policy() throws -> [Expression] {
        try (0..<100).map { i in try Expression.compile(templates[i % templates.count](i), schema: .policy) }
    }

    @Test func printsHundredRuleEvaluationTime() throws {
        let rules = try Self.policy()
        let bindings = ExpressionFixtures.bindings
        #if DEBUG
        let rounds = 200
        #else
        let rounds = 20_000
        #endif
        var samples: [Duration] = []
        samples.reserveCapacity(rounds)
        var trueCount = 0
        let clock = ContinuousClock()
        for _ in 0..<rounds {
            let start = clock.now
            for rule in rules where rule.evaluate(bindings).isTrue { trueCount += 1 }
            samples.append(clock.now - start)
        }
        samples.sort()
        let p50 = samples[samples.count / 2]
        let p99 = samples[samples.count * 99 / 100]
        print("expression benchmark: 100 rules against one binding set: p50 \(p50), p99 \(p99) (\(trueCount / rounds) true)")
        #expect(trueCount > 0)
    }
}
