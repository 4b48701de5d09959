import Testing
@testable import BulwarkCore

@Suite struct ExpressionFuzzTests {
    /// SplitMix64: deterministic, so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let tokens = [
        "action", "agent", "findings", "risk", "time", "tool", "f", "x", "arguments", "tool", "host", "roles",
        "score", "size", "has", "exists", "all", "exists_one", "map", "filter", "startsWith", "endsWith",
        "contains", "matches", "int", "double", "string", "bool", "dyn", "lowerAscii", "trim", "in", "true",
        "false", "null", "0", "1", "-1", "9223372036854775807", "1.5", "1e308", "0x7F", "'a'", "\"(a+)+$\"",
        "'['", "r'\\d'", "'\\u00e9'", "'''x'''", "(", ")", "[", "]", "{", "}", ".", ",", ":", "?", "!", "-",
        "+", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "'", "\"", "\\", "=", "&", "|", "@",
        "é", "\n", "//", "u", "if",
    ]

    @Test func randomTokenSequencesNeverTrap() {
        var g = Generator(state: 0xB01_3A4C)
        var compiled = 0
        for _ in 0..<20_000 {
            let count = 1 + g.below(16)
            var source = ""
            for _ in 0..<count {
                source += g.pick(Self.tokens)
                if g.below(3) != 0 { source += " " }
            }
            if let e = try? Expression.compile(source, schema: .policy) {
                compiled += 1
                _ = e.evaluate(ExpressionFixtures.bindings)
                _ = e.evaluate(ExpressionBindings(schema: .policy))
            }
        }
        #expect(compiled > 100)
    }

    static let atoms = [
        "risk", "action.arguments.count", "action.arguments.ratio", "action.arguments.command",
        "action.arguments.recipients", "action.arguments.nested", "action.arguments.nested.nothing",
        "action.arguments", "action.hosts", "findings", "agent.roles", "0", "-1", "9223372036854775807",
        "-9223372036854775808", "2.5", "'x'", "'(a|b)*c'", "[1, 'a', null]", "{'k': 1}", "null", "true",
        "action.arguments.missing",
    ]
    static let binaryOps = ["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "in", "&&", "||"]

    /// A random, mostly well-formed expression over dynamic data, `depth` levels deep.
    static func expression(_ g: inout Generator, depth: Int) -> String {
        if depth == 0 { return g.pick(atoms) }
        let a = expression(&g, depth: depth - 1)
        switch g.below(9) {
        case 0, 1, 2: return "(\(a) \(g.pick(binaryOps)) \(expression(&g, depth: depth - 1)))"
        case 3: return "dyn(\(a))[\(expression(&g, depth: depth - 1))]"
        case 4: return "dyn(\(a)).\(g.pick(["size()", "startsWith('a')", "matches(\(g.pick(atoms)))", "lowerAscii()"]))"
        case 5: return "dyn(\(a)).\(g.pick(["exists", "all", "map", "filter"]))(v, \(g.pick(["v", "v > 0", "v == 'a'", "v.x"])))"
        case 6: return "\(g.pick(["int", "double", "string", "size", "bool"]))(dyn(\(a)))"
        case 7: return "(dyn(\(a)) ? \(expression(&g, depth: depth - 1)) : \(a))"
        default: return "\(g.pick(["-", "!"]))dyn(\(a))"
        }
    }

    @Test func randomExpressionsOverDynamicDataNeverTrap() throws {
        var g = Generator(state: 42)
        var values = 0
        var errors = 0
        for _ in 0..<5_000 {
            let source = Self.expression(&g, depth: 1 + g.below(4))
            guard let e = try? Expression.compile(source, schema: .policy) else { continue }
            switch e.evaluate(ExpressionFixtures.bindings) {
            case .value: values += 1
            case .error: errors += 1
            }
        }
        #expect(values > 100 && errors > 100)
    }
}
