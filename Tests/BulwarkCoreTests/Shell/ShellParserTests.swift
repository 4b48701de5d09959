import Testing
@testable import BulwarkCore

@Suite struct ShellParserTests {
    /// The command names of every simple command, depth first, as the analyzer sees them.
    func names(_ source: String) -> [String] {
        ShellAnalysis.analyze(source, cwd: "/home/u/p", home: "/home/u").invocations.map(\.name)
    }

    func argv(_ source: String) -> [[String]] {
        ShellAnalysis.analyze(source, cwd: "/home/u/p", home: "/home/u").invocations.map(\.argv)
    }

    @Test(arguments: [
        ("a; b && c || d & e", ["a", "b", "c", "d", "e"]),
        ("a | b |& c", ["a", "b", "c"]),
        ("(a; b) | { c; }", ["a", "b", "c"]),
        ("{ a; { b; }; } | c", ["a", "b", "c"]),
        ("{ a; } 2>/dev/null && b", ["a", "b"]),
        ("echo {a,b}; c } d", ["echo", "c"]),
        ("if a; then b; elif c; then d; else e; fi", ["a", "b", "c", "d", "e"]),
        ("while a; do b; done < f", ["a", "b"]),
        ("for x in $(a); do b \"$x\"; done", ["a", "for", "b"]),
        ("case $x in y) a;; *) b;; esac", ["case", "a", "b"]),
        ("f() { a; }; f", ["f", "a"]),  // the body runs where it is called
        ("echo `a` $(b $(c))", ["a", "c", "b", "echo"]),
        ("diff <(a) >(b)", ["a", "b", "diff"]),
        ("[[ -f x && -d y ]] && a", ["[[", "a"]),
        ("(( i++ )); a", ["a"]),
    ])
    func flattensCompoundCommands(source: String, expected: [String]) {
        #expect(names(source) == expected)
    }

    @Test(arguments: [
        ("r''m -rf /", ["rm", "-rf", "/"]),
        ("\"r\"m \\-rf /", ["rm", "-rf", "/"]),
        ("$'\\x72\\x6d' -rf /", ["rm", "-rf", "/"]),
        ("{rm,-rf,/}", ["rm", "-rf", "/"]),
        ("a=rm; $a -rf /", ["rm", "-rf", "/"]),
        ("cat${IFS}/etc/passwd", ["cat", "/etc/passwd"]),
        ("x=\"rm -rf\"; $x /", ["rm", "-rf", "/"]),
        ("${u:-rm} -rf /", ["rm", "-rf", "/"]),
        ("echo 'a b' \"c $HOME\"", ["echo", "a b", "c /home/u"]),
    ])
    func expandsWordsLikeTheShell(source: String, expected: [String]) {
        #expect(argv(source).last == expected)
    }

    @Test func heredocBodyIsNotParsedAsCommands() {
        let analysis = ShellAnalysis.analyze("cat > notes.txt <<'EOF'\nrm -rf /\nEOF\nls", cwd: "/p", home: "/h")
        #expect(analysis.invocations.map(\.name) == ["cat", "ls"])
        #expect(analysis.findings.isEmpty)
    }

    @Test func heredocFedToShellIsAnalyzed() {
        let analysis = ShellAnalysis.analyze("bash <<EOF\nrm -rf ~\nEOF", cwd: "/p", home: "/h")
        #expect(analysis.invocations.map(\.name) == ["bash", "rm"])
        #expect(analysis.findings.contains { $0.rule == "shell.destructive.delete_home" })
    }

    @Test(arguments: ["'unterminated", "\"unterminated", "$(unterminated", "`unterminated", "cat <<EOF\nno end", "a )", "{ a; b", "{ a; } b", "(a) b"])
    func recoversFromSyntaxErrors(_ source: String) {
        let result = ShellParser.parse(source)
        #expect(!result.errors.isEmpty)
    }

    @Test func boundsNesting() {
        let deep = String(repeating: "$(", count: 5_000) + "x" + String(repeating: ")", count: 5_000)
        let result = ShellParser.parse(deep)
        #expect(result.hitLimit)
        let analysis = ShellAnalysis.analyze(deep)
        #expect(analysis.findings.contains { $0.rule == "shell.too_complex" && $0.severity == .critical })
    }

    /// Wrappers whose inner command is empty must not trap.
    @Test(arguments: ["kubectl exec pod --", "sudo", "env", "xargs", "nohup", "timeout 5", "find . -exec \\;", "busybox", "ip netns exec x", "start-stop-daemon -S --", "capsh --", "watch", "echo | xargs -I{}"])
    func emptyInnerCommands(_ source: String) {
        _ = ShellAnalysis.analyze(source, cwd: "/p", home: "/h")
    }

    @Test func redirectionsKeepFileDescriptors() {
        let inv = ShellAnalysis.analyze("cmd 2>/dev/null >>out.log <in.txt", cwd: "/p", home: "/h").invocations[0]
        #expect(inv.redirects.map(\.op) == [.output, .append, .input])
        #expect(inv.redirects.map(\.fd) == [2, nil, nil])
        #expect(inv.redirects.map(\.target) == ["/dev/null", "out.log", "in.txt"])
    }
}
