/// Scripts written and run in one command (`echo 'rm -rf ~' > /tmp/x.sh; sh /tmp/x.sh`): the
/// file's content is known, so running, sourcing or installing it is judged by that content.
extension ShellAnalyzer {
    static let maxWrittenFiles = 16
    static let maxWrittenBytes = 64 << 10

    /// Marks a file whose content is no longer known (too large): appends do not restart it.
    static let unknownText = "\u{0}"

    mutating func recordWrittenText(_ text: String?, path: String, append: Bool) {
        guard let text else {
            if !append, writtenTexts[path] != nil { writtenTexts[path] = nil }  // overwritten with something unknown
            return
        }
        guard writtenTexts[path] != nil || writtenTexts.count < Self.maxWrittenFiles else { return }
        if append, writtenTexts[path] != nil {
            if writtenTexts[path] == Self.unknownText { return }
            writtenTexts[path]?.append(text)  // in place: no copy of what was written before
        } else {
            writtenTexts[path] = text
        }
        if writtenTexts[path]!.utf8.count > Self.maxWrittenBytes { writtenTexts[path] = Self.unknownText }
    }

    /// Runs the text written to `path` as a shell script with `inv`'s arguments after the script
    /// (`bash x.sh A B`: `$1` is A), once per file on the call stack. `shebang`: the file is
    /// executed directly, so a `#!` line naming another interpreter means it is not shell.
    mutating func runWrittenScript(_ path: String, inv: CommandInvocation, argumentsFrom first: Int = 0, shebang: Bool = false) -> DataFlow? {
        guard !writtenTexts.isEmpty, let text = writtenTexts[path], text != Self.unknownText, !runningScripts.contains(path), writtenScriptRuns < 16 else { return nil }
        writtenScriptRuns += 1
        if shebang, text.hasPrefix("#!"), let line = text.split(separator: "\n", maxSplits: 1).first {
            let words = line.dropFirst(2).split(separator: " ").filter { !$0.hasPrefix("-") }
            var program = words.first.map { commandName(String($0)) } ?? "sh"
            if program == "env", words.count > 1 { program = commandName(String(words[1])) }
            guard Self.shells.contains(program) else { return nil }
        }
        runningScripts.insert(path)
        let flow = withArguments(inv, dropping: first) { $0.runScript(text, origin: .scriptFile, inv: inv, privileged: inv.privileged, stdin: inv) }
        runningScripts.remove(path)
        return flow
    }

    /// `./x` or `/tmp/x`: a program that is a script written earlier.
    mutating func checkWrittenProgram(_ inv: CommandInvocation) {
        guard !writtenTexts.isEmpty, inv.argv[0].contains("/") else { return }
        _ = runWrittenScript(normalizer.normalize(inv.argv[0]), inv: inv, shebang: true)
    }
}
