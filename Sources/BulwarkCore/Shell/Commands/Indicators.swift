/// Threat-intelligence style indicators: well-known offensive tools, execution from temporary
/// directories, anti-analysis checks, and tampering with the kernel or the clock.
extension ShellAnalyzer {
    /// Offensive tools recognized by program or script name (lower case, without extension).
    static let offensiveTools: [String: (ImpactCategory, String)] = [
        "mimipenguin": (.credentialAccess, "dumps login passwords from memory"), "lazagne": (.credentialAccess, "recovers stored passwords"),
        "mimikatz": (.credentialAccess, "dumps credentials"), "secretsdump": (.credentialAccess, "dumps password hashes"),
        "psexec": (.execution, "executes commands on remote hosts"), "wmiexec": (.execution, "executes commands on remote hosts"),
        "smbexec": (.execution, "executes commands on remote hosts"), "atexec": (.execution, "executes commands on remote hosts"),
        "linpeas": (.discovery, "enumerates privilege-escalation paths"), "linenum": (.discovery, "enumerates privilege-escalation paths"),
        "linux-exploit-suggester": (.privilegeEscalation, "suggests kernel exploits"), "les": (.privilegeEscalation, "suggests kernel exploits"),
        "autosuid": (.privilegeEscalation, "abuses set-uid binaries"), "pspy": (.discovery, "snoops on other users' processes"),
        "msfconsole": (.execution, "runs the Metasploit framework"), "msfvenom": (.execution, "builds Metasploit payloads"),
        "sliver-client": (.execution, "controls a C2 framework"), "responder": (.credentialAccess, "poisons name resolution to capture hashes"),
        "bloodhound": (.discovery, "maps Active Directory attack paths"), "sharphound": (.discovery, "maps Active Directory attack paths"),
        "kerbrute": (.credentialAccess, "brute-forces Kerberos"), "evil-winrm": (.execution, "opens remote shells"),
        "chisel": (.network, "tunnels traffic out of the network"), "ligolo": (.network, "tunnels traffic out of the network"),
        "stratus": (.defenseEvasion, "detonates cloud attack techniques"), "nishang": (.execution, "runs offensive PowerShell"),
        "powersploit": (.execution, "runs offensive PowerShell"), "pwncat": (.reverseShell, "handles reverse shells"),
        "xmrig": (.resourceExhaustion, "mines cryptocurrency"), "cpuminer": (.resourceExhaustion, "mines cryptocurrency"),
        "minerd": (.resourceExhaustion, "mines cryptocurrency"), "cgminer": (.resourceExhaustion, "mines cryptocurrency"),
        "bfgminer": (.resourceExhaustion, "mines cryptocurrency"), "ethminer": (.resourceExhaustion, "mines cryptocurrency"),
        "t-rex": (.resourceExhaustion, "mines cryptocurrency"), "nbminer": (.resourceExhaustion, "mines cryptocurrency"),
        "lolminer": (.resourceExhaustion, "mines cryptocurrency"), "phoenixminer": (.resourceExhaustion, "mines cryptocurrency"),
    ]

    /// Judges a program or script by its name against the offensive-tool list.
    mutating func checkOffensiveTool(_ inv: CommandInvocation) {
        if inv.traits.contains(.offensiveTool), let (category, what) = Self.offensiveTools[inv.name] {
            add("shell.indicator.offensive_tool", .critical, category, "Runs \(inv.name), a known offensive tool that \(what)", evidence: inv.text)
            return
        }
        guard inv.name.utf8.contains(UInt8(ascii: ".")) || !inv.traits.isDisjoint(with: [.interpreter, .shell]) else { return }
        var candidates = [inv.name]
        if !inv.traits.isDisjoint(with: [.interpreter, .shell]), let script = inv.arguments.first(where: { !$0.hasPrefix("-") }) {
            candidates.append(commandName(script))
        }
        if inv.name.hasPrefix("."), inv.arguments.first.map({ Self.offensiveTools[$0.lowercased()] != nil }) == true {
            candidates.append(inv.arguments.first!.lowercased())
        }
        for candidate in candidates {
            var base = candidate.lowercased()
            for ext in [".py", ".sh", ".pl", ".rb", ".exe", ".ps1"] where base.hasSuffix(ext) { base.removeLast(ext.count) }
            if let (category, what) = Self.offensiveTools[base] {
                add("shell.indicator.offensive_tool", .critical, category, "Runs \(base), a known offensive tool that \(what)", evidence: inv.text)
                return
            }
        }
    }

    /// Running programs out of temporary directories, especially as root, is how droppers work.
    mutating func checkTempExecution(_ inv: CommandInvocation) {
        let program = inv.argv[0]
        guard program.contains("/") else { return }
        let path = normalizer.normalize(program)
        checkMasquerade(path, inv: inv)
        let klass = pathClass(path)
        if klass == .temp {
            if inv.privileged {
                add("shell.execution.temp_binary_as_root", .high, score: 80, .privilegeEscalation, "Runs a program from a temporary directory as root", evidence: inv.text)
            } else {
                add("shell.execution.temp_binary", .medium, .execution, "Runs a program from a temporary directory", evidence: inv.text)
            }
        } else if inv.privileged, !path.hasPrefix("/usr/") && !path.hasPrefix("/bin/") && !path.hasPrefix("/sbin/") && !path.hasPrefix("/opt/") && !path.hasPrefix("/System/") {
            add("shell.execution.untrusted_binary_as_root", .high, score: 75, .privilegeEscalation, "Runs a program from outside the system directories as root", evidence: inv.text)
        }
    }

    /// Document and media types: a file so named is opened by a viewer, never run.
    static let documentTypes: Set<Substring> = [
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "rtf", "png", "jpg", "jpeg", "gif", "bmp",
        "tif", "tiff", "webp", "heic", "ico", "mp3", "mp4", "m4a", "mov", "avi", "mkv", "wav",
    ]
    /// Types that run when opened or executed.
    static let executableTypes: Set<Substring> = [
        "sh", "bash", "zsh", "command", "tool", "py", "pl", "rb", "js", "exe", "scr", "bat", "cmd", "vbs", "ps1", "app", "bin", "run", "elf",
    ]

    /// Running a file whose name claims a document type: `sh /tmp/image.png` or
    /// `./invoice.pdf.sh` (a double extension shows only `.pdf` where names are cut short).
    /// Files are named for what they are; a runnable "image" is in disguise.
    mutating func checkMasquerade(_ path: String, inv: CommandInvocation) {
        let name = path.split(separator: "/").last ?? Substring(path)
        guard name.utf8.contains(UInt8(ascii: ".")) else { return }
        let parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, !parts[0].isEmpty || parts.count >= 3 else { return }
        let last = parts[parts.count - 1]
        let disguised = Self.documentTypes.contains(last)
            || parts.count >= 3 && Self.executableTypes.contains(last) && Self.documentTypes.contains(parts[parts.count - 2])
        guard disguised else { return }
        add("shell.evasion.masquerade_file_type", .high, score: 75, .defenseEvasion, "Runs \(name), a program named as a document or image", evidence: inv.text)
    }

    mutating func kernelControl(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        switch inv.name {
        case "sysctl":
            guard args.contains("-w") || args.contains(where: { $0.contains("=") }) else { return DataFlow(labels: .systemInfo) }
            if args.contains(where: { $0.contains("randomize_va_space") || $0.contains("kptr_restrict") || $0.contains("dmesg_restrict") || $0.contains("yama") || $0.contains("modules_disabled") }) {
                add("shell.evasion.kernel_hardening", .critical, .defenseEvasion, "Turns off a kernel hardening setting", evidence: inv.text)
            } else {
                add("shell.system.sysctl_write", .medium, .defenseEvasion, "Changes kernel parameters", evidence: inv.text)
            }
        case "mount":
            if args.contains(where: { $0 == "-B" || $0 == "--bind" || $0 == "-o" }) && args.contains(where: { $0.hasPrefix("/proc/") }) {
                add("shell.evasion.hide_process", .critical, .defenseEvasion, "Bind-mounts over /proc to hide a process", evidence: inv.text)
            }
        case "date":
            if args.contains(where: { $0 == "-s" || $0.hasPrefix("--set") }) || args.contains(where: { $0.count >= 8 && $0.allSatisfy({ $0.isNumber || $0 == "." }) }) {
                add("shell.evasion.set_clock", .high, score: 75, .defenseEvasion, "Changes the system clock", evidence: inv.text)
            }
            return DataFlow()
        case "timedatectl":
            if args.contains("set-time") || args.contains("set-ntp") && args.contains("false") {
                add("shell.evasion.set_clock", .high, score: 75, .defenseEvasion, "Changes the system clock", evidence: inv.text)
            }
        default:
            break
        }
        return DataFlow()
    }

    /// macOS controls: login hooks, backups, logs, trust settings, remote management.
    mutating func macosControl(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        let joined = args.joined(separator: " ")
        switch inv.name {
        case "defaults":
            if args.first == "write", joined.contains("LoginHook") || joined.contains("LogoutHook") {
                add("shell.persistence.login_hook", .high, score: 75, .persistence, "Installs a macOS login/logout hook", evidence: inv.text)
            }
        case "tmutil":
            if args.contains(where: { ["disable", "delete", "deletelocalsnapshots", "thinlocalsnapshots"].contains($0.lowercased()) }) {
                add("shell.impact.inhibit_recovery", .high, score: 75, .destructiveFS, "Disables or deletes Time Machine backups", evidence: inv.text)
            }
        case "log":
            if args.first == "erase" { add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Erases the unified system log", evidence: inv.text) }
            if args.first == "config", joined.contains("off") { add("shell.evasion.disable_logging", .high, score: 75, .defenseEvasion, "Turns system logging off", evidence: inv.text) }
        case "kickstart":
            if args.contains("-activate") { add("shell.persistence.remote_access", .high, score: 75, .persistence, "Enables Apple Remote Desktop access", evidence: inv.text) }
        case "dsenableroot":
            add("shell.privilege.enable_root", .critical, .privilegeEscalation, "Enables the root account", evidence: inv.text)
        case "dseditgroup":
            if joined.contains("admin") && (args.contains("-a") || joined.contains("edit")) {
                add("shell.privilege.admin_group", .critical, .privilegeEscalation, "Adds a user to the admin group", evidence: inv.text)
            }
        case "networksetup":
            if args.contains(where: { $0.lowercased().contains("proxy") && $0.hasPrefix("-set") }) {
                add("shell.network.proxy_change", .high, score: 75, .network, "Routes the system's web traffic through a proxy", evidence: inv.text)
            }
        case "mdatp":
            if joined.contains("disabled") || joined.contains("--value false") {
                add("shell.evasion.disable_security_tool", .critical, .defenseEvasion, "Disables Microsoft Defender protection", evidence: inv.text)
            }
        case "update-ca-certificates", "trust":
            if inv.name == "trust", !args.contains("anchor") { return DataFlow() }
            add("shell.evasion.trust_certificate", .high, score: 75, .defenseEvasion, "Adds a certificate to the system trust store", evidence: inv.text)
        case "code":
            if args.first == "tunnel" { return tunnel(inv) }
        default:
            break
        }
        return DataFlow()
    }

    /// `trap 'cmd' DEBUG` records every command; any trap's command runs later.
    mutating func trap(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        guard let code = args.first, args.count >= 2 else { return DataFlow() }
        let signals = args.dropFirst().map { $0.uppercased() }
        if signals.contains("DEBUG") && (code.contains("BASH_COMMAND") || code.contains(">>")) {
            add("shell.credential.command_logger", .high, score: 75, .credentialAccess, "Records every command typed in the shell (DEBUG trap)", evidence: inv.text)
        }
        _ = runScript(code, origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: nil)
        return DataFlow()
    }

    /// `grep -r password /`: hunting secrets across the system or the home directory.
    mutating func grepSecrets(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["e", "f", "m", "A", "B", "C", "d", "D"], longWithValue: ["regexp", "file", "max-count", "include", "exclude"])
        var patterns = scan.allValues("e", "regexp")
        var operands = scan.operands
        if patterns.isEmpty, !operands.isEmpty { patterns.append(operands.removeFirst()) }
        let recursive = scan.has("r") || scan.has("R") || scan.has(long: "recursive")
        let lowered = patterns.joined(separator: " ").lowercased()
        let secretWords = ["password", "passwd", "pass", "secret", "api_key", "apikey", "token", "private key", "aws_secret", "credential", "-p "]
        let huntsSecrets = secretWords.contains { lowered.contains($0) }
        var labels = inv.stdinLabels
        let sensitiveDirectory = cwdIsSensitive
        for file in operands {
            let path = normalizer.normalize(file)
            labels.formUnion(labelsForReading(path))
            // grep prints (or, with -q/-l/-c, reveals) what the file holds: a read, as for cat.
            if Self.looksLikePath(file) || sensitiveDirectory || Self.mayBeSensitiveName(file) {
                fileAccess(raw: file, path: path, mode: .read, evidence: inv.text)
            }
        }
        if huntsSecrets {
            let broad = recursive && operands.contains { o in
                blastRadius(normalizer.normalize(o), recursive: true) >= .home
            }
            if broad {
                add("shell.credential.search", .high, score: 75, .credentialAccess, "Searches the system or home directory for passwords and keys", evidence: inv.text)
            } else if labels.contains(.secret) {
                add("shell.credential.search", .high, score: 75, .credentialAccess, "Extracts passwords from history or credential files", evidence: inv.text)
            }
        }
        let vmWords = ["virtualbox", "vmware", "qemu", "parallels", "hypervisor", "hv_vendor", "xen", "kvm", "vbox"]
        if vmWords.contains(where: { lowered.contains($0) }) {
            add("shell.evasion.sandbox_detection", labels.contains(.systemInfo) ? .high : .medium, score: labels.contains(.systemInfo) ? 75 : nil, .defenseEvasion, "Checks whether it runs inside a virtual machine or sandbox", evidence: inv.text)
        }
        return DataFlow(labels: labels)
    }
}
