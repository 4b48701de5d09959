import Testing
@testable import BulwarkCore

@Suite struct LinearRegexTests {
    @Test(arguments: [
        ("abc", "xxabcxx", true),
        ("^abc$", "abc", true),
        ("^abc$", "abcd", false),
        ("^abc", "xabc", false),
        ("a.c", "a\nc", false),
        ("a.c", "aéc", true),
        ("colou?r", "color", true),
        ("ab*c", "ac", true),
        ("ab+c", "ac", false),
        ("a{2,3}$", "caa", true),
        ("^a{2,3}$", "aaaa", false),
        ("^a{2}$", "aa", true),
        ("^a{2,}$", "aaaaa", true),
        ("^(ab|cd)+$", "abcdab", true),
        ("^(ab|cd)+$", "abca", false),
        ("^(?:x|y|z)$", "y", true),
        ("[a-c]x", "bx", true),
        ("[^a-c]x", "bx", false),
        ("[^a-c]x", "dx", true),
        ("[-a]", "-", true),
        ("[]a]", "]", true),
        ("[\\d.]+$", "1.2", true),
        ("\\d{3}-\\d{4}", "call 555-1234", true),
        ("^\\w+@\\w+\\.com$", "me@corp.com", true),
        ("\\s", "nospace", false),
        ("\\S+", " x ", true),
        ("\\D", "123", false),
        ("\\W", "abc_1", false),
        ("\\.internal$", "db.internal", true),
        ("\\.internal$", "dbxinternal", false),
        ("a{,2}", "a{,2}", true),
        ("x{", "x{", true),
        ("(?i)hello", "HeLLo world", true),
        ("(?i)[a-c]+$", "xABC", true),
        ("\\x41\\x{e9}", "Aé", true),
        ("\\Aab\\z", "ab", true),
        ("", "anything", true),
        ("a|", "zzz", true),
        ("(a*)*$", "b", true),
        ("(a|b)*?c", "ababc", true),
        ("^$", "", true),
        ("^$", "x", false),
        ("é+", "café", true),
    ])
    func matchesLikeRE2(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try LinearRegex(pattern).matches(text) == expected, "\(pattern) on \(text)")
    }

    @Test(arguments: [
        "(a", "a)", "[a", "*a", "a**", "a{2}{3}", "(?=a)", "(?P<n>a)", "\\1", "\\b", "\\p{L}",
        "[[:alpha:]]", "[z-a]", "a{1001}", "a{3,2}", "\\", "(?s)a", "x(?i)y", "^*",
    ])
    func rejectsUnsupportedSyntax(_ pattern: String) {
        #expect(throws: LinearRegexError.self) { try LinearRegex(pattern) }
    }

    @Test func rejectsProgramsThatExpandTooFar() {
        #expect(throws: LinearRegexError.self) { try LinearRegex("((a{1000}){1000})") }
    }

    @Test func pathologicalPatternsRunInLinearTime() throws {
        let text = String(repeating: "a", count: 30_000) + "!"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try LinearRegex("(a+)+$").matches(text) == false)
        #expect(try LinearRegex("^(a|aa)*b").matches(text) == false)
        #expect(try LinearRegex("(a*)*(a*)*c").matches(text) == false)
        #expect(try LinearRegex("(x+x+)+y").matches(String(repeating: "x", count: 30_000)) == false)
        let elapsed = clock.now - start
        // A hang guard, not a benchmark: backtracking would take longer than the universe's age.
        #expect(elapsed < .seconds(20))
    }
}

@Suite struct LinearRegexPrefilterTests {
    @Test(arguments: [
        ("^(db|cache)15\\.internal$", "db15.internal", true),
        ("^(db|cache)15\\.internal$", "db.internal", false),
        ("ab+c", "xxabbbcx", true),
        ("ab+c", "xxacx", false),
        ("(foo)?bar", "bar", true),
        ("(?i)secret", "SeCrEt", true),
        ("x(yz)*w", "xw", true),
        ("é+t", "ééét", true),
        ("é+t", "et", false),
    ])
    func theRequiredLiteralNeverRejectsAMatch(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try LinearRegex(pattern).matches(text) == expected, "\(pattern) on \(text)")
    }

    @Test func requiredLiteralsAreTheLongestMandatoryRun() throws {
        #expect(try LinearRegex("^(db|cache)15\\.internal$").required == Array("15.internal".utf8))
        #expect(try LinearRegex("(foo)?bar").required == Array("bar".utf8))
        #expect(try LinearRegex("a|b").required.isEmpty)
        #expect(try LinearRegex("(?i)secret").required.isEmpty)
    }
}
