/// Scripts written and run in one command (`echo 'rm -rf ~' > /tmp/x.sh; sh /tmp/x.sh`): the
/// file's content is known, so running, sourcing or installing it is judged by that content.
extension ShellAnalyzer {
    static let maxWrittenFiles = 16
    static let maxWrittenBytes = 64 << 10

    mutating func recordWrittenText(_ text: String?, path: String, append: Bool) {
        guard let text else {
            if !append { writtenTexts[path] = nil }  // overwritten with something unknown
            return
        }
        guard writtenTexts[path] != nil || writtenTexts.count < Self.maxWrittenFiles else { return }
        let combined = append ? (writtenTexts[path] ?? "") + text : text
        writtenTexts[path] = combined.utf8.count <= Self.maxWrittenBytes ? combined : nil
    }

    /// Runs the text written to `path` as a shell script, once per file on the call stack.
    mutating func runWrittenScript(_ path: String, inv: CommandInvocation) -> DataFlow? {
        guard !writtenTexts.isEmpty, let text = writtenTexts[path], !runningScripts.contains(path), writtenScriptRuns < 16 else { return nil }
        writtenScriptRuns += 1
        // A script for another interpreter (`#!/usr/bin/python3`) is not shell.
        if text.hasPrefix("#!"), let line = text.split(separator: "\n", maxSplits: 1).first {
            let words = line.dropFirst(2).split(separator: " ").filter { !$0.hasPrefix("-") }
            var program = words.first.map { commandName(String($0)) } ?? "sh"
            if program == "env", words.count > 1 { program = commandName(String(words[1])) }
            guard Self.shells.contains(program) else { return nil }
        }
        runningScripts.insert(path)
        let flow = runScript(text, origin: .scriptFile, inv: inv, privileged: inv.privileged, stdin: inv)
        runningScripts.remove(path)
        return flow
    }

    /// `./x` or `/tmp/x`: a program that is a script written earlier.
    mutating func checkWrittenProgram(_ inv: CommandInvocation) {
        guard !writtenTexts.isEmpty, inv.argv[0].contains("/") else { return }
        _ = runWrittenScript(normalizer.normalize(inv.argv[0]), inv: inv)
    }
}
