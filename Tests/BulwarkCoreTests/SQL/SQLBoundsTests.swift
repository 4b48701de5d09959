import Testing
@testable import BulwarkCore

/// Hostile sizes and shapes: every input finishes, and the tail of a megabyte is still read.
@Suite struct SQLBoundsTests {
    static let megabyte = 1 << 20

    private static func repeated(_ unit: String, toAtLeast bytes: Int) -> String {
        String(repeating: unit, count: bytes / unit.utf8.count + 1)
    }

    @Test func megabyteOfSQLTokenizesAndParsesToTheEnd() {
        let unit = "SELECT a, b FROM users u JOIN orders o ON o.uid = u.id WHERE u.name = 'it''s' /* c */ -- x\n; "
        let text = Self.repeated(unit, toAtLeast: Self.megabyte) + "DROP TABLE users"
        #expect(text.utf8.count > Self.megabyte)
        let tokens = SQLTokenizer.tokenize(text)
        #expect(tokens.last?.value == "USERS")
        let statements = SQLParser.statements(in: text)
        #expect(statements.last?.verb == .drop)
        let rules = SQLRules.findings(for: statements).map(\.rule.rawValue)
        #expect(rules.contains("sql.drop"))
        #expect(rules.contains("sql.multi_statement"))
    }

    @Test(arguments: [
        "(", "'", "$a$", "[", "/*", "EXPLAIN ", "WITH a AS (", "EXEC 'EXEC ''x''', ", "(1=1 OR ", "a.", "a,",
        "SELECT '\\' # /* /* */ ; ", "DR/**/OP ", "$$", "\"", "`", "--\n", "NOT ", "((((1=1)))) OR ",
    ])
    func hostileShapesFinishInLinearTime(_ unit: String) {
        // A quarter megabyte per shape keeps the debug-build suite quick; the scan is linear.
        let text = "DELETE FROM t WHERE " + Self.repeated(unit, toAtLeast: Self.megabyte / 4)
        let statements = SQLParser.statements(in: text)
        _ = SQLRules.findings(for: statements)
        _ = SQLParser.looksLikeSQL(text)
        #expect(statements.count >= 0)
    }

    @Test func deepNestingOfDynamicSQLIsBounded() {
        // Dollar quotes nest without escaping, so forty levels stay small.
        var text = "DROP TABLE users"
        for level in 0..<40 {
            text = "DO $q\(level)$ BEGIN EXECUTE $e\(level)$\(text)$e\(level)$; END $q\(level)$"
        }
        let statements = SQLParser.statements(in: text)
        #expect(statements.count == 1)
        #expect(statements[0].flattened.count <= SQLStatementAnalyzer.maxNesting + 1)
    }
}
