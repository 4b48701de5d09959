import Testing
@testable import BulwarkCore

@Suite struct RedactorTests {
    func match(_ type: String, _ r: Range<Int>, kind: ContentKind = .secret) -> ContentMatch {
        ContentMatch(kind: kind, type: type, range: r, confidence: 1)
    }

    @Test func severalMatchesOnOneLine() {
        let text = "key=AKIA2OGYBAH6STMMNXNN mail=jane@example.com ok"
        let found = SecretScanner().scan(text) + PIIScanner().scan(text)
        #expect(Redactor.redact(text, matches: found) == "key=[REDACTED:aws_access_key] mail=[REDACTED:email] ok")
    }

    @Test func multiByteTextAroundMatches() {
        let text = "🔑 clé=sk_live_4eC39HqLyjWDarjtT1zdp7dc — 東京 jane@example.com ✓"
        let found = SecretScanner().scan(text) + PIIScanner().scan(text)
        #expect(found.count == 2)
        #expect(Redactor.redact(text, matches: found) == "🔑 clé=[REDACTED:stripe_key] — 東京 [REDACTED:email] ✓")
    }

    @Test func overlappingMatchesMerge() {
        let text = "0123456789abcdef"
        let out = Redactor.redact(text, matches: [match("a", 2..<6), match("longer", 4..<12), match("c", 12..<14)])
        #expect(out == "01[REDACTED:longer]ef")
    }

    @Test func rangesInsideCharactersWidenAndOutOfRangeClamps() {
        let text = "aé😀b"  // a(1) é(2) 😀(4) b(1)
        #expect(Redactor.redact(text, matches: [match("x", 2..<4)]) == "a[REDACTED:x]b")
        #expect(Redactor.redact(text, matches: [match("y", 7..<99)]) == "aé😀[REDACTED:y]")
        #expect(Redactor.redact(text, matches: []) == text)
        #expect(Redactor.redact(text, matches: [match("z", 99..<120)]) == text)
    }

    @Test func unsortedInputIsHandled() {
        let text = "one two three"
        let out = Redactor.redact(text, matches: [match("t", 8..<13), match("o", 0..<3)])
        #expect(out == "[REDACTED:o] two [REDACTED:t]")
    }
}
