/// Interpreter one-liners: judged by the operations their code performs.
extension ShellAnalyzer {
    /// Interpreter name → the options that carry inline code.
    static let interpreters: [String: Set<String>] = [
        "python": ["-c"], "python2": ["-c"], "python3": ["-c"], "pypy": ["-c"], "pypy3": ["-c"],
        "perl": ["-e", "-E"], "ruby": ["-e"], "irb": [], "node": ["-e", "--eval", "-p", "--print"], "nodejs": ["-e", "--eval", "-p", "--print"],
        "deno": ["eval"], "bun": ["-e", "--eval"], "php": ["-r"], "lua": ["-e"], "luajit": ["-e"], "rscript": ["-e"], "r": ["-e"],
        "julia": ["-e", "--eval"], "osascript": ["-e"], "tclsh": [], "wish": [], "jshell": [], "expect": ["-c"], "jrunscript": ["-e"],
        "awk": [], "gawk": [], "mawk": [], "nawk": [], "busybox-awk": [], "pwsh": ["-c", "-command"], "powershell": ["-c", "-command"],
    ]

    mutating func interpreter(_ inv: CommandInvocation) -> DataFlow? {
        guard inv.traits.contains(.interpreter), let codeOptions = Self.interpreters[inv.name] else { return nil }
        let args = Array(inv.arguments)
        var codes: [String] = []
        var codeLabels: DataLabels = []
        var modules: [String] = []
        var k = 0
        var scriptOperand: String? = nil
        var scriptIndex = 0
        let isAwk = inv.name.hasSuffix("awk")
        while k < args.count {
            let a = args[k]
            let lower = a.lowercased()
            if codeOptions.contains(lower), k + 1 < args.count {
                codes.append(args[k + 1]); codeLabels.formUnion(inv.argumentLabels[k + 2] ?? []); k += 2; continue
            }
            if let opt = codeOptions.first(where: { $0.count == 2 && lower.hasPrefix($0) && lower.count > 2 && !lower.hasPrefix("--") }), inv.name != "awk" {
                codes.append(String(a.dropFirst(opt.count))); codeLabels.formUnion(inv.argumentLabels[k + 1] ?? []); k += 1; continue
            }
            if lower == "-encodedcommand" || lower == "-enc" || lower == "-e" && inv.name.hasPrefix("pow") {
                add("shell.obfuscation.encoded_command", .critical, .defenseEvasion, "Runs an encoded PowerShell command", evidence: inv.text)
                k += 2; continue
            }
            if a == "-m", k + 1 < args.count { modules.append(args[k + 1]); k += 2; continue }
            if a.hasPrefix("-M") || (a.hasPrefix("-r") && inv.name == "ruby") { modules.append(String(a.dropFirst(2))); k += 1; continue }
            if isAwk, a == "-v" || a == "-F" || a == "-f" { if a == "-f" { scriptOperand = k + 1 < args.count ? args[k + 1] : nil }; k += 2; continue }
            if a.hasPrefix("-") { k += 1; continue }
            if isAwk, codes.isEmpty, scriptOperand == nil { codes.append(a); codeLabels.formUnion(inv.argumentLabels[k + 1] ?? []); k += 1; continue }
            if scriptOperand == nil, !isAwk { scriptOperand = a; scriptIndex = k + 1 }
            break
        }
        if let scriptOperand, !isAwk, scriptOperand != "-" { checkMasquerade(normalizer.normalize(scriptOperand), inv: inv) }
        for module in modules {
            let m = module.lowercased()
            if m == "http.server" || m == "simplehttpserver" || m == "uploadserver" {
                add("shell.network.file_server", .medium, .exfiltration, "Serves the current directory over HTTP", evidence: inv.text)
            } else if m == "pty" {
                add("shell.escape.spawn_shell", .high, .execution, "Spawns a pseudo-terminal shell through python -m pty", evidence: inv.text)
            } else if m == "smtpd" || m == "pyftpdlib" {
                add("shell.network.listener", .medium, .network, "Starts a network server module", evidence: inv.text)
            }
        }
        if codes.isEmpty {
            if scriptOperand == nil || scriptOperand == "-" {
                if inv.stdinIsPipe || inv.stdinText != nil {
                    judgeCodeLabels(inv.stdinLabels, inv: inv)
                    if let text = inv.stdinText { judgeCode(text, inv: inv, extraModules: modules) }
                }
            } else if let scriptOperand, !isAwk {
                // `python3 <(curl …)`: the program file is a download; one written earlier
                // (or a process substitution's known output) is judged by its text.
                judgeCodeLabels(inv.argumentLabels[scriptIndex] ?? [], inv: inv)
                let path = normalizer.normalize(scriptOperand)
                if let text = writtenTexts[path], text != Self.unknownText, codeJudgements < 32 {
                    judgeCode(text, inv: inv, extraModules: modules)
                }
            }
            return DataFlow(labels: inv.stdinLabels)
        }
        var output = DataFlow(labels: inv.stdinLabels)
        // Several `-e` options are the lines of one program (`perl -e 'a;' -e 'b'`).
        judgeCodeLabels(codeLabels, inv: inv)
        let flow = judgeCode(codes.count == 1 ? codes[0] : codes.joined(separator: "\n"), inv: inv, extraModules: modules)
        output.labels.formUnion(flow.labels)
        return output
    }

    static let execCallees: Set<String> = [
        "system", "popen", "passthru", "shell_exec", "proc_open", "pcntl_exec", "execsync", "execfilesync", "spawnsync", "execfile",
        "check_output", "check_call", "getoutput", "getstatusoutput", "execute", "spawn", "exec", "execl", "execlp", "execle", "execv",
        "execvp", "execve", "execvpe", "capture2", "capture3", "capture2e", "popen3", "popen2", "`", "qx", "run", "call", "spawnl", "spawnv",
        "spawnlp", "spawnvp", "system2", "shell",
    ]
    static let execPrefixes: Set<String> = [
        "os", "subprocess", "pty", "commands", "child_process", "cp", "kernel", "io", "open3", "runtime", "posix", "process", "sh", "proc",
        "require", "shelljs", "ipc", "bun", "deno", "java.lang.runtime",
    ]

    /// Strings that name modules or variables inside a call, not paths (`require("os")`, `ENV["HOME"]`).
    static let moduleNames: Set<String> = ["os", "fs", "path", "fileutils", "shutil", "pathlib", "home", "userprofile", "fs/promises", "node:os", "node:fs"]

    static let socketMarkers: [StaticString] = ["socket", "fsockopen", "net.connect", "createconnection", "/inet/tcp", "/inet/udp", "/dev/tcp", "stream_socket_client", "ztcp"]
    static let listenerMarkers: [StaticString] = ["bind(", ".bind", "listen(", "accept(", "tcpserver", "createserver", "/inet/tcp/1", "localport"]
    static let shellMarkers: [StaticString] = ["dup2", "pty.spawn", "subprocess", "/bin/sh", "/bin/bash", "popen", "child_process", "exec", "system", "spawn", "getline", "eval", "run(", "processbuilder"]

    /// Judges inline code by its calls: process execution, sockets, privilege, libraries, files, downloads.
    @discardableResult
    mutating func judgeCode(_ code: String, inv: CommandInvocation, extraModules: [String] = []) -> DataFlow {
        codeJudgements += 1
        let scan = CodeScan(code)
        if scan.truncated {
            add("shell.too_complex", .critical, .malformed, "\(inv.name) code makes more than \(CodeScan.maxCalls) calls; it cannot be judged and is refused", evidence: inv.text)
        }
        let lowerCode = ByteText(lowercasing: code)
        var executes = false
        var downloads = false
        var decodes = false
        var flow = DataFlow()
        let hasSocket = lowerCode.containsAny(Self.socketMarkers) || extraModules.contains { $0.lowercased().contains("socket") }
        if hasSocket {
            if lowerCode.containsAny(Self.shellMarkers) {
                let hasListener = lowerCode.containsAny(Self.listenerMarkers) || lowerCode.contains("/inet/tcp/") && lowerCode.contains("/0/0")
                add(hasListener ? "shell.reverse_shell.bind_shell" : "shell.reverse_shell.interpreter", .critical, .reverseShell,
                    "\(inv.name) code wires a network socket to command execution (\(hasListener ? "bind" : "reverse") shell)", evidence: inv.text)
            } else {
                add("shell.network.raw_socket", .medium, .network, "\(inv.name) code opens a network socket", evidence: inv.text)
            }
        }
        for string in scan.strings where string.count < 2048 {
            if let url = URLParser.parse(string), url.scheme.hasPrefix("http") || url.scheme.hasPrefix("ftp") {
                judgeRequest(HTTPRequestFacet(method: "GET", url: url, bodyFile: nil, hasBody: false), inv: inv)
            }
        }
        for call in scan.calls {
            let parts = call.callee.lowercased().split(whereSeparator: { $0 == "." || $0 == ":" || $0 == ">" || $0 == "-" })
            guard let last = parts.last.map(String.init) else { continue }
            let prefix = parts.count > 1 ? String(parts[parts.count - 2]) : ""
            let first = parts.first.map(String.init) ?? ""
            // Process execution.
            let isExec = Self.execCallees.contains(last) && (
                parts.count == 1 && !["run", "call", "execute", "shell", "spawn", "exec"].contains(last)
                    || Self.execPrefixes.contains(prefix) || Self.execPrefixes.contains(first)
                    || (last == "exec" || last == "spawn") && (parts.count == 1 && (inv.name == "perl" || inv.name == "ruby" || inv.name == "tclsh" || lowerCode.contains("child_process") || call.strings.first?.hasPrefix("/") == true))
                    || last == "run" && inv.name == "julia"
                    || last == "execute" && prefix == "os")
            if isExec {
                executes = true
                if call.strings.isEmpty {
                    if call.hasNonLiteralArguments {
                        add("shell.interpreter.dynamic_exec", .medium, .execution, "\(inv.name) code runs a command built at run time (\(call.callee))", evidence: inv.text)
                    }
                    continue
                }
                var argv = call.strings
                if last.hasPrefix("execl") || last.hasPrefix("execv") || last.hasPrefix("spawnl") || last.hasPrefix("spawnv") || last == "pcntl_exec" {
                    if last == "pcntl_exec" { argv = [argv[0]] + argv.dropFirst() } else if argv.count >= 2 { argv = [argv[0]] + argv.dropFirst(2) }
                }
                var command = argv.count == 1 || argv[0].contains(" ") ? argv[0] : argv.map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
                // `system("rm", "-rf", Dir.home)`, `os.system("rm -rf " + os.path.expanduser("~"))`.
                if call.mentionsHome, !command.contains("~") { command += " ~" }
                let f = runScript(command, origin: .interpreterCode, inv: inv, privileged: inv.privileged, stdin: nil)
                flow.labels.formUnion(f.labels)
                continue
            }
            switch last {
            case "setuid", "setgid", "setreuid", "setresuid", "seteuid", "posix_setuid", "setregid", "setresgid":
                if call.hasNonLiteralArguments == false || code.contains("(0") || code.contains("setuid 0") {
                    add("shell.privilege.setuid_call", .high, score: 75, .privilegeEscalation, "\(inv.name) code switches to uid/gid 0", evidence: inv.text)
                }
            case "loadlibrary", "cdll", "dlopen", "load", "require_relative":
                if call.strings.contains(where: Escapes.namesSharedLibrary) || ["loadlibrary", "dlopen", "cdll"].contains(last) {
                    add("shell.library_load", .high, score: 75, .execution, "\(inv.name) code loads a shared library", evidence: inv.text)
                }
            case "rmtree", "rm_rf", "rm_r", "rmsync", "rmdirsync", "remove", "unlink", "unlinksync", "rmdir", "remove_dir_all", "delete":
                let recursive = ["rmtree", "rm_rf", "rm_r", "rmsync", "remove_dir_all"].contains(last)
                for path in call.strings { judgeDelete(path, recursive: recursive, inv: inv, dynamic: false) }
                // `rmSync(os.homedir(), …)`, `FileUtils.rm_rf(Dir.home)`: the home directory itself
                // (module names aside, no literal names a path below it).
                if call.mentionsHome || call.strings.contains("HOME"), call.strings.allSatisfy({ Self.moduleNames.contains($0.lowercased()) }) {
                    judgeDelete("~", recursive: recursive, inv: inv, dynamic: false)
                }
            case "open", "readfile", "readfilesync", "read", "file_get_contents", "fopen", "read_text", "readlines", "binread", "slurp":
                for path in call.strings where path.hasPrefix("/") || path.hasPrefix("~") {
                    let normalized = normalizer.normalize(path)
                    flow.labels.formUnion(labelsForReading(normalized))
                    fileAccess(raw: path, path: normalized, mode: .read, evidence: inv.text)
                }
                if last == "file_get_contents", call.strings.contains(where: { $0.hasPrefix("http") }) { downloads = true }
            case "urlopen", "urlretrieve", "get", "post", "getstore", "getprint", "fetch", "curl_exec", "request", "urlopen2":
                if ["requests", "urllib", "request", "http", "https", "lwp", "simple", "net", "httparty", "axios", "urllib2", "httpx"].contains(prefix) || ["urlopen", "urlretrieve", "getstore", "getprint", "fetch", "curl_exec"].contains(last) {
                    downloads = true
                }
            case "b64decode", "base64_decode", "decode64", "atob", "decodebytes", "a85decode", "b32decode", "unhexlify", "fromhex", "decode_base64":
                decodes = true
            case "eval", "exec", "compile", "instance_eval", "create_function", "assert":
                if call.strings.contains(where: { !$0.isEmpty }) {
                    // Nested `eval("eval(…)")`: four levels and 32 programs per command line at most.
                    guard codeDepth < 4, codeJudgements < 32 else { truncated = true; continue }
                    codeDepth += 1
                    for s in call.strings where s.count > 8 { judgeCode(s, inv: inv) }
                    codeDepth -= 1
                }
            default:
                break
            }
        }
        if inv.name == "osascript" {
            // AppleScript `do shell script "…" [with administrator privileges]`, Finder deletions.
            let script = AppleScript(code)
            for (text, admin) in script.shellScripts {
                executes = true
                let f = runScript(text, origin: .interpreterCode, inv: inv, privileged: inv.privileged || admin, stdin: nil)
                flow.labels.formUnion(f.labels)
            }
            for path in script.deletedPaths {
                _ = runArgv(["rm", "-f", path], environment: [], origin: .interpreterCode, inv: inv, privileged: inv.privileged)
            }
            for path in script.readPaths {
                flow.labels.formUnion(runArgv(["cat", path], environment: [], origin: .interpreterCode, inv: inv, privileged: inv.privileged).labels)
            }
            let lower = code.lowercased()
            if lower.contains("display dialog"), lower.contains("hidden answer") || lower.contains("password") || lower.contains("passphrase") {
                add("shell.credential.fake_prompt", .high, score: 75, .credentialAccess, "Shows a fake dialog asking for the user's password", evidence: inv.text)
            }
        }
        if inv.name.hasSuffix("awk") {
            for command in scan.pipedStrings where !command.isEmpty {
                executes = true
                _ = runScript(command, origin: .interpreterCode, inv: inv, privileged: inv.privileged, stdin: nil)
            }
        }
        let evals = scan.calls.contains { c in
            let l = c.callee.lowercased()
            return l == "eval" || l == "exec" || l.hasSuffix(".eval") || l == "function" || l == "instance_eval" || l == "load"
        }
        if downloads && (evals || executes) {
            add("shell.rce.download_to_shell", .critical, .remoteCodeExecution, "\(inv.name) code downloads and runs code", evidence: inv.text)
        }
        if decodes && (evals || executes) {
            add("shell.obfuscation.decoded_to_shell", .critical, .defenseEvasion, "\(inv.name) code decodes and runs a hidden payload", evidence: inv.text)
        }
        if downloads { flow.labels.insert(.network) }
        if lowerCode.containsAny(["os.environ", "process.env", "%env", "getenv"]) {
            flow.labels.insert(.environment)
        }
        if hasSocket && !flow.labels.intersection(.sensitive).isEmpty {
            judgeEgress(flow.labels, inv: inv, destination: "a socket")
        }
        return flow
    }
}
