import Testing
@testable import BulwarkCore

@Suite struct ExpressionRuntimeErrorTests {
    @Test(arguments: [
        ("action.server == 'x'", "no such key: 'server'"),
        ("action.arguments.missing == 1", "no such key: 'missing'"),
        ("risk / (risk - 72) > 0", "division by zero"),
        ("risk % 0 == 1", "modulus by zero"),
        ("9223372036854775807 + risk > 0", "integer overflow"),
        ("-9223372036854775808 / (risk - 73) > 0", "integer overflow"),
        ("action.arguments.command > 3", "cannot compare string with int"),
        ("action.arguments.command + 1 == 2", "no such overload: string + int"),
        ("action.arguments.recipients[5] == 'x'", "index 5 out of range (size 2)"),
        ("action.arguments.recipients['a'] == 'x'", "list index must be int"),
        ("action.arguments.count.x == 1", "cannot select field 'x' from int"),
        ("has(action.arguments.count.x)", "'has' cannot test field 'x' of int"),
        ("action.arguments.command && true", "operand of '&&' must be bool, not string"),
        ("action.arguments.count.exists(x, true)", "cannot iterate over int"),
        ("action.arguments.count.startsWith('a')", "needs two strings"),
        ("action.arguments.command.matches('(' + action.tool)", "invalid regular expression"),
        ("int('x1') == 1", "int() cannot parse 'x1'"),
        ("int(1e300) == 1", "int() range error"),
        ("{'a': 1}['b'] == 1", "no such key: 'b'"),
        ("'x' in action.arguments.count", "right operand of 'in' must be a list or a map"),
        ("action.arguments.recipients.exists(x, x)", "operand of 'exists' must be bool, not string"),
        ("{action.arguments.nested: 1} == {}", "map keys must be"),
        ("size(action.arguments.count) == 1", "'size' needs a string, list or map, not int"),
    ])
    func runtimeErrorsAreResultsNotTraps(_ source: String, _ message: String) throws {
        let result = try ExpressionFixtures.run(source)
        guard case .error(let text) = result else {
            Issue.record("\(source) gave \(result)")
            return
        }
        #expect(text.contains(message), "\(source): \(text)")
        #expect(!result.isTrue)
    }

    @Test func unboundVariableIsAnError() throws {
        let e = try Expression.compile("risk > 1", schema: .policy)
        #expect(e.evaluate(ExpressionBindings(schema: .policy)) == .error("variable 'risk' is not bound"))
    }

    @Test func shortCircuitIsLeftToRight() throws {
        // Documented simplification of CEL: an error on the left is not absorbed by the right.
        #expect(try ExpressionFixtures.run("action.server == 'x' || true") == .error("no such key: 'server'"))
        #expect(try ExpressionFixtures.run("true || action.server == 'x'") == .value(.bool(true)))
    }
}
