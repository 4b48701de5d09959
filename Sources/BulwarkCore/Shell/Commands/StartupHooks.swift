/// Code written into files that run at every start of a shell or an interpreter. Adding
/// configuration there (`export PATH=…`, `alias`, `source`) is ordinary and goes to review as a
/// startup-file write; planting commands that act (write files, reach the network, start
/// background programs) is persistence and is blocked.
extension ShellAnalyzer {
    mutating func checkStartupHook(_ text: String, path: String, normalized: String, evidence: String) {
        if path.hasSuffix(".pth") || path.hasSuffix("customize.py") {
            checkPythonStartupHook(text, path: path, evidence: evidence)
        } else if pathClass(normalized) == .shellStartup, let action = StartupScript.action(in: text) {
            add("shell.persistence.startup_command", .critical, .persistence, "Plants a command that runs at every shell start in \(path): \(action)", evidence: evidence)
        }
    }

    /// Python runs `sitecustomize.py`, `usercustomize.py` and the `import` lines of `.pth` files at
    /// every interpreter start. One that runs commands is a persistence payload (T1546.018);
    /// ordinary `.pth` files only add paths.
    mutating func checkPythonStartupHook(_ text: String, path: String, evidence: String) {
        let pth = path.hasSuffix(".pth")
        guard pth || path.hasSuffix("/sitecustomize.py") || path.hasSuffix("/usercustomize.py") || path == "sitecustomize.py" || path == "usercustomize.py" else { return }
        let code = pth ? text.split(separator: "\n").filter { $0.hasPrefix("import ") || $0.hasPrefix("import\t") }.joined(separator: "\n") : text
        guard Self.pythonCommandCalls.contains(where: { code.contains($0) }) else { return }
        add("shell.persistence.python_startup", .critical, .persistence, "Plants code that runs commands at every Python start (\(path))", evidence: evidence)
    }

    static let pythonCommandCalls = ["os.system", "subprocess", "os.popen", "os.exec", "os.spawn", "pty.spawn", "exec(", "eval(", "__import__("]
}

/// What a startup script does beyond configuring the shell, if anything.
enum StartupScript {
    /// Programs that act when they run (network, execution, files), as opposed to configuration.
    static let actingPrograms: Set<String> = [
        "curl", "wget", "nc", "ncat", "netcat", "socat", "ssh", "scp", "telnet", "nohup", "setsid", "disown", "crontab", "rm",
        "chmod", "chown", "python", "python3", "perl", "ruby", "node", "php", "bash", "sh", "zsh", "dash", "base64", "openssl",
        "mkfifo", "dd", "cp", "mv", "tee",
    ]

    /// A description of the first acting command in `text`, or `nil` when it only configures.
    static func action(in text: String) -> String? {
        guard text.utf8.count <= 64 << 10 else { return "a startup script too large to judge" }
        return action(in: ShellParser.parse(text).script, depth: 0)
    }

    private static func action(in script: ShellScript, depth: Int) -> String? {
        guard depth < 8 else { return nil }
        for item in script.items {
            if item.connector == .background { return "starts a background program" }
            for command in item.pipeline.commands {
                switch command.kind {
                case .subshell(let inner), .group(let inner):
                    if let found = action(in: inner, depth: depth + 1) { return found }
                case .simple:
                    if let found = action(of: command, depth: depth) { return found }
                }
            }
        }
        return nil
    }

    private static func action(of command: ShellCommand, depth: Int) -> String? {
        for redirect in command.redirects {
            let target = literal(redirect.target)
            if let target, target.hasPrefix("/dev/tcp/") || target.hasPrefix("/dev/udp/") { return "opens a network connection" }
            guard redirect.fd == nil || redirect.fd == 1 else { continue }
            switch redirect.op {
            case .output, .append, .clobber, .outputAll, .appendAll, .readWrite:
                if target == "/dev/null" { continue }
                return "writes \(target ?? "a file")"
            default:
                continue
            }
        }
        // `x=$(curl …)`, `eval "$(curl …)"`: substitutions run when the file is read.
        for word in command.assignments.map(\.value) + command.words {
            for inner in substitutions(in: word) {
                if let found = action(in: inner, depth: depth + 1) { return found }
            }
        }
        // The program, past wrappers that run their arguments (`env`, `timeout 1`, `nohup`…).
        var names = command.words.compactMap(literal)[...]
        while let first = names.first {
            let base = first.split(separator: "/").last.map(String.init) ?? first
            if actingPrograms.contains(base) { return "runs \(base)" }
            guard wrappers.contains(base) else { return nil }
            names = names.dropFirst().drop { $0.hasPrefix("-") || $0.contains("=") || $0.first?.isNumber == true }
        }
        return nil
    }

    static let wrappers: Set<String> = ["env", "timeout", "nice", "nohup", "command", "exec", "sudo", "doas", "setsid", "stdbuf", "time", "builtin"]

    /// The scripts of `$(…)`, backticks and process substitutions in `word`, also inside quotes.
    private static func substitutions(in word: ShellWord) -> [ShellScript] {
        var out: [ShellScript] = []
        func walk(_ parts: [ShellWordPart]) {
            for part in parts {
                switch part {
                case .commandSubstitution(let script), .processSubstitution(let script, _): out.append(script)
                case .doubleQuoted(let inner): walk(inner)
                default: break
                }
            }
        }
        walk(word.parts)
        return out
    }

    private static func literal(_ word: ShellWord) -> String? {
        var text = ""
        for part in word.parts {
            switch part {
            case .literal(let s), .quoted(let s): text += s
            default: return nil
            }
        }
        return text
    }
}
