/// Commands that run other commands: the analyzer recurses into what they run.
extension ShellAnalyzer {
    static let shells: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "yash", "rbash", "pwsh"]

    /// Wrappers that take options and then a command: name → (short options with a value, long options with a value, positional args to skip).
    static let wrappers: [String: (Set<Character>, Set<String>, Int)] = [
        "sudo": (["u", "g", "h", "p", "C", "D", "R", "T", "U", "r", "t"], ["user", "group", "host", "prompt", "chdir", "role", "type", "close-from", "other-user", "command-timeout"], 0),
        "doas": (["u", "C"], [], 0),
        "nohup": ([], [], 0), "coproc": ([], [], 0), "time": (["f", "o"], ["format", "output"], 0), "command": ([], [], 0), "builtin": ([], [], 0),
        "exec": (["a"], [], 0), "setsid": ([], [], 0), "nice": (["n"], ["adjustment"], 0), "ionice": (["c", "n", "p"], ["class", "classdata"], 0),
        "stdbuf": (["i", "o", "e"], ["input", "output", "error"], 0), "timeout": (["s", "k"], ["signal", "kill-after"], 1),
        "chroot": ([], ["userspec", "groups"], 1), "unshare": (["S", "G"], ["setuid", "setgid", "root", "wd"], 0),
        "nsenter": (["t", "S", "G"], ["target", "setuid", "setgid"], 0), "strace": (["o", "e", "p", "s", "u"], [], 0), "ltrace": (["o", "e", "p", "s", "u"], [], 0),
        "taskset": ([], [], 1), "chrt": ([], [], 1), "flock": (["w", "E"], ["timeout"], 1), "runuser": (["u", "g", "G"], ["user", "group"], 0),
        "pkexec": ([], ["user"], 0), "aa-exec": (["p", "n"], ["profile", "namespace"], 0), "torsocks": ([], [], 0), "proxychains": (["f"], [], 0),
        "proxychains4": (["f"], [], 0), "firejail": ([], [], 0), "catchsegv": ([], [], 0), "unbuffer": ([], [], 0), "caffeinate": (["t", "w"], [], 0),
        "faketime": ([], [], 1), "cpulimit": (["l", "p", "e"], ["limit", "pid", "exe"], 0), "chronic": ([], [], 0), "rlwrap": ([], [], 0),
        "systemd-run": (["p", "u", "E"], ["property", "unit", "on-calendar", "on-active", "setenv", "uid", "gid", "working-directory"], 0),
        "dbus-launch": ([], [], 0), "sg": ([], [], 1), "valgrind": ([], [], 0), "gdbserver": ([], [], 1), "watch": (["n", "d"], ["interval", "differences"], 0),
        "parallel": (["j", "S"], ["jobs"], 0), "env": (["u", "C", "S"], ["unset", "chdir", "split-string"], 0), "xargs": (["I", "i", "n", "P", "L", "d", "E", "s", "a"], ["max-args", "max-procs", "replace", "delimiter", "arg-file"], 0),
        "start-stop-daemon": ([], [], 0), "busybox": ([], [], 0), "capsh": ([], [], 0), "script": (["c", "t", "T", "I", "O", "B", "E"], ["command", "timing", "log-in", "log-out", "log-io", "echo"], 0),
    ]

    static let privilegeWrappers: Set<String> = ["sudo", "doas", "pkexec", "runuser", "su", "sg", "chroot", "nsenter", "capsh"]

    /// Recurses into commands run by this one. Returns the flow when the invocation was a wrapper.
    mutating func unwrap(_ inv: CommandInvocation) -> DataFlow? {
        let name = inv.name
        if inv.traits.contains(.shell) {
            return runShell(inv)
        }
        switch name {
        case "eval":
            let code = inv.arguments.joined(separator: " ")
            let labels = inv.argumentLabels.values.reduce(DataLabels()) { $0.union($1) }
            judgeCodeLabels(labels, inv: inv)
            return runScript(code, origin: .eval, inv: inv, privileged: inv.privileged, stdin: inv)
        case "source", ".":
            guard let file = inv.arguments.first else { return DataFlow() }
            let labels = inv.argumentLabels[1] ?? []
            judgeCodeLabels(labels.union(fileLabels[normalizer.normalize(file)] ?? []), inv: inv)
            checkMasquerade(normalizer.normalize(file), inv: inv)
            if file == "/dev/stdin" || file == "-" { judgeCodeLabels(inv.stdinLabels, inv: inv); if let t = inv.stdinText { return runScript(t, origin: .stdinScript, inv: inv, privileged: inv.privileged, stdin: nil) } }
            return runWrittenScript(normalizer.normalize(file), inv: inv, argumentsFrom: 1) ?? DataFlow()
        case "su":
            let scan = OptionScan(inv.arguments, shortWithValue: ["c", "s", "g", "G"], longWithValue: ["command", "shell", "group"])
            add("shell.privilege.su", .info, .privilegeEscalation, "Switches user with su", evidence: inv.text)
            if let code = scan.value("c") ?? scan.value("command") {
                return runScript(code, origin: .wrapper, inv: inv, privileged: true, stdin: inv)
            }
            if inv.stdinText == nil && !inv.stdinIsPipe {
                let user = scan.operands.first(where: { $0 != "-" })
                if user == nil || user == "root" {
                    add("shell.privilege.root_shell", .critical, .privilegeEscalation, "Opens an interactive root shell", evidence: inv.text)
                } else if scan.operands.count <= 2 {
                    add("shell.interactive_shell", .high, .privilegeEscalation, "Opens an interactive shell as \(user!)", evidence: inv.text)
                }
            }
            return DataFlow()
        case "find":
            return runFindExec(inv)
        case "ssh":
            return nil  // handled by the network rules, which recurse into the remote command
        default:
            break
        }
        guard inv.traits.contains(.wrapper), let spec = Self.wrappers[name] else { return nil }
        let scan = OptionScan(inv.arguments, shortWithValue: spec.0, longWithValue: spec.1, stopAtFirstOperand: true)
        var inner = Array(scan.operands.dropFirst(min(spec.2, scan.operands.count)))
        let privileged = inv.privileged || Self.privilegeWrappers.contains(name)
        var origin = CommandInvocation.Origin.wrapper
        var environment = inv.environment
        switch name {
        case "command", "type":
            if scan.has("v") || scan.has("V") || name == "type" {
                guard let program = scan.operands.first else { return DataFlow() }
                return DataFlow(labels: [], text: program.contains("/") ? program : "/usr/bin/" + program)
            }
        case "sudo", "doas":
            if scan.has("s") || scan.has("i") || scan.has(long: "shell") || scan.has(long: "login") {
                if inner.isEmpty {
                    add("shell.privilege.root_shell", .critical, .privilegeEscalation, "Opens an interactive root shell", evidence: inv.text)
                    return DataFlow()
                }
                return runScript(inner.joined(separator: " "), origin: .wrapper, inv: inv, privileged: true, stdin: inv)
            }
            if scan.has("l") && inner.isEmpty { return DataFlow(labels: [.systemInfo]) }
            add("shell.privilege.sudo", .info, .privilegeEscalation, "Runs a command as root", evidence: inv.text)
        case "env":
            // `env A=b cmd`: assignments precede the command.
            while let first = inner.first, let eq = first.firstIndex(of: "="), first.first != "=" {
                environment.append((String(first[..<eq]), String(first[first.index(after: eq)...])))
                inner.removeFirst()
            }
            if let split = scan.value("S") ?? scan.value("split-string") {
                return runScript(split + " " + inner.joined(separator: " "), origin: .wrapper, inv: inv, privileged: privileged, stdin: inv)
            }
            if inner.isEmpty { return DataFlow(labels: [.environment]) }
            checkAssignments(environment, evidenceSuffix: " " + inv.text)
        case "flock":
            // `flock FILE -c CMD`: CMD runs in a shell.
            if let c = inv.arguments.firstIndex(where: { $0 == "-c" || $0 == "--command" }), c + 1 < inv.arguments.endIndex {
                return runScript(inv.arguments[c + 1], origin: .wrapper, inv: inv, privileged: privileged, stdin: inv)
            }
        case "watch", "script", "parallel":
            if name == "script" {
                if let code = scan.value("c") ?? scan.value("command") {
                    return runScript(code, origin: .wrapper, inv: inv, privileged: privileged, stdin: inv)
                }
                if inv.stdinText == nil {
                    add("shell.interactive_shell", .high, score: 75, .execution, "`script` spawns an interactive shell", evidence: inv.text)
                }
                return DataFlow()
            }
            if name == "parallel" { return runParallel(inner, inv: inv, privileged: privileged) }
            return runScript(inner.joined(separator: " "), origin: .wrapper, inv: inv, privileged: privileged, stdin: inv)
        case "xargs":
            origin = .xargs
            if inner.isEmpty { inner = ["echo"] }
            let replace = scan.value("I") ?? scan.value("replace") ?? (scan.has("i") ? "{}" : nil)
            // When the input is known (`echo / | xargs rm -rf`), its words become the arguments.
            let argumentFile = scan.value("a") ?? scan.value("arg-file")
            if let text = inv.stdinText, argumentFile == nil {
                let items = text.split(whereSeparator: { $0 == "\n" || (replace == nil && ($0 == " " || $0 == "\t")) }).map(String.init).prefix(32)
                if let replace {
                    var last = DataFlow()
                    for item in items {
                        last = runArgv(inner.map { $0.replacingOccurrences(of: replace, with: item) }, environment: environment, origin: .xargs, inv: inv, privileged: privileged)
                    }
                    return last
                }
                inner += items
            }
        case "busybox":
            // `busybox APPLET args…`: the applet's own options follow it.
            let applet = Array(inv.arguments)
            if applet.isEmpty { return DataFlow() }
            return runArgv(applet, environment: environment, origin: .wrapper, inv: inv, privileged: privileged)
        case "start-stop-daemon":
            let all = Array(inv.arguments)
            let s2 = OptionScan(inv.arguments, shortWithValue: ["x", "a", "n", "u", "c", "p", "d", "r", "s", "k", "N", "P"], longWithValue: ["exec", "startas", "name", "user", "chuid", "pidfile", "chdir", "chroot"])
            guard let program = s2.value("x") ?? s2.value("exec") ?? s2.value("a") ?? s2.value("startas") else { return DataFlow() }
            let rest = all.firstIndex(of: "--").map { Array(all[($0 + 1)...]) } ?? []
            return runArgv([program] + rest, environment: environment, origin: .interpreterCode, inv: inv, privileged: privileged)
        case "capsh":
            if let dash = inv.argv.firstIndex(of: "--") {
                let rest = Array(inv.argv[(dash + 1)...])
                if rest.isEmpty {
                    add("shell.privilege.root_shell", .critical, .privilegeEscalation, "capsh -- opens a shell with the given capabilities", evidence: inv.text)
                    return DataFlow()
                }
                var shellInv = inv
                shellInv.argv = ["bash"] + rest
                shellInv.name = "bash"
                return runShell(shellInv)
            }
            return DataFlow()
        case "systemd-run":
            if inner.isEmpty {
                if scan.has("S") || scan.has(long: "shell") {
                    add("shell.interactive_shell", .high, score: 75, .execution, "systemd-run --shell opens an interactive shell", evidence: inv.text)
                }
                return DataFlow()
            }
            if scan.values["on-calendar"] != nil || scan.values["on-active"] != nil {
                add("shell.persistence.timer", .high, .persistence, "Schedules a recurring command with a transient systemd timer", evidence: inv.text)
            }
        case "sg":
            if inner.isEmpty {
                add("shell.interactive_shell", .high, score: 75, .privilegeEscalation, "sg opens a shell with another group", evidence: inv.text)
                return DataFlow()
            }
        case "chroot":
            if inner.isEmpty {
                add("shell.privilege.root_shell", .critical, .privilegeEscalation, "chroot without a command opens a root shell", evidence: inv.text)
                return DataFlow()
            }
        default:
            break
        }
        guard !inner.isEmpty else { return DataFlow() }
        return runArgv(inner, environment: environment, origin: origin, inv: inv, privileged: privileged)
    }

    /// A shell binary: `-c` strings, scripts on stdin and heredocs, script files, or an interactive shell.
    mutating func runShell(_ inv: CommandInvocation) -> DataFlow {
        let args = Array(inv.arguments)
        var k = 0
        var code: String? = nil
        var codeIndex: Int? = nil
        var operands: [String] = []
        var privilegedMode = false
        var readsStdin = false
        var interactiveFlag = false
        while k < args.count {
            let a = args[k]
            if a == "--" { operands.append(contentsOf: args[(k + 1)...]); break }
            if a.hasPrefix("-"), a.count > 1, !a.hasPrefix("--") {
                for ch in a.dropFirst() {
                    switch ch {
                    case "c": if k + 1 < args.count { code = args[k + 1]; codeIndex = k + 2; k += 1 }
                    case "p": privilegedMode = true
                    case "s": readsStdin = true
                    case "i": interactiveFlag = true
                    default: break
                    }
                }
                k += 1
                continue
            }
            if a.hasPrefix("--") { k += 1; continue }
            if a.hasPrefix("+") { k += 1; continue }
            operands.append(a)
            k += 1
        }
        if let code {
            let labels = codeIndex.flatMap { inv.argumentLabels[$0] } ?? []
            judgeCodeLabels(labels, inv: inv)
            if let codeIndex, inv.dynamicArguments.contains(codeIndex) {
                if labels.intersection([.network, .decoded]).isEmpty {
                    add("shell.dynamic_code", .medium, .execution, "Runs shell code whose text is only known at run time", evidence: inv.text)
                }
                return DataFlow()
            }
            if privilegedMode {
                add("shell.privilege.privileged_mode", .high, .privilegeEscalation, "Runs a shell in privileged mode (-p keeps the set-uid identity)", evidence: inv.text)
            }
            // `sh -c 'rm -rf "$1"' x ~`: the words after the code are `$0`, `$1`…
            if let codeIndex, codeIndex + 1 < inv.argv.count {
                let saved = variables["0"]
                variables["0"] = (inv.argv[codeIndex + 1], inv.argumentLabels[codeIndex + 1] ?? [])
                let flow = withArguments(inv, dropping: codeIndex + 1) {
                    $0.runScript(code, origin: .shellString, inv: inv, privileged: inv.privileged, stdin: inv)
                }
                variables["0"] = saved
                return flow
            }
            return runScript(code, origin: .shellString, inv: inv, privileged: inv.privileged, stdin: inv)
        }
        if let script = operands.first, !readsStdin {
            let path = normalizer.normalize(script)
            judgeCodeLabels(inv.argumentLabels[1] ?? [], inv: inv)
            checkMasquerade(path, inv: inv)
            if fileLabels[path]?.contains(.network) == true {
                add("shell.rce.execute_download", .critical, .remoteCodeExecution, "Runs a script downloaded earlier in the same command, unreviewed", evidence: inv.text)
            }
            if isDecoded(path) {
                add("shell.obfuscation.decoded_to_shell", .critical, .defenseEvasion, "Runs a script decoded or decrypted earlier in the same command (an obfuscated payload)", evidence: inv.text)
            }
            if script == "/dev/stdin" || script == "-" { return runStdinScript(inv) }
            // `bash <(printf …)`: a process substitution's output, when known, was recorded under its path.
            if script.hasPrefix("/dev/fd/") || script.hasPrefix("/proc/self/fd/") {
                return runWrittenScript(path, inv: inv, argumentsFrom: 1) ?? DataFlow()
            }
            let scriptIndex = inv.arguments.firstIndex(of: script).map { $0 - inv.arguments.startIndex + 1 } ?? 1
            return runWrittenScript(path, inv: inv, argumentsFrom: scriptIndex) ?? DataFlow()
        }
        // No -c and no script file: the shell reads commands from stdin, or is interactive.
        if inv.stdinIsPipe || inv.stdinText != nil {
            var flow = runStdinScript(inv)
            if inv.stdinText == nil && inv.stdinFragments == nil { flow.labels.insert(.shellSession) }
            return flow
        }
        let viaOtherProgram = inv.origin == .interpreterCode || inv.origin == .findExec || inv.origin == .xargs
        if privilegedMode || inv.privileged {
            add("shell.privilege.root_shell", .critical, .privilegeEscalation, "Spawns a shell that keeps elevated privileges", evidence: inv.text)
        } else if viaOtherProgram {
            add("shell.escape.spawn_shell", .critical, .defenseEvasion, "Another program is made to spawn an interactive shell (a shell escape)", evidence: inv.text)
        } else {
            add("shell.interactive_shell", .high, score: 75, .execution, "Spawns an interactive shell\(interactiveFlag ? " (-i)" : ""); agents have no reason to", evidence: inv.text)
        }
        return DataFlow(labels: .shellSession)
    }

    /// A shell or interpreter reading its program from stdin.
    mutating func runStdinScript(_ inv: CommandInvocation) -> DataFlow {
        judgeCodeLabels(inv.stdinLabels, inv: inv)
        if let text = inv.stdinText ?? inv.stdinFragments {
            let origin: CommandInvocation.Origin = inv.stdinLabels.contains(.decoded) ? .decodedPayload : .stdinScript
            judgeInterpreterLine(text, depth: inv.depth, privileged: inv.privileged)
            return runScript(text, origin: origin, inv: inv, privileged: inv.privileged, stdin: nil)
        }
        return DataFlow()
    }

    /// Code whose text came from the network or a decoder is remote or obfuscated execution.
    mutating func judgeCodeLabels(_ labels: DataLabels, inv: CommandInvocation) {
        if labels.contains(.network) {
            add("shell.rce.download_to_shell", .critical, .remoteCodeExecution, "Executes code fetched from the network without saving or reviewing it", evidence: inv.text)
        }
        if labels.contains(.decoded) {
            add("shell.obfuscation.decoded_to_shell", .critical, .defenseEvasion, "Executes a decoded (obfuscated) payload", evidence: inv.text)
        }
    }

    /// Parses `code` as a script and analyzes it one level deeper.
    mutating func runScript(_ code: String, origin: CommandInvocation.Origin, inv: CommandInvocation, privileged: Bool, stdin: CommandInvocation?) -> DataFlow {
        guard inv.depth < Self.maxDepth else {
            truncated = true
            add("shell.too_complex", .critical, .malformed, "Commands nest deeper than the analyzer follows", evidence: inv.text)
            return DataFlow()
        }
        let parsed = ShellParser.parse(code)
        if parsed.hitLimit { truncated = true }
        reportSyntax(parsed.errors, source: code, nested: true)
        // Functions defined inside `bash -c`, `eval` or a written script are callable after it.
        registerFunctions(parsed)
        let input = stdin.map { DataFlow(labels: $0.stdinLabels, text: $0.stdinText, isPipe: $0.stdinIsPipe) } ?? .none
        return analyze(parsed.script, origin: origin, depth: inv.depth + 1, privileged: privileged, stdin: input)
    }

    /// GNU `parallel CMD ::: A B …` runs `CMD A`, `CMD B`… through a shell (`{}` marks where the
    /// argument goes; without it, the argument is appended). Without `:::`, the arguments are the
    /// lines of stdin when known. At most 8 of them are judged.
    mutating func runParallel(_ words: [String], inv: CommandInvocation, privileged: Bool) -> DataFlow {
        var command = words
        var items: [String] = []
        if let sep = words.firstIndex(where: { $0 == ":::" || $0 == "::::" }) {
            command = Array(words[..<sep])
            let group = words[(sep + 1)...].prefix { $0 != ":::" && $0 != "::::" && $0 != ":::+" }
            // `:::: FILE` reads the arguments from a file we cannot see.
            if words[sep] == ":::" { items = Array(group.prefix(8)) }
        } else if let text = inv.stdinText {
            items = text.split(separator: "\n").prefix(8).map(String.init)
        }
        let template = command.joined(separator: " ")
        guard !items.isEmpty else { return runScript(template, origin: .wrapper, inv: inv, privileged: privileged, stdin: inv) }
        var flow = DataFlow()
        for item in items {
            // parallel quotes each argument for the shell it starts.
            let quoted = "'" + item.replacingOccurrences(of: "'", with: "'\\''") + "'"
            let code = template.contains("{}") ? template.replacingOccurrences(of: "{}", with: quoted) : template + " " + quoted
            flow.labels.formUnion(runScript(code, origin: .wrapper, inv: inv, privileged: privileged, stdin: nil).labels)
        }
        return flow
    }

    /// Makes the functions that nested code defines callable afterwards (at most 32 names,
    /// 4 bodies each).
    mutating func registerFunctions(_ parsed: ShellParseResult) {
        for (name, bodies) in parsed.functionBodies where functionBodies.count < 32 || functionBodies[name] != nil {
            var known = functionBodies[name] ?? []
            for body in bodies where known.count < 4 && !known.contains(body) { known.append(body) }
            functionBodies[name] = known
        }
    }

    /// Runs an already-split argument vector (from a wrapper, `xargs` or `find -exec`).
    mutating func runArgv(_ argv: [String], environment: [(name: String, value: String)], origin: CommandInvocation.Origin, inv: CommandInvocation, privileged: Bool) -> DataFlow {
        guard !argv.isEmpty else { return DataFlow() }
        guard inv.depth < Self.maxDepth, invocations.count < Self.maxInvocations else {
            truncated = true
            return DataFlow()
        }
        var labels: [Int: DataLabels] = [:]
        // Map the wrapper's argument labels onto the inner vector by value.
        if !inv.argumentLabels.isEmpty {
            var position: [String: Int] = [:]
            for (j, value) in inv.argv.enumerated() where position[value] == nil { position[value] = j }
            for (index, value) in argv.enumerated() {
                if let j = position[value], let l = inv.argumentLabels[j] { labels[index] = l }
            }
        }
        let child = CommandInvocation(
            argv: argv, name: commandName(argv[0]), dynamicName: inv.dynamicArguments.contains(inv.argv.firstIndex(of: argv[0]) ?? -1),
            dynamicArguments: [], argumentLabels: labels, redirects: [], environment: environment, origin: origin, depth: inv.depth + 1,
            privileged: privileged, stdinLabels: inv.stdinLabels, stdinText: origin == .xargs ? nil : inv.stdinText,
            stdinFragments: origin == .xargs ? nil : inv.stdinFragments,
            stdinIsPipe: origin == .xargs ? false : inv.stdinIsPipe, stdoutIsPipe: inv.stdoutIsPipe, background: inv.background)
        invocations.append(child)
        return evaluate(child)
    }

    /// `find … -exec CMD {} \;`, `-execdir`, `-ok`, `-okdir`, and `-delete`.
    mutating func runFindExec(_ inv: CommandInvocation) -> DataFlow {
        judgeFind(inv)
        let args = Array(inv.arguments)
        // Without filters, `{}` stands for everything under the start paths, the roots included.
        var roots: [String] = []
        for a in args {
            if a.hasPrefix("-") || a == "(" || a == "!" { break }
            roots.append(a)
        }
        let selective = args.contains { Self.findFilters.contains($0) }
        // Filtered by name, `{}` stands for a matching entry somewhere below the root.
        let pattern = zip(args, args.dropFirst()).first { $0.0 == "-name" || $0.0 == "-iname" }?.1
        var k = 0
        var flow = DataFlow()
        while k < args.count {
            let a = args[k]
            if a == "-exec" || a == "-execdir" || a == "-ok" || a == "-okdir" {
                var end = k + 1
                while end < args.count, args[end] != ";", args[end] != "+", args[end] != "\\;" { end += 1 }
                var inner = Array(args[(k + 1)..<end])
                if inner.contains("{}") {
                    let root = roots.first ?? "."
                    // Unfiltered: `{}` is the whole tree.
                    let stand: String? = !selective ? root : pattern.map { (root.hasSuffix("/") ? root : root + "/") + "…/" + $0 }
                    if let stand { inner = inner.map { $0 == "{}" ? stand : $0 } }
                }
                if !inner.isEmpty {
                    let f = runArgv(inner, environment: inv.environment, origin: .findExec, inv: inv, privileged: inv.privileged)
                    flow.labels.formUnion(f.labels)
                }
                k = end + 1
                continue
            }
            k += 1
        }
        return flow
    }
}
