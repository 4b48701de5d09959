import Testing
@testable import BulwarkCore

@Suite struct ExpressionParserTests {
    /// The tree, fully parenthesized.
    static func render(_ s: ExpressionSyntax) -> String {
        switch s.kind {
        case .literal(let v):
            switch v {
            case .string(let t): return "\"\(t)\""
            case .int(let i): return "\(i)"
            case .double(let d): return "\(d)"
            case .bool(let b): return "\(b)"
            case .null: return "null"
            default: return "?"
            }
        case .identifier(let n): return n
        case .select(let o, let f): return "\(render(o)).\(f)"
        case .index(let o, let i): return "\(render(o))[\(render(i))]"
        case .call(let name, let target, let args):
            let a = args.map(render).joined(separator: ", ")
            return target.map { "\(render($0)).\(name)(\(a))" } ?? "\(name)(\(a))"
        case .unary(let op, let o): return "(\(op)\(render(o)))"
        case .binary(let op, let l, let r): return "(\(render(l)) \(op) \(render(r)))"
        case .conditional(let c, let a, let b): return "(\(render(c)) ? \(render(a)) : \(render(b)))"
        case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("8 / 4 / 2 % 3", "(((8 / 4) / 2) % 3)"),
        ("a || b && c", "(a || (b && c))"),
        ("a && b || c && d", "((a && b) || (c && d))"),
        ("!a && b", "((!a) && b)"),
        ("!!a", "(!(!a))"),
        ("-x.y", "(-x.y)"),
        ("1 + 2 < 3 * 4", "((1 + 2) < (3 * 4))"),
        ("a == b != c", "((a == b) != c)"),
        ("x in [1, 2] && y", "((x in [1, 2]) && y)"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("a || b ? c : d", "((a || b) ? c : d)"),
        ("a.b.c[0][\"k\"]", "a.b.c[0][\"k\"]"),
        ("a.b.startsWith(\"x\")", "a.b.startsWith(\"x\")"),
        ("size(a) > 0", "(size(a) > 0)"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("{'a': 1, 'b': [true, null,],}", "{\"a\": 1, \"b\": [true, null]}"),
        ("l.exists(x, x > 1)", "l.exists(x, (x > 1))"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("- 5", "(-5)"),
        ("1.5e3 + 0x1F", "(1500.0 + 31)"),
        ("r'a\\d' + \"\\n\\x41\\u00e9\\101\"", "(\"a\\d\" + \"\n\u{41}é\u{41}\")"),
        ("'''multi\nline'''", "\"multi\nline\""),
        ("a // comment\n && b", "(a && b)"),
    ])
    func parsesWithCELPrecedenceAndLeftAssociativity(_ source: String, _ expected: String) throws {
        #expect(Self.render(try ExpressionParser.parse(source)) == expected)
    }

    @Test(arguments: [
        ("1 +", "unexpected end of expression", 1, 4),
        ("a &&\n  )", "unexpected ')'", 2, 3),
        ("(1 + 2", "expected ')'", 1, 7),
        ("a = b", "did you mean '=='", 1, 3),
        ("a & b", "did you mean '&&'", 1, 3),
        ("'abc", "unterminated string", 1, 1),
        ("x +\n'ab\ncd'", "unterminated string", 2, 1),
        ("\"\\q\"", "unknown escape", 1, 2),
        ("9223372036854775808", "out of range", 1, 1),
        ("1u", "unsigned", 1, 1),
        ("a.1", "expected a field or method name", 1, 3),
        ("[1, 2", "expected ','", 1, 6),
        ("{1: 2", "expected ','", 1, 6),
        ("a ? b", "expected ':'", 1, 6),
        ("if", "reserved word", 1, 1),
        ("a #", "unexpected character", 1, 3),
        ("1 2", "unexpected '2'", 1, 3),
        ("\n\n   @", "unexpected character", 3, 4),
        (".a", "leading '.'", 1, 1),
    ])
    func reportsSyntaxErrorsWithLineAndColumn(_ source: String, _ fragment: String, _ line: Int, _ column: Int) {
        do {
            _ = try ExpressionParser.parse(source)
            Issue.record("expected an error for \(source)")
        } catch {
            #expect(error.message.contains(fragment), "\(error.message)")
            #expect(error.line == line && error.column == column, "\(source): \(error)")
        }
    }

    @Test func boundsNestingAndSourceSize() {
        let deep = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(deep) }
        let negations = String(repeating: "!", count: 200) + "true"
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(negations) }
        let sums = (0..<100).map { _ in "1" }.joined(separator: " + ")
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(sums) }
        let big = "\"" + String(repeating: "a", count: 5000) + "\""
        #expect(throws: ExpressionError.self) { try ExpressionParser.parse(big) }
    }

    @Test func longAndOrChainsDoNotCountAsNesting() throws {
        let chain = (0..<300).map { "a\($0)" }.joined(separator: " || ")
        let tree = try ExpressionParser.parse(chain)
        #expect(tree.depth == 2)
        let mixed = (0..<100).map { "(x == \($0) && y)" }.joined(separator: " || ")
        #expect(try ExpressionParser.parse(mixed).depth <= 4)
    }
}
