/// Literal sources, decoders, and checks that apply to every command: sockets in redirections,
/// shells hidden in arguments, library loading, executing downloaded files, dangerous variables.
extension ShellAnalyzer {
    mutating func echo(_ inv: CommandInvocation) -> DataFlow? {
        var args = Array(inv.arguments)
        var newline = true
        var escapes = false
        while let first = args.first, first.hasPrefix("-"), first.count > 1, first.dropFirst().allSatisfy({ "neE".contains($0) }) {
            if first.contains("n") { newline = false }
            if first.contains("e") { escapes = true }
            if first.contains("E") { escapes = false }
            args.removeFirst()
        }
        let labels = inv.argumentLabels.values.reduce(DataLabels()) { $0.union($1) }
        // With unknown parts the output is not known, but its literal parts still are.
        guard inv.dynamicArguments.isEmpty else { return DataFlow(labels: labels, fragments: args.joined(separator: " ") + "\n") }
        var text = args.joined(separator: " ")
        var decodedLabel: DataLabels = []
        if escapes {
            let (decoded, count) = Escapes.decodePrintf(text)
            text = decoded
            if count >= 3 { decodedLabel = .decoded }
        }
        if newline { text += "\n" }
        return DataFlow(labels: labels.union(decodedLabel), text: text)
    }

    mutating func printf(_ inv: CommandInvocation) -> DataFlow? {
        var args = Array(inv.arguments)
        if args.first == "-v" {
            // `printf -v c rm`: the output goes into the variable instead of stdout.
            guard args.count >= 3, Self.isVariableName(args[1]) else { return DataFlow() }
            var formatted = inv
            formatted.argv = [inv.argv[0]] + args.dropFirst(2)
            let flow = printf(formatted) ?? DataFlow()
            variables[namerefs[args[1]] ?? args[1]] = (flow.text, flow.labels)
            return DataFlow()
        }
        if args.first == "--" { args.removeFirst() }
        let labels = inv.argumentLabels.values.reduce(DataLabels()) { $0.union($1) }
        guard let format = args.first, inv.dynamicArguments.isEmpty else { return DataFlow(labels: labels) }
        var rest = args.dropFirst()
        var (decoded, count) = Escapes.decodePrintf(format)
        // Substitute %s and %b directives in order; any other directive makes the text unknown.
        var out = ""
        var known = true
        var it = Array(decoded)
        var k = 0
        while k < it.count {
            if it[k] == "%", k + 1 < it.count {
                let d = it[k + 1]
                if d == "%" { out.append("%"); k += 2; continue }
                if d == "s" || d == "b" {
                    var value = rest.isEmpty ? "" : rest.removeFirst()
                    if d == "b" {
                        let (v, c) = Escapes.decodePrintf(value)
                        value = v
                        count += c
                    }
                    out += value
                    k += 2
                    continue
                }
                known = false
                break
            }
            out.append(it[k])
            k += 1
        }
        it = []
        decoded = out
        return DataFlow(labels: labels.union(count >= 3 ? .decoded : []), text: known ? decoded : nil)
    }

    /// `read [-r] A B …` from a known stdin (`read c <<< rm`): the first line split on blanks, the
    /// last name taking the rest. Unknown input leaves the names unknown, carrying its labels.
    mutating func readBuiltin(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["a", "d", "i", "n", "N", "p", "t", "u"])
        let names = scan.operands.filter(Self.isVariableName)
        guard scan.value("a") == nil, scan.value("d") == nil, scan.value("n") == nil, scan.value("N") == nil, !names.isEmpty else { return DataFlow() }
        guard let text = inv.stdinText else {
            for name in names.prefix(16) { variables[namerefs[name] ?? name] = (nil, inv.stdinLabels) }
            return DataFlow()
        }
        let line = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        for (index, name) in names.prefix(16).enumerated() {
            let value: String
            if index == names.count - 1 {
                value = words.joined(separator: " ")
                words = []
            } else {
                value = words.isEmpty ? "" : words.removeFirst()
            }
            variables[namerefs[name] ?? name] = (value, inv.stdinLabels)
        }
        return DataFlow()
    }

    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, isNameStart(first) else { return false }
        return text.utf8.allSatisfy(isNameChar)
    }

    /// `base64 -d`, `xxd -r`, `rev`, rot13 with `tr`, `openssl enc -d`, decompressors.
    mutating func decoder(_ inv: CommandInvocation) -> DataFlow? {
        let flow = decode(inv)
        if flow.labels.contains(.decoded) { markDecodedOutput(inv, labels: flow.labels) }
        return flow
    }

    mutating func decode(_ inv: CommandInvocation) -> DataFlow {
        let args = Array(inv.arguments)
        let scan = OptionScan(inv.arguments, shortWithValue: ["w", "i", "o", "c", "l", "s", "g", "n", "k", "K"])
        var input = inv.stdinText
        var labels = inv.stdinLabels
        if let file = scan.operands.first, inv.name != "tr", inv.name != "openssl" {
            let path = normalizer.normalize(file)
            labels.formUnion(labelsForReading(path))
            input = nil
        }
        switch inv.name {
        case "base64", "base32", "basenc", "gbase64":
            let decoding = scan.has("d") || scan.has("D") || scan.has(long: "decode")
            guard decoding else { return DataFlow(labels: labels) }
            let text = input.flatMap { Base64.decode($0).map { String(decoding: $0, as: UTF8.self) } }
            return DataFlow(labels: labels.union(.decoded), text: inv.name == "base64" ? text : nil)
        case "xxd":
            guard scan.has("r") else { return DataFlow(labels: labels) }
            let text = scan.has("p") ? input.flatMap { Escapes.decodeHex($0) } : nil
            return DataFlow(labels: labels.union(.decoded), text: text)
        case "rev":
            let text = input.map { t in t.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed()) }.joined(separator: "\n") }
            return DataFlow(labels: labels.union(.decoded), text: text)
        case "tr":
            let sets = args.filter { !$0.hasPrefix("-") }
            if sets.count == 2, Escapes.isRot13(sets[0], sets[1]) {
                return DataFlow(labels: labels.union(.decoded), text: input.map(Escapes.rot13))
            }
            return DataFlow(labels: labels)
        case "openssl":
            let decodes = args.contains("-d") || args.contains("-base64") && args.contains("-d") || args.first == "base64" && args.contains("-d")
            if args.first == "s_client" || args.first == "s_server" {
                if args.first == "s_server" { add("shell.network.listener", .medium, .network, "Opens a TLS listener", evidence: inv.text) }
                judgeEgress(inv.stdinLabels, inv: inv, destination: args.first(where: { $0.contains(":") }) ?? "a remote host")
                return DataFlow(labels: .network)
            }
            if args.contains(where: { $0 == "-engine" }) {
                add("shell.library_load", .high, score: 75, .execution, "Loads an OpenSSL engine from a library", evidence: inv.text)
            }
            return DataFlow(labels: decodes ? labels.union(.decoded) : labels)
        case "uudecode":
            return DataFlow(labels: labels.union(.decoded))
        default:
            // gunzip, zcat, gzip -d, bzip2 -d, xz -d: compressed payloads.
            let decompress = inv.name.hasPrefix("gun") || inv.name.hasSuffix("cat") || scan.has("d") || scan.has(long: "decompress")
            return DataFlow(labels: decompress && inv.stdinIsPipe ? labels.union(.decoded) : labels)
        }
    }

    /// Interpreters and shells reading a program from a pipe: network or decoded input is execution.
    mutating func checkSocketRedirects(_ inv: CommandInvocation, flow: DataFlow) {
        for r in inv.redirects where r.target.hasPrefix("/dev/tcp/") || r.target.hasPrefix("/dev/udp/") {
            let isShell = inv.traits.contains(.shell) || inv.name == "exec" && inv.arguments.contains { Self.shells.contains(commandName($0)) }
            let parts = r.target.split(separator: "/")
            let host = parts.count > 2 ? String(parts[2]) : "a remote host"
            if isShell || inv.redirects.contains(where: { $0.op == .duplicateInput || $0.op == .duplicateOutput || $0.op == .outputAll }) && inv.name != "cat" && inv.name != "echo" {
                add("shell.reverse_shell.dev_tcp", .critical, .reverseShell, "Connects a shell's input and output to \(host) through \(r.target)", evidence: inv.text)
            } else {
                add("shell.network.dev_tcp", .high, .network, "Opens a raw network connection to \(host) through \(r.target)", evidence: inv.text)
            }
            judgeEgress(flow.labels.union(inv.stdinLabels), inv: inv, destination: host)
        }
    }

    /// Commands that only print or inspect their arguments: a shell path there is data.
    static let dataCommands: Set<String> = [
        "echo", "printf", "cat", "grep", "egrep", "fgrep", "rg", "ls", "which", "type", "whereis", "file", "stat", "readlink", "realpath",
        "test", "[", "[[", "cp", "mv", "ln", "chmod", "chown", "chgrp", "chsh", "useradd", "usermod", "adduser", "md5sum", "sha1sum",
        "sha256sum", "sha512sum", "strings", "ldd", "objdump", "nm", "diff", "cmp", "tee", "touch", "install", "update-alternatives",
        "head", "tail", "wc", "dirname", "basename", "export", "declare", "local", "git", "sed", "help", "for", "case", "printenv", "set",
        "unset", "hash", "sort", "uniq", "cut", "tr", "jq", "yq", "column", ":", "alias", "readelf", "du", "df", "mkdir", "rm", "rmdir",
        "shred", "find", "xargs", "sudo", "env", "command", "docker", "podman", "kubectl", "ssh", "awk", "gawk", "mawk", "nawk", "perl",
        "python", "python2", "python3", "ruby", "node", "php", "lua", "crontab", "systemctl", "journalctl", "getent", "id", "groups",
        "runuser", "su", "pkexec", "doas", "watch", "nohup", "timeout", "strace", "ltrace", "setsid", "exec", "time", "nice", "ps",
        "pgrep", "pkill", "kill", "killall", "lsof", "fuser", "nc", "ncat", "netcat", "socat", "curl", "wget", "script", "chroot", "busybox",
    ]

    /// Browsers started with DevTools exposed on a port hand their session cookies to anyone local.
    mutating func checkRemoteDebugging(_ inv: CommandInvocation) {
        if inv.arguments.contains(where: { $0.hasPrefix("--remote-debugging-port") || $0.hasPrefix("--remote-debugging-pipe") }) {
            add("shell.credential.browser_debugging", .high, score: 75, .credentialAccess, "Starts a browser with remote debugging enabled (session cookies become readable)", evidence: inv.text)
        }
    }

    /// A non-shell program handed a shell path (`vi -c ':!/bin/sh'`, `--address=unixexec:path=/bin/sh`).
    mutating func checkEmbeddedShell(_ inv: CommandInvocation) {
        guard inv.traits.isDisjoint(with: [.shell, .dataCommand]) else { return }
        for arg in inv.arguments where Escapes.spawnsShell(arg) {
            add("shell.escape.embedded_shell", .critical, .defenseEvasion, "\(inv.name) is handed a shell to run (\(arg.prefix(60)))", evidence: inv.text)
            return
        }
        if let text = inv.stdinText, Escapes.spawnsShell(text) {
            add("shell.escape.embedded_shell", .critical, .defenseEvasion, "\(inv.name) is fed input that spawns a shell", evidence: inv.text)
        }
    }

    static let linkerTools: Set<String> = [
        "gcc", "cc", "g++", "clang", "clang++", "ld", "ldd", "nm", "objdump", "readelf", "strip", "file", "ls", "cp", "mv", "rm", "ln",
        "find", "install", "chmod", "chown", "patchelf", "strings", "md5sum", "sha256sum", "tar", "zip", "make", "cmake", "ar", "ranlib",
        "echo", "printf", "grep", "cat", "locate", "dpkg", "rpm", "ldconfig", "du", "stat", "otool", "lipo", "codesign", "swift", "cargo",
        "go", "rustc", "apt", "apt-get", "yum", "dnf", "export", "sudo", "env", "rsync", "scp", "basename", "dirname", "realpath", "readlink",
    ]

    /// A shared library path handed to a program that loads it.
    mutating func checkLibraryLoad(_ inv: CommandInvocation) {
        guard !inv.traits.contains(.linkerTool), !inv.traits.contains(.shell) || inv.arguments.contains("enable") else { return }
        for arg in inv.arguments where Escapes.namesSharedLibrary(arg) {
            add("shell.library_load", .high, score: 75, .execution, "\(inv.name) is made to load a shared library (\(arg.prefix(60)))", evidence: inv.text)
            return
        }
        if let text = inv.stdinText, text.contains("load"),
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).contains(where: { Escapes.namesSharedLibrary(String($0)) }) {
            add("shell.library_load", .high, score: 75, .execution, "\(inv.name) is fed input that loads a shared library", evidence: inv.text)
        }
    }

    /// Text written to a file that would spawn a shell when some program later runs it
    /// (`echo 'exec /bin/sh' > hook`): a staged shell escape. Shebang lines are not payloads.
    mutating func checkPlantedPayload(_ text: String, path: String, normalized: String, evidence: String) {
        checkStartupHook(text, path: path, normalized: normalized, evidence: evidence)
        guard Escapes.spawnsShell(text) || text.utf8.count > 8 && (text.contains("load_module") || text.contains("LD_PRELOAD")) else { return }
        var body = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("#!") {
            body += line
            body += "\n"
        }
        if Escapes.spawnsShell(body) {
            add("shell.escape.planted_shell", .high, score: 75, .defenseEvasion, "Writes a payload that spawns a shell into \(path) for another program to run", evidence: evidence)
        }
        if body.contains("load_module") || body.contains("LD_PRELOAD"), body.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "=" }).contains(where: { Escapes.namesSharedLibrary(String($0)) }) {
            add("shell.library_load", .high, score: 75, .execution, "Writes configuration that loads a shared library into \(path)", evidence: evidence)
        }
    }

    /// Running a file that this script downloaded (`curl -o x … && ./x`) or decoded
    /// (`base64 -d < blob > x; ./x`).
    mutating func checkExecutedFile(_ inv: CommandInvocation) {
        guard !fileLabels.isEmpty || !decryptedDirectories.isEmpty else { return }  // nothing downloaded or decoded to a file yet
        if inv.argv[0].contains("/") {
            let path = normalizer.normalize(inv.argv[0])
            if fileLabels[path]?.contains(.network) == true {
                add("shell.rce.execute_download", .critical, .remoteCodeExecution, "Runs a file downloaded earlier in the same command", evidence: inv.text)
            }
            if isDecoded(path) {
                add("shell.obfuscation.decoded_to_shell", .critical, .defenseEvasion, "Runs a file decoded or decrypted earlier in the same command (an obfuscated payload)", evidence: inv.text)
            }
        }
        if inv.name == "chmod", inv.arguments.contains(where: { $0.contains("x") || $0.hasPrefix("7") || $0.hasPrefix("+") }) {
            for target in inv.arguments.dropFirst() where fileLabels[normalizer.normalize(target)]?.contains(.network) == true {
                add("shell.rce.chmod_download", .high, score: 75, .remoteCodeExecution, "Makes a freshly downloaded file executable", evidence: inv.text)
            }
        }
        if inv.traits.contains(.interpreter), let script = inv.arguments.first(where: { !$0.hasPrefix("-") }) {
            let path = normalizer.normalize(script)
            if fileLabels[path]?.contains(.network) == true {
                add("shell.rce.execute_download", .critical, .remoteCodeExecution, "Runs a script downloaded earlier in the same command", evidence: inv.text)
            }
            if isDecoded(path) {
                add("shell.obfuscation.decoded_to_shell", .critical, .defenseEvasion, "Runs a script decoded or decrypted earlier in the same command (an obfuscated payload)", evidence: inv.text)
            }
        }
    }

    /// Senders that read stdin: pipes carrying secrets or the environment out.
    mutating func checkNetworkSinks(_ inv: CommandInvocation) {
        guard inv.stdinIsPipe, !inv.stdinLabels.isEmpty else { return }
        switch inv.name {
        case "nc", "ncat", "netcat", "socat", "telnet", "ssh", "mail", "mailx", "sendmail", "mutt", "curl", "wget", "openssl":
            break  // judged by their own rules
        case "ftp", "tftp", "sftp", "nsupdate", "dig", "nslookup", "host":
            judgeEgress(inv.stdinLabels, inv: inv, destination: inv.arguments.last ?? "a remote host")
        default:
            break
        }
    }

    /// Variables that change what later programs execute or record.
    mutating func checkAssignments(_ environment: [(name: String, value: String)], evidenceSuffix: @autoclosure () -> String) {
        guard !environment.isEmpty else { return }
        let evidenceSuffix = evidenceSuffix()
        for (name, value) in environment {
            let evidence = "\(name)=\(value)\(evidenceSuffix)"
            switch name {
            case "LD_PRELOAD", "LD_AUDIT", "DYLD_INSERT_LIBRARIES":
                add("shell.library_preload", .critical, .defenseEvasion, "Injects a shared library into every program started (\(name))", evidence: evidence)
            case "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH":
                if value.hasPrefix("/tmp") || value.hasPrefix("/dev/shm") || value == "." {
                    add("shell.library_preload", .high, .defenseEvasion, "Points the library search path at a writable directory", evidence: evidence)
                }
            case "HISTFILE":
                if value == "/dev/null" || value.isEmpty { add("shell.evasion.disable_history", .high, score: 75, .defenseEvasion, "Sends shell history to /dev/null", evidence: evidence) }
            case "HISTSIZE", "HISTFILESIZE", "SAVEHIST":
                if value == "0" { add("shell.evasion.disable_history", .high, score: 75, .defenseEvasion, "Turns off shell history (\(name)=0)", evidence: evidence) }
            case "HISTCONTROL":
                if value.contains("ignorespace") || value.contains("ignoreboth") {
                    add("shell.evasion.disable_history", .medium, .defenseEvasion, "Hides space-prefixed commands from history", evidence: evidence)
                }
            case "HISTIGNORE":
                add("shell.evasion.disable_history", .medium, .defenseEvasion, "Excludes commands from history", evidence: evidence)
            case "PAGER", "GIT_PAGER", "MANPAGER", "EDITOR", "VISUAL", "GIT_EDITOR", "LESSOPEN", "LESSCLOSE", "BASH_ENV", "ENV", "PROMPT_COMMAND",
                "GIT_SSH_COMMAND", "GIT_SSH", "SSH_ASKPASS", "GIT_ASKPASS", "GIT_EXTERNAL_DIFF", "PERL5OPT", "PYTHONSTARTUP", "NODE_OPTIONS", "RUBYOPT":
                let shellLike = Escapes.spawnsShell(value) || value.contains(";") || value.contains("|") || value.contains("$(") || value.contains("sh -c")
                if shellLike || name == "PROMPT_COMMAND" || name == "BASH_ENV" || name == "LESSOPEN" {
                    add("shell.escape.env_command", Escapes.spawnsShell(value) ? .critical : .high, score: Escapes.spawnsShell(value) ? nil : 75, .execution, "\(name) makes a program run an arbitrary command", evidence: evidence)
                }
            case "PATH":
                if value.hasPrefix(".:") || value.hasPrefix("/tmp") || value.hasPrefix("/dev/shm") {
                    add("shell.privilege.path_hijack", .medium, .privilegeEscalation, "Puts a writable directory first in PATH", evidence: evidence)
                }
            default:
                if Escapes.spawnsShell(value) {
                    add("shell.escape.env_command", .critical, .execution, "\(name) hands a shell to the program that reads it", evidence: evidence)
                }
            }
        }
    }
}
