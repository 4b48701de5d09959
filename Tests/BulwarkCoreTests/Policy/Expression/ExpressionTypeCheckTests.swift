import Testing
@testable import BulwarkCore

@Suite struct ExpressionTypeCheckTests {
    @Test(arguments: [
        ("risk > \"high\"", "operator '>' cannot be applied to int and string", 1, 6),
        ("action.tool.startsWith(1)", "argument of 'startsWith' must be string, not int", 1, 24),
        ("actoin.tool == 'x'", "unknown variable 'actoin'", 1, 1),
        ("action.tol == 'x'", "action has no field 'tol'", 1, 7),
        ("action.tool.startsWith('a', 'b')", "'startsWith' takes 1 argument, got 2", 1, 12),
        ("size()", "'size' takes 1 argument, got 0", 1, 1),
        ("startsWith('a', 'b')", "is a method", 1, 1),
        ("risk.int()", "is not a method", 1, 5),
        ("action.tool.frobnicate()", "unknown method 'frobnicate'", 1, 12),
        ("frob(1)", "unknown function 'frob'", 1, 1),
        ("risk && true", "operand of '&&' must be bool, not int", 1, 1),
        ("true ||\n  risk", "operand of '||' must be bool, not int", 2, 3),
        ("!risk", "operand of '!' must be bool, not int", 1, 2),
        ("-action.tool", "must be a number", 1, 1),
        ("risk ? 1 : 2", "condition of '?:' must be bool, not int", 1, 1),
        ("risk + 'a'", "operator '+' cannot be applied to int and string", 1, 6),
        ("1.5 % 2", "operator '%' cannot be applied to double and int", 1, 5),
        ("risk == 'x'", "operator '==' cannot be applied to int and string", 1, 6),
        ("'x' in risk", "right operand of 'in' must be a list or a map, not int", 1, 5),
        ("1 in agent.roles", "operator 'in' cannot be applied to int and list(string)", 1, 3),
        ("agent.roles['a']", "list index must be int, not string", 1, 12),
        ("risk[0]", "cannot index int", 1, 5),
        ("risk.x", "cannot select field 'x' from int", 1, 5),
        ("has(risk)", "'has' needs a field selection", 1, 5),
        ("has(action.nope)", "action has no field 'nope'", 1, 11),
        ("findings.exists(1, true)", "must be a variable name", 1, 17),
        ("findings.exists(f, f.score)", "predicate of 'exists' must be bool, not int", 1, 20),
        ("findings.all(f)", "'all' takes 2 arguments, got 1", 1, 9),
        ("findings.exists(f, f.bogus == 1)", "finding has no field 'bogus'", 1, 21),
        ("risk.exists(x, true)", "'exists' needs a list or a map, not int", 1, 1),
        ("action.tool.matches('a(b')", "invalid regular expression: missing ')' at offset 1", 1, 21),
        ("action.tool.matches('(a)\\\\1')", "unsupported escape", 1, 21),
        ("int(agent.roles)", "'int' cannot convert list(string)", 1, 5),
        ("{[1]: 2}", "map keys must be strings, integers or booleans", 1, 2),
        ("size(risk)", "'size' needs a string, list or map, not int", 1, 6),
        ("action.tool.lowerAscii(1)", "'lowerAscii' takes 0 arguments, got 1", 1, 12),
    ])
    func reportsTypeErrorsWithLineAndColumn(_ source: String, _ message: String, _ line: Int, _ column: Int) {
        guard let error = ExpressionFixtures.compileError(source) else {
            Issue.record("\(source) compiled")
            return
        }
        #expect(error.message.contains(message), "\(source): \(error.message)")
        #expect(error.line == line && error.column == column, "\(source): \(error)")
    }

    @Test(arguments: [
        "action.arguments.anything.goes[3].deeper == 'x'",
        "action.arguments.n + 1 > 2",
        "action.arguments.s.startsWith('a')",
        "action.arguments.l.exists(x, x.y == 1)",
        "risk > 50.5",
        "action.server == null",
        "dyn(risk) == 'x'",
        "findings.map(f, f.score).exists(s, s > 1)",
        "[1, 'a'].size() == 2",
    ])
    func acceptsDynamicAndMixedNumericOperands(_ source: String) {
        #expect(ExpressionFixtures.compileError(source) == nil, "\(source): \(String(describing: ExpressionFixtures.compileError(source)))")
    }
}
