import Testing
@testable import BulwarkCore

/// Random command lines built from every command the catalogue knows and argument tokens that
/// hit option parsing edge cases (`--` last, missing option values, `{}` without a terminator…).
/// Byte-level fuzzing rarely reaches these handler paths; this does. No input may trap.
@Suite struct ShellGrammarFuzzTests {
    struct XorShift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    }

    static let arguments = [
        "-c", "-e", "-E", "--", "-", "-i", "-p", "-d", "-r", "-R", "-rf", "-f", "-o", "-O", "-a", "-s", "-l", "-x", "-I{}", "-I", "{}",
        "\\;", "+", ";", "|", "&&", "||", "&", ">", ">>", "<", "<<<", "2>&1", "/", "~", "/etc/passwd", "/tmp/f", "./f", "$(x)", "`y`",
        "<(z)", "'a b'", "\"$v\"", "$v", "${v:-}", "x=y", "*", "777", "u+s", "--force", "-exec", "-delete", "-name", "http://h/x",
        "h:1", "1", "0", "-1", "exec:/bin/sh", "tcp:h:1", "=", "''", "\"\"", "\\", "{a,b}", "-D", "-T", "--output=", "@-",
    ]

    @Test func randomCommandLinesNeverTrap() {
        var names = Array(ShellAnalyzer.catalogue.keys) + Array(ShellAnalyzer.wrappers.keys) + Array(ShellAnalyzer.shells)
        names += ["eval", "source", ".", "su", "find", "xargs", "env", "sudo", "busybox", "script", "capsh", "start-stop-daemon"]
        names.sort()
        var rng = XorShift(state: 0x9E37_79B9_7F4A_7C15)
        var lines = 0
        for _ in 0..<6_000 {
            var line = rng.pick(names)
            let count = Int(rng.next() % 7)
            for _ in 0..<count { line += " " + rng.pick(Self.arguments) }
            if rng.next() % 4 == 0 { line += " | " + rng.pick(names) + " " + rng.pick(Self.arguments) }
            let analysis = ShellAnalysis.analyze(line, cwd: "/home/u/p", home: "/home/u")
            #expect(analysis.findings.allSatisfy { (0...100).contains($0.score) })
            lines += 1
        }
        #expect(lines == 6_000)
    }
}
