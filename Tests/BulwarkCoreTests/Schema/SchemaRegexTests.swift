import Testing
@testable import BulwarkCore

@Suite struct SchemaRegexTests {
    private func matches(_ pattern: String, _ text: String) throws -> Bool {
        try SchemaRegex(pattern).matches(text)
    }

    @Test(arguments: [
        ("abc", "xxabcxx", true), ("abc", "ab", false), ("^abc$", "abc", true), ("^abc$", "abcd", false),
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("[a-z]+", "123q", true), ("^[a-z]+$", "abc1", false),
        ("^[^0-9]*$", "abc", true), ("^[^0-9]*$", "ab1", false), ("\\d{3}-\\d{4}", "call 555-1234", true),
        ("^\\w+$", "snake_case9", true), ("^\\w+$", "kebab-case", false), ("\\s", "a b", true), ("^\\S+$", "a b", false),
        ("^\\D+$", "abc", true), ("^\\W$", "-", true), ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoob", false),
        ("\\Bfoo", "afoo", true), ("^(ab|cd)+$", "abcdab", true), ("^(ab|cd)+$", "abc", false), ("^(?:x|y)?z$", "z", true),
        ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false), ("^a{2,}$", "aaaa", true), ("^a{2,3}$", "aaaa", false),
        ("^a{2,3}?$", "aaa", true), ("^a*?b", "aab", true), ("a{", "a{", true), ("x}", "x}", true),
        ("^[\\d.-]+$", "1.5-2", true), ("^[a\\-z]$", "-", true), ("^[\\w-]+$", "a-b", true),
        ("^\\u00e9$", "é", true), ("^\\x41$", "A", true), ("^\\p{Letter}+$", "héllo", true), ("^\\p{L}+$", "ab1", false),
        ("^\\P{L}+$", "123", true), ("^[\\p{Lu}]+$", "ABC", true), ("^😀+$", "😀😀", true), ("^.$", "😀", true),
        ("^á", "ána", true), ("^\\$\\.\\*$", "$.*", true), ("^(?<year>\\d{4})$", "2024", true), ("^[]$", "a", false),
        ("^[^]$", "\n", true), ("^$", "", true), ("", "anything", true), ("a|", "b", true),
    ] as [(String, String, Bool)])
    func matchesLikeECMAScript(_ pattern: String, _ text: String, _ expected: Bool) throws {
        #expect(try matches(pattern, text) == expected, "\(pattern) on \(text)")
    }

    @Test(arguments: ["(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(a)\\1", "(?<n>a)\\k<n>", "\\p{Script=Greek}"])
    func refusesBacktrackingOnlyFeatures(_ pattern: String) {
        #expect(throws: RegexError.self) { try SchemaRegex(pattern) }
        do throws(RegexError) {
            _ = try SchemaRegex(pattern)
        } catch {
            #expect(error.kind == .unsupported)
        }
    }

    @Test(arguments: ["(", "a)", "[a", "*a", "a**", "+", "a{3,1}", "[z-a]", "\\", "^*", "(?x)"])
    func rejectsInvalidSyntax(_ pattern: String) {
        #expect(throws: RegexError.self) { try SchemaRegex(pattern) }
    }

    @Test func boundsProgramSize() throws {
        #expect(throws: RegexError.self) { try SchemaRegex("(a{1000}){1000}") }
        #expect(throws: RegexError.self) { try SchemaRegex("((a{100}){100}){100}") }
        #expect(throws: RegexError.self) { try SchemaRegex(String(repeating: "(", count: 500) + String(repeating: ")", count: 500)) }
        let ok = try SchemaRegex("^[a-z]{1,64}$")
        #expect(ok.programSize < 200)
    }

    /// The classic catastrophic-backtracking pattern stays linear: no backtracking engine survives this.
    @Test func nestedQuantifiersAreLinear() throws {
        let regex = try SchemaRegex("(a+)+$")
        let text = String(repeating: "a", count: 30_000) + "!"
        let clock = ContinuousClock()
        var result = true
        let elapsed = clock.measure { result = regex.matches(text) }
        #expect(result == false)
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        print("SchemaRegexTests: (a+)+$ on 30,000 a's and '!': \(elapsed)")
        let evil = try SchemaRegex("^(a|aa|a?)*(b|a*)*c$")
        let start = clock.now
        #expect(evil.matches(String(repeating: "a", count: 5_000)) == false)
        #expect(clock.now - start < .seconds(1))
    }
}
