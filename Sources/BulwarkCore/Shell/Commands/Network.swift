/// Downloads, uploads, raw sockets, tunnels and remote shells.
extension ShellAnalyzer {
    /// Records a host reached by ssh-style tools (`user@host`, `host:path`) for domain policies.
    mutating func touchHost(_ raw: String) {
        var host = Substring(raw)
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        if !host.isEmpty, touchedURLs.count < 64, let url = URLParser.parse(String(host)) { touchedURLs.append(url) }
    }

    mutating func judgeRequest(_ request: HTTPRequestFacet, inv: CommandInvocation) {
        if touchedURLs.count < 64 { touchedURLs.append(request.url) }
        // Fetching a known offensive tool's file is staging it: `…/download/…/linpeas.sh`,
        // `pspy64`, `chisel_1.9.1_linux_amd64.gz`. A bare name (`github.com/jpillora/chisel`) is
        // a project page, not the file.
        let urlPath = request.url.path
        let name = urlPath.lastIndex(of: "/").map { urlPath[urlPath.index(after: $0)...] } ?? urlPath[...]
        if let (base, isFile) = Self.toolFileName(name), isFile, let (category, what) = Self.offensiveTools[base] {
            add("shell.indicator.offensive_tool", .critical, category, "Downloads \(base), a known offensive tool that \(what)", evidence: inv.text)
        }
        for finding in HTTPRules.findings(for: request) {
            add(finding.rule, finding.severity, score: finding.score, finding.category ?? .network, finding.message, evidence: inv.text)
        }
    }

    /// The tool name in a release file name (lowercased, before the first `.` or `_`, without a
    /// trailing architecture number), and whether the name looks like a file rather than a page.
    static func toolFileName(_ name: Substring) -> (String, Bool)? {
        guard !name.isEmpty, name.utf8.count <= 96 else { return nil }
        let cut = name.firstIndex(where: { $0 == "." || $0 == "_" }) ?? name.endIndex
        var base = name[..<cut].lowercased()
        let hadSuffix = cut != name.endIndex
        var digits = false
        while let last = base.last, last.isNumber || last == "-" { base.removeLast(); digits = true }
        guard base.utf8.count >= 3 else { return nil }
        return (base, hadSuffix || digits)
    }

    /// Data carried in arguments (`-d "$(cat ~/.ssh/id_rsa)"`) or on stdin, leaving the machine.
    mutating func judgeEgress(_ labels: DataLabels, inv: CommandInvocation, destination: String) {
        if labels.contains(.shellSession) {
            add("shell.reverse_shell.pipe", .critical, .reverseShell, "Pipes a shell fed from an unseen source (a FIFO or socket) to \(destination): a reverse shell", evidence: inv.text)
        }
        if labels.contains(.secret) {
            add("shell.exfil.secret_to_network", .critical, .exfiltration, "Sends secret material (keys, credentials) to \(destination)", evidence: inv.text)
        } else if labels.contains(.environment) {
            add("shell.exfil.environment_to_network", .critical, .exfiltration, "Sends the process environment (tokens, keys) to \(destination)", evidence: inv.text)
        } else if labels.contains(.systemInfo) {
            add("shell.exfil.system_info", .medium, .exfiltration, "Sends system reconnaissance to \(destination)", evidence: inv.text)
        }
    }

    mutating func curl(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(
            inv.arguments,
            shortWithValue: ["d", "F", "T", "X", "H", "o", "u", "A", "e", "x", "K", "b", "c", "E", "m", "r", "w", "C", "U", "Y", "y", "z", "P", "Q"],
            longWithValue: ["data", "data-binary", "data-raw", "data-ascii", "data-urlencode", "form", "form-string", "upload-file", "request", "header", "output", "user", "user-agent", "referer", "proxy", "config", "cookie", "cookie-jar", "url", "json", "engine", "max-time", "connect-timeout", "retry", "write-out", "resolve", "cert", "key", "cacert", "output-dir", "interface", "unix-socket", "continue-at", "range"])
        var bodies = scan.allValues("d", "data", "data-binary", "data-raw", "data-ascii", "data-urlencode", "json")
        let forms = scan.allValues("F", "form")
        let uploads = scan.allValues("T", "upload-file")
        bodies += forms.map { f in f.split(separator: "=", maxSplits: 1).last.map(String.init) ?? f }
        var urls = scan.operands + scan.allValues("url")
        urls = urls.filter { !$0.isEmpty }
        var method = scan.value("X") ?? scan.value("request") ?? ((bodies.isEmpty && uploads.isEmpty) ? "GET" : "POST")
        if !uploads.isEmpty, scan.value("X") == nil { method = "PUT" }
        var bodyFile: String? = nil
        var readsStdin = false
        for b in bodies + uploads {
            var ref = b
            if ref.hasPrefix("@") { ref.removeFirst() } else if !uploads.contains(b) { continue }
            if ref == "-" || ref == "/dev/stdin" { readsStdin = true; continue }
            bodyFile = ref
        }
        var argLabels: DataLabels = []
        for (index, labels) in inv.argumentLabels where index > 0 { argLabels.formUnion(labels) }
        if let file = bodyFile { argLabels.formUnion(labelsForReading(normalizer.normalize(file))) }
        if let engine = scan.value("engine"), engine.contains(".so") || engine.contains("/") {
            add("shell.library_load", .high, score: 75, .execution, "Loads a shared library into curl (--engine)", evidence: inv.text)
        }
        let host = urls.first.flatMap { URLParser.parse($0)?.host } ?? "a remote host"
        for raw in urls.prefix(8) {
            guard let url = URLParser.parse(raw) else { continue }
            let request = HTTPRequestFacet(method: method, url: url, bodyFile: bodyFile.map { normalizer.normalize($0) }, hasBody: !(bodies.isEmpty && uploads.isEmpty))
            judgeRequest(request, inv: inv)
        }
        if !bodies.isEmpty || !uploads.isEmpty || !forms.isEmpty {
            judgeEgress(argLabels, inv: inv, destination: host)
        }
        if readsStdin {
            judgeEgress(inv.stdinLabels, inv: inv, destination: host)
        } else if inv.stdinIsPipe, !inv.stdinLabels.intersection(.sensitive).isEmpty {
            // curl only sends stdin with `-d @-`/`-T -`, but piping secrets into it shows the intent.
            add("shell.exfil.secret_piped_to_network", .high, score: 75, .exfiltration, "Pipes secrets or the environment into a network client (\(host))", evidence: inv.text)
        }
        let saves = scan.has("o") || scan.has("O") || scan.has(long: "output") || scan.has(long: "remote-name") || scan.has(long: "remote-name-all")
        if saves {
            if let out = scan.value("o") ?? scan.value("output") {
                if out == "-" { return DataFlow(labels: .network) }
                let path = normalizer.normalize(out)
                fileAccess(raw: out, path: path, mode: .write, evidence: inv.text)
                fileLabels[path, default: []].insert(.network)
            }
            for raw in urls where scan.has("O") || scan.has(long: "remote-name") {
                if let name = raw.split(separator: "/").last.map(String.init), !name.contains(":") {
                    fileLabels[normalizer.normalize(name), default: []].insert(.network)
                }
            }
            return DataFlow()
        }
        return DataFlow(labels: .network)
    }

    mutating func wget(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(
            inv.arguments, shortWithValue: ["O", "o", "P", "U", "e", "i", "t", "T", "a", "w", "Q", "l", "B"],
            longWithValue: ["output-document", "output-file", "directory-prefix", "user-agent", "post-data", "post-file", "body-data", "body-file", "method", "header", "input-file", "tries", "timeout", "execute"])
        let urls = scan.operands
        let postFile = scan.value("post-file") ?? scan.value("body-file")
        let postData = scan.value("post-data") ?? scan.value("body-data")
        let method = scan.value("method") ?? ((postFile != nil || postData != nil) ? "POST" : "GET")
        var labels: DataLabels = []
        for (index, l) in inv.argumentLabels where index > 0 { labels.formUnion(l) }
        if let postFile {
            if postFile == "/dev/stdin" || postFile == "-" { labels.formUnion(inv.stdinLabels) }
            else { labels.formUnion(labelsForReading(normalizer.normalize(postFile))) }
        }
        for raw in urls.prefix(8) {
            guard let url = URLParser.parse(raw) else { continue }
            judgeRequest(HTTPRequestFacet(method: method, url: url, bodyFile: postFile.map { normalizer.normalize($0) }, hasBody: postFile != nil || postData != nil), inv: inv)
        }
        let host = urls.first.flatMap { URLParser.parse($0)?.host } ?? "a remote host"
        if postFile != nil || postData != nil { judgeEgress(labels, inv: inv, destination: host) }
        if let out = scan.value("O") ?? scan.value("output-document") {
            if out == "-" || out == "/dev/stdout" { return DataFlow(labels: .network) }
            let path = normalizer.normalize(out)
            fileAccess(raw: out, path: path, mode: .write, evidence: inv.text)
            fileLabels[path, default: []].insert(.network)
            return DataFlow()
        }
        for raw in urls {
            if let name = raw.split(separator: "/").last.map(String.init), !name.contains(":") {
                fileLabels[normalizer.normalize(name), default: []].insert(.network)
            }
        }
        return DataFlow()
    }

    /// netcat and friends: `-e`/`-c` attach a shell (reverse or bind shell); `-l` listens.
    mutating func netcat(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["e", "c", "p", "s", "w", "i", "q", "x", "X", "o", "O"], longWithValue: ["exec", "sh-exec", "lua-exec", "source-port", "source", "wait", "proxy", "proxy-type", "output"])
        let listen = scan.has("l") || scan.has(long: "listen")
        let program = scan.value("e") ?? scan.value("c") ?? scan.value("exec") ?? scan.value("sh-exec") ?? scan.value("lua-exec")
        let hostArg = scan.operands.first(where: { !$0.allSatisfy(\.isNumber) })
        if let program {
            let shell = Self.shells.contains(commandName(program.split(separator: " ").first.map(String.init) ?? program))
            if listen {
                add("shell.reverse_shell.bind_shell", .critical, .reverseShell, "Listens on a port and hands a \(shell ? "shell" : "program") to whoever connects", evidence: inv.text)
            } else {
                add("shell.reverse_shell.netcat_exec", .critical, .reverseShell, "Connects out and hands a \(shell ? "shell" : "program") to the remote side", evidence: inv.text)
            }
            return DataFlow()
        }
        if listen {
            add("shell.network.listener", .medium, .network, "Opens a listening socket", evidence: inv.text)
            return DataFlow(labels: .network)
        }
        if let hostArg, let url = URLParser.parse(hostArg) {
            judgeRequest(HTTPRequestFacet(method: "CONNECT", url: url, bodyFile: nil, hasBody: inv.stdinIsPipe), inv: inv)
        }
        if scan.has("z") { add("shell.discovery.port_scan", .medium, .discovery, "Scans ports with netcat", evidence: inv.text); return DataFlow() }
        judgeEgress(inv.stdinLabels, inv: inv, destination: hostArg ?? "a remote host")
        if inv.stdinLabels.isEmpty, inv.stdinIsPipe || inv.stdinText != nil {
            add("shell.network.raw_socket", .low, .network, "Sends data over a raw TCP connection", evidence: inv.text)
        }
        return DataFlow(labels: .network)
    }

    mutating func socat(_ inv: CommandInvocation) -> DataFlow? {
        let addresses = inv.arguments.filter { !$0.hasPrefix("-") || $0 == "-" }
        let lower = addresses.map { $0.lowercased() }
        let executes = lower.contains { $0.hasPrefix("exec:") || $0.hasPrefix("system:") }
        let listens = lower.contains { $0.hasPrefix("tcp-listen") || $0.hasPrefix("tcp4-listen") || $0.hasPrefix("tcp6-listen") || $0.hasPrefix("udp-listen") || $0.hasPrefix("openssl-listen") }
        let connects = lower.contains { $0.hasPrefix("tcp:") || $0.hasPrefix("tcp4:") || $0.hasPrefix("tcp6:") || $0.hasPrefix("udp:") || $0.hasPrefix("openssl:") || $0.hasPrefix("tcp-connect") }
        if executes && listens {
            add("shell.reverse_shell.bind_shell", .critical, .reverseShell, "socat serves a program to whoever connects", evidence: inv.text)
        } else if executes && connects {
            add("shell.reverse_shell.socat_exec", .critical, .reverseShell, "socat connects out and hands a program to the remote side", evidence: inv.text)
        } else if executes {
            add("shell.escape.embedded_shell", .critical, .defenseEvasion, "socat runs a program on a pseudo-terminal (a shell escape)", evidence: inv.text)
        } else if listens {
            add("shell.network.listener", .medium, .network, "Opens a listening socket", evidence: inv.text)
        } else if connects {
            judgeEgress(inv.stdinLabels, inv: inv, destination: "a remote socket")
            if lower.contains(where: { $0 == "-" || $0.hasPrefix("stdio") || $0.hasPrefix("file:") || $0.hasPrefix("open:") }) {
                add("shell.network.raw_socket", .medium, .network, "socat relays data to a remote socket", evidence: inv.text)
            }
        }
        return DataFlow(labels: .network)
    }

    mutating func ssh(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(
            inv.arguments, shortWithValue: ["b", "c", "D", "E", "e", "F", "I", "i", "J", "L", "l", "m", "O", "o", "p", "Q", "R", "S", "W", "w"],
            stopAtFirstOperand: true)
        for option in scan.allValues("o") {
            let lower = option.lowercased()
            if lower.hasPrefix("proxycommand") || lower.hasPrefix("localcommand") || lower.hasPrefix("permitlocalcommand=yes") {
                if let eq = option.firstIndex(of: "=") ?? option.firstIndex(of: " ") {
                    let code = String(option[option.index(after: eq)...])
                    if !lower.hasPrefix("permitlocalcommand") {
                        add("shell.escape.ssh_command", .high, score: 75, .execution, "ssh runs a local command through \(option.prefix(while: { $0 != "=" && $0 != " " }))", evidence: inv.text)
                        _ = runScript(code, origin: .interpreterCode, inv: inv, privileged: inv.privileged, stdin: nil)
                    }
                }
            }
        }
        if !scan.allValues("R").isEmpty || !scan.allValues("D").isEmpty {
            add("shell.network.tunnel", .high, .network, "Opens an SSH tunnel (-R/-D) that exposes or proxies network access", evidence: inv.text)
        } else if !scan.allValues("L").isEmpty {
            add("shell.network.tunnel", .medium, .network, "Forwards a local port over SSH", evidence: inv.text)
        }
        let operands = scan.operands
        if let host = operands.first {
            touchHost(host)
            judgeEgress(inv.stdinLabels, inv: inv, destination: host)
            if operands.count > 1 {
                let remote = operands.dropFirst().joined(separator: " ")
                _ = runScript(remote, origin: .remote, inv: inv, privileged: inv.privileged, stdin: nil)
            }
        }
        return DataFlow(labels: .network)
    }

    /// `scp`/`rsync`/`sftp`: local files copied to a remote host.
    mutating func remoteCopy(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["P", "i", "o", "F", "S", "e", "c", "l", "J"], longWithValue: ["rsh", "rsync-path", "exclude", "include", "port", "password-file", "files-from"])
        if let rsh = scan.value("e") ?? scan.value("rsh"), inv.name == "rsync" {
            let lower = rsh.lowercased()
            if Self.shells.contains(commandName(String(lower.split(separator: " ").first ?? ""))) || lower.contains("sh -c") {
                add("shell.escape.rsync_rsh", .high, score: 75, .execution, "rsync -e runs an arbitrary local command", evidence: inv.text)
            }
        }
        let operands = scan.operands
        guard operands.count >= 2, let destination = operands.last else { return DataFlow() }
        let isRemote = { (s: String) -> Bool in
            if s.hasPrefix("/") || s.hasPrefix(".") || s.hasPrefix("~") { return false }
            return s.contains(":") || s.hasPrefix("rsync://")
        }
        for operand in operands where isRemote(operand) { touchHost(operand) }
        if isRemote(destination) {
            var labels: DataLabels = []
            for source in operands.dropLast() where !isRemote(source) {
                labels.formUnion(labelsForReading(normalizer.normalize(source)))
                let radius = blastRadius(normalizer.normalize(source), recursive: true)
                if radius >= .home { labels.insert(.secret) }
            }
            judgeEgress(labels, inv: inv, destination: String(destination.prefix(while: { $0 != ":" })))
        } else {
            fileAccess(raw: destination, path: normalizer.normalize(destination), mode: .write, evidence: inv.text)
        }
        if scan.has(long: "delete") || scan.long.contains(where: { $0.hasPrefix("delete-") }) || scan.has(long: "remove-source-files") {
            if let d = operands.last, !isRemote(d) { judgeDelete(d, recursive: true, inv: inv, dynamic: false) }
        }
        return DataFlow()
    }

    /// Tunnel and exposure tools: ngrok, cloudflared, localtunnel…
    mutating func tunnel(_ inv: CommandInvocation) -> DataFlow? {
        if inv.name == "cloudflared", !inv.arguments.contains("tunnel") { return DataFlow() }
        add("shell.network.tunnel", .high, score: 75, .exfiltration, "Exposes a local service to the internet through \(inv.name)", evidence: inv.text)
        return DataFlow()
    }

    mutating func telnet(_ inv: CommandInvocation) -> DataFlow? {
        judgeEgress(inv.stdinLabels, inv: inv, destination: inv.arguments.first ?? "a remote host")
        return DataFlow(labels: .network)
    }

    mutating func mailer(_ inv: CommandInvocation) -> DataFlow? {
        var labels = inv.stdinLabels
        let scan = OptionScan(inv.arguments, shortWithValue: ["s", "a", "A", "c", "b", "r", "f", "q", "S"], longWithValue: ["subject", "attach"])
        for attachment in scan.allValues("a", "A", "attach") { labels.formUnion(labelsForReading(normalizer.normalize(attachment))) }
        judgeEgress(labels, inv: inv, destination: scan.operands.first ?? "an e-mail recipient")
        return DataFlow()
    }

    /// Cloud CLIs copying local data out (`aws s3 cp`, `gsutil cp`, `rclone copy`, `az storage blob upload`).
    mutating func cloudCopy(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        let remote = args.contains { $0.hasPrefix("s3://") || $0.hasPrefix("gs://") || $0.contains("blob.core.windows.net") || ($0.contains(":") && inv.name == "rclone" && !$0.hasPrefix("/")) }
        guard remote else {
            if inv.name == "aws", args.contains("get-secret-value") || args.contains("get-parameter") && args.contains("--with-decryption") || args.contains("get-session-token") {
                return DataFlow(labels: .secret)
            }
            return DataFlow()
        }
        var labels: DataLabels = []
        for a in args where a.hasPrefix("/") || a.hasPrefix("~") || a.hasPrefix(".") {
            labels.formUnion(labelsForReading(normalizer.normalize(a)))
            if blastRadius(normalizer.normalize(a), recursive: true) >= .home { labels.insert(.secret) }
        }
        if args.contains("-") { labels.formUnion(inv.stdinLabels) }
        judgeEgress(labels, inv: inv, destination: "cloud storage")
        return DataFlow()
    }

    mutating func scanner(_ inv: CommandInvocation) -> DataFlow? {
        add("shell.discovery.network_scan", .high, .discovery, "Scans the network with \(inv.name)", evidence: inv.text)
        return DataFlow(labels: .systemInfo)
    }

    mutating func sniffer(_ inv: CommandInvocation) -> DataFlow? {
        if inv.arguments.isEmpty || inv.arguments.contains("-D") || inv.arguments.contains("--list-interfaces") || inv.arguments == ["-h"] || inv.arguments == ["--help"] || inv.arguments == ["--version"] {
            return DataFlow()
        }
        add("shell.credential.packet_capture", .high, score: 75, .credentialAccess, "Captures network traffic (\(inv.name)), which can expose credentials", evidence: inv.text)
        return DataFlow(labels: .secret)
    }
}
