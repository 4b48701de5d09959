/// The result of analyzing one shell command line: every command it would run and the findings.
public struct ShellAnalysis: Sendable {
    /// Command lines longer than this (256 KiB) are refused: no agent needs one, and hiding a
    /// payload in bulk is an evasion.
    public static let maxCommandBytes = 256 << 10

    public var source: String
    public var invocations: [CommandInvocation]
    public var findings: [Finding]
    public var syntaxErrors: [ShellSyntaxError]
    /// URLs the commands reach (for domain policies).
    public var urls: [URLFacet] = []
    /// Files the commands read, write or delete (for path policies).
    public var files: [FileAccess] = []

    /// Parses and analyzes `source` as a shell would run it in `cwd` with `$HOME` = `home`.
    public static func analyze(_ source: String, cwd: String? = nil, home: String? = nil) -> ShellAnalysis {
        analyze(source, normalizer: PathNormalizer(cwd: cwd, home: home))
    }

    /// Analyzes with an existing normalizer (its `cwd` and `home` are the context).
    public static func analyze(_ source: String, normalizer: PathNormalizer) -> ShellAnalysis {
        if source.utf8.count > maxCommandBytes {
            let finding = Finding(
                layer: .impact, rule: "shell.too_large", severity: .critical,
                message: "The command line is \(source.utf8.count) bytes, over the \(maxCommandBytes)-byte limit; it is refused unjudged",
                evidence: String(source.prefix(80)), category: .malformed)
            return ShellAnalysis(source: "", invocations: [], findings: [finding], syntaxErrors: [])
        }
        let parsed = ShellParser.parse(source)
        var analyzer = ShellAnalyzer(context: ShellContext(cwd: normalizer.cwd, home: normalizer.home), normalizer: normalizer)
        analyzer.functionNames = parsed.functionNames
        analyzer.functionBodies = parsed.functionBodies
        _ = analyzer.analyze(parsed.script, origin: .topLevel, depth: 0, privileged: false, stdin: .none)
        analyzer.judgeInterpreterLine(source, depth: 0, privileged: false)
        if !analyzer.functionBodies.isEmpty { analyzer.judgeUncalledFunctions() }
        if !analyzer.aliases.isEmpty { analyzer.judgeUnusedAliases() }
        analyzer.reportSyntax(parsed.errors, source: source)
        // A limit hit without a syntax error (`true; ` × 5,000 then `rm -rf ~`) must still refuse:
        // the commands past the limit were never judged.
        if analyzer.truncated, !analyzer.findings.contains(where: { $0.rule == "shell.too_complex" }) {
            analyzer.add("shell.too_complex", .critical, .malformed, "The command line runs more commands (over \(ShellAnalyzer.maxInvocations)) or nests deeper than the analyzer follows; it cannot be judged and is refused", evidence: source)
        }
        var analysis = ShellAnalysis(source: source, invocations: analyzer.invocations, findings: analyzer.findings, syntaxErrors: parsed.errors)
        analysis.urls = analyzer.touchedURLs
        analysis.files = analyzer.touchedFiles
        return analysis
    }
}

extension ShellAnalyzer {
    /// A bare interpreter line followed by code: the code is meant for that interpreter, and it is
    /// what the interpreter reads when bash gets the script on stdin (`bash -s`, `curl … | bash`).
    /// Judge that reading too, at the top level and for scripts read on stdin.
    mutating func judgeInterpreterLine(_ script: String, depth: Int, privileged: Bool) {
        guard let (interpreter, program) = replInput(script), depth < Self.maxDepth else { return }
        _ = analyze(ShellParser.parse(interpreter).script, origin: .stdinScript, depth: depth + 1, privileged: privileged, stdin: DataFlow(text: program, isPipe: true))
    }
}

/// A first line that is only an interpreter (`python3`, `tclsh`, `jjs`) and the lines after it.
func replInput(_ source: String) -> (String, String)? {
    // Only the first 24 bytes can hold such a line; most sources stop here without allocating.
    guard let newline = source.utf8.prefix(24).firstIndex(of: 0x0A) else { return nil }
    var first = String(source[..<newline]).trimmingCharacters(in: " \t\r")
    if first.hasSuffix(" -") { first.removeLast(2) }  // `python3 -`: the program is on stdin
    guard first.utf8.count <= 16, ShellAnalysis.replNames.contains(first) else { return nil }
    let rest = String(source[source.index(after: newline)...])
    return rest.contains(where: { !$0.isWhitespace }) ? (first, rest) : nil
}

extension ShellAnalysis {
    /// Interpreters that read their program from stdin when started without one.
    static let replNames: Set<String> = [
        "python", "python2", "python3", "perl", "ruby", "irb", "node", "nodejs", "php", "lua", "tclsh", "wish", "jshell", "jjs",
        "jrunscript", "expect", "osascript", "pwsh", "gdb",
    ]
}

/// Where the shell runs: used to resolve `~`, `$HOME`, `$PWD` and relative paths.
public struct ShellContext: Sendable {
    public var cwd: String?
    public var home: String?
    public init(cwd: String?, home: String?) {
        self.cwd = cwd
        self.home = home
    }
}

/// What flows out of a command or script: labels, and the text when it is statically known.
struct DataFlow: Sendable {
    var labels: DataLabels = []
    var text: String? = nil
    /// The statically known parts of the output when the whole is not known
    /// (`(crontab -l; echo "* * * * * cmd")`).
    var fragments: String? = nil
    var isPipe = false

    static let none = DataFlow()
}
