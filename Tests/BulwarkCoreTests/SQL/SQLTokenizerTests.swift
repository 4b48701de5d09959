import Testing
@testable import BulwarkCore

@Suite struct SQLTokenizerTests {
    private func kinds(_ text: String) -> [SQLToken.Kind] { SQLTokenizer.tokenize(text).map(\.kind) }
    private func values(_ text: String) -> [String] { SQLTokenizer.tokenize(text).map(\.value) }

    @Test func wordsAreCaseInsensitiveButKeepTheirText() {
        let tokens = SQLTokenizer.tokenize("select Name from Users")
        #expect(tokens.map(\.value) == ["SELECT", "NAME", "FROM", "USERS"])
        #expect(tokens.map(\.text) == ["select", "Name", "from", "Users"])
        #expect(tokens.allSatisfy { $0.kind == .word })
    }

    @Test(arguments: [
        (#""my table""#, "my table"),
        (#""a""b""#, #"a"b"#),
        ("`weird``name`", "weird`name"),
        ("[Order Details]", "Order Details"),
        ("[a]]b]", "a]b"),
    ])
    func quotedIdentifiersAreUnquoted(_ text: String, _ value: String) {
        let tokens = SQLTokenizer.tokenize(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == .quotedIdentifier)
        #expect(tokens.first?.value == value)
    }

    @Test(arguments: [
        ("'it''s'", "it's"),
        (#"E'a\'b\n'"#, "a'b\n"),
        ("N'unicode'", "unicode"),
        ("X'DEADBEEF'", "DEADBEEF"),
        ("$$dollar 'quoted' $$", "dollar 'quoted' "),
        ("$fn$ body with $$ inside $fn$", " body with $$ inside "),
        ("''", ""),
    ])
    func stringLiteralsAreUnescaped(_ text: String, _ value: String) {
        let tokens = SQLTokenizer.tokenize(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == .string)
        #expect(tokens.first?.value == value)
    }

    @Test func semicolonInsideStringsAndCommentsDoesNotSplit() {
        let tokens = SQLTokenizer.tokenize("SELECT ';' /* ; */ -- ;\n , $$;$$ ;")
        #expect(tokens.filter { $0.kind == .semicolon }.count == 1)
    }

    @Test(arguments: [
        ("?", SQLToken.Kind.parameter), ("?1", .parameter), ("$1", .parameter), (":name", .parameter),
        ("@id", .parameter), ("@@version", .parameter), ("42", .number), ("3.14", .number), ("1e4", .number),
        (".5", .number), ("0xFF", .number), ("1_000", .number), ("::", .operator), ("<>", .operator),
        ("||", .operator), ("->>", .operator), (";", .semicolon), ("(", .punctuation),
    ])
    func singleTokensHaveTheirKind(_ text: String, _ kind: SQLToken.Kind) {
        let tokens = SQLTokenizer.tokenize(text)
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == kind)
    }

    @Test func castOperatorIsNotAParameter() {
        #expect(kinds("a::text") == [.word, .operator, .word])
    }

    @Test func commentsAreSkippedButNotedOnTheNextToken() {
        let tokens = SQLTokenizer.tokenize("DROP/**/TABLE -- x\n users # mysql\n;")
        #expect(tokens.map(\.value) == ["DROP", "TABLE", "USERS", ";"])
        #expect(tokens[1].commentBefore && !tokens[1].whitespaceBefore)
        #expect(tokens[1].isGluedByComment)
        #expect(tokens[2].commentBefore && tokens[2].whitespaceBefore)
        #expect(!tokens[2].isGluedByComment)
    }

    @Test func blockCommentsNest() {
        #expect(values("a /* x /* y */ z */ b") == ["A", "B"])
        let mysql = SQLTokenizer.tokenize("a /* x /* y */ z */ b", options: .init(nestedComments: false))
        #expect(mysql.map(\.value) == ["A", "Z", "*", "/", "B"])
    }

    @Test func hashIsACommentOrAnOperatorByDialect() {
        #expect(values("1 # 2") == ["1"])
        #expect(SQLTokenizer.tokenize("1 # 2", options: .init(hashComments: false)).map(\.value) == ["1", "#", "2"])
    }

    @Test func backslashEscapesOnlyInTheMySQLReading() {
        let standard = SQLTokenizer.tokenize(#"'a\'; DROP"#)
        #expect(standard.map(\.kind) == [.string, .semicolon, .word])
        let mysql = SQLTokenizer.tokenize(#"'a\'; DROP"#, options: .init(backslashEscapes: true))
        #expect(mysql.map(\.kind) == [.string])
        #expect(mysql.first?.isUnterminated == true)
    }

    @Test func mysqlExecutableCommentsAreCode() {
        let tokens = SQLTokenizer.tokenize("/*!50000DROP*/ TABLE t")
        #expect(tokens.map(\.value) == ["DROP", "TABLE", "T"])
        #expect(tokens[0].inExecutableComment)
        #expect(!tokens[1].inExecutableComment)
    }

    @Test(arguments: [
        "'unterminated", "\"unterminated", "`unterminated", "$$unterminated", "$tag$unterminated $tag",
        "/* unterminated", "/* /* nested unterminated */", "E'\\", "[unterminated", "x'", "$", "$1a", "@", ":",
        "\u{0}\u{1}\u{7F}", "é ü 漢字 😀", "'\u{FFFD}'", "--", "#", "/*!", "*/", "0x", "1e", "1.2.3", "U&'x",
    ])
    func hostileFragmentsNeverCrashAndCoverTheInput(_ text: String) {
        let tokens = SQLTokenizer.tokenize(text)
        for t in tokens {
            #expect(t.offset >= 0 && t.offset + t.length <= text.utf8.count)
        }
        let offsets = tokens.map(\.offset)
        #expect(offsets == offsets.sorted())
    }

    @Test func unterminatedStringRunsToTheEndAndIsMarked() {
        let tokens = SQLTokenizer.tokenize("SELECT 'abc; DROP TABLE t")
        #expect(tokens.count == 2)
        #expect(tokens[1].isUnterminated)
        #expect(tokens[1].value == "abc; DROP TABLE t")
    }

    @Test func unclosedBracketIsPunctuationNotAnIdentifierEatingTheRest() {
        #expect(kinds("a[1 ; DROP") == [.word, .punctuation, .number, .semicolon, .word])
    }

    @Test func overlongDollarTagIsNotAQuote() {
        let tag = String(repeating: "a", count: 100)
        let tokens = SQLTokenizer.tokenize("$\(tag)$ x $\(tag)$")
        #expect(!tokens.contains { $0.kind == .string })
    }

    @Test func offsetsPointIntoTheUTF8Source() {
        let text = "SELECT 'é' FROM t"
        let tokens = SQLTokenizer.tokenize(text)
        let bytes = Array(text.utf8)
        for t in tokens {
            #expect(String(decoding: bytes[t.offset..<(t.offset + t.length)], as: UTF8.self) == t.text)
        }
    }
}
