import Testing
@testable import BulwarkCore

/// Bash's results for the same expansions, checked with bash 5.2.
@Suite struct ParameterExpansionTests {
    @Test(arguments: [
        ("#x", "xrm", "rm"),
        ("#y", "xrm", "xrm"),
        ("#*/", "/usr/bin/rm", "usr/bin/rm"),
        ("##*/", "/usr/bin/rm", "rm"),
        ("%.*", "a.tar.gz", "a.tar"),
        ("%%.*", "a.tar.gz", "a"),
        ("%?", "rmX", "rm"),
        ("/X/", "rXmX", "rmX"),
        ("//X/", "rXmX", "rm"),
        ("//./-", "1.2.3", "1-2-3"),
        ("/#r/R", "rmr", "Rmr"),
        ("/%r/R", "rmr", "rmR"),
        ("/m*/", "rmXY", "r"),
        ("/?X/", "rmX", "r"),
        ("^", "rm", "Rm"),
        ("^^", "rm", "RM"),
        (",,", "RM", "rm"),
        (",", "RM", "rM"),
        (":+word", "x", "word"),
        (":+word", "", ""),
        ("+word", "", "word"),
    ])
    func knownValues(modifier: String, value: String, expected: String) {
        #expect(ParameterExpansion.apply(modifier, to: value) == expected)
    }

    /// An unknown variable is taken as set for `:+`, so the word is judged; the other operations
    /// on an unknown value stay unknown.
    @Test func unknownValues() {
        #expect(ParameterExpansion.apply(":+rm", to: nil) == "rm")
        #expect(ParameterExpansion.apply("#x", to: nil) == nil)
        #expect(ParameterExpansion.apply("/a/b", to: nil) == nil)
    }

    /// What the analyzer cannot evaluate exactly stays unknown rather than guessed.
    @Test(arguments: ["/[ab]/", "#$x", "/'a'/b", "^[a]", "@Q", "/a/$b"])
    func unsupportedOperations(modifier: String) {
        #expect(ParameterExpansion.apply(modifier, to: "abc") == nil)
    }

    /// Glob matching is bounded by value size: long values stay unknown.
    @Test func globMatchingIsBounded() {
        let long = String(repeating: "a", count: ParameterExpansion.maxGlobValueBytes + 1)
        #expect(ParameterExpansion.apply("#*a", to: long) == nil)
        #expect(ParameterExpansion.apply("#a", to: long) == String(long.dropFirst()))
        #expect(ParameterExpansion.apply("/a*/", to: String(repeating: "a", count: ParameterExpansion.maxGlobSubstituteBytes + 1)) == nil)
    }
}
