/// Accounts, services, scheduling, kernel modules, security tooling, logs and process control.
extension ShellAnalyzer {
    static let securityServices: [String] = [
        "auditd", "audit", "apparmor", "selinux", "firewalld", "ufw", "iptables", "nftables", "falcon", "crowdstrike", "cbdaemon",
        "carbonblack", "cb-psc", "sentinel", "sophos", "clamav", "clamd", "freshclam", "osquery", "wazuh", "ossec", "syslog", "rsyslog",
        "syslog-ng", "journald", "systemd-journald", "fail2ban", "aide", "tripwire", "xagt", "elastic-agent", "filebeat", "auditbeat",
        "sysmon", "defender", "mdatp", "tanium", "cylance", "cortex", "traps", "qualys", "nessus", "splunk", "td-agent", "fluentd",
        "snort", "suricata", "zeek", "endpoint", "mcafee", "symantec", "eset", "kaspersky", "ds_agent", "gatekeeper", "littlesnitch",
        "opendns", "lulu", "blockblock", "santa", "jamf", "sysdig", "falco", "tetragon", "pf",
    ]

    func mentionsSecurityService(_ args: ArraySlice<String>) -> String? {
        for a in args {
            let lower = a.lowercased()
            if let s = Self.securityServices.first(where: { lower == $0 || lower.hasPrefix($0 + ".") || lower.hasPrefix($0 + "-") || lower.hasPrefix($0 + "d") || lower.contains($0) && $0.count >= 6 }) {
                return s
            }
        }
        return nil
    }

    mutating func serviceControl(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        let lowered = args.map { $0.lowercased() }
        let stopping = lowered.contains { ["stop", "disable", "mask", "kill", "unload", "bootout", "off"].contains($0) }
        if stopping, let service = mentionsSecurityService(args) {
            add("shell.evasion.disable_security_tool", .critical, .defenseEvasion, "Stops or disables a security or logging service (\(service))", evidence: inv.text)
        } else if stopping, inv.privileged || inv.name == "systemctl" && !lowered.contains("--user") {
            add("shell.system.service_stop", .medium, .defenseEvasion, "Stops or disables a system service", evidence: inv.text)
        }
        if lowered.contains(where: { ["start", "enable", "restart"].contains($0) }), lowered.contains(where: { $0 == "tor" || $0 == "tor.service" || $0 == "i2p" }) {
            add("shell.network.anonymizer", .high, score: 75, .network, "Starts an anonymizing network service", evidence: inv.text)
        }
        if inv.name == "systemctl" {
            if lowered.contains(where: { ["reboot", "poweroff", "halt", "kexec", "rescue", "emergency"].contains($0) }) {
                add("shell.impact.shutdown", .high, score: 80, .resourceExhaustion, "Reboots or powers off the machine", evidence: inv.text)
            }
            if lowered.contains(where: { ["enable", "link", "daemon-reload", "preset"].contains($0) }) {
                add("shell.persistence.service", .high, .persistence, "Registers a service to start automatically", evidence: inv.text)
            }
        }
        if inv.name == "launchctl", lowered.contains(where: { ["load", "bootstrap", "submit", "enable"].contains($0) }) {
            add("shell.persistence.launchd", .high, score: 75, .persistence, "Loads a launchd agent or daemon", evidence: inv.text)
        }
        if inv.name == "update-rc.d" || inv.name == "chkconfig" || inv.name == "rc-update", lowered.contains(where: { ["enable", "defaults", "on", "add"].contains($0) }) {
            add("shell.persistence.service", .high, .persistence, "Registers an init script to start at boot", evidence: inv.text)
        }
        return DataFlow()
    }

    mutating func crontab(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["u"])
        if scan.has("l") && scan.operands.isEmpty { return DataFlow(labels: .systemInfo) }
        if scan.has("r") {
            add("shell.destructive.crontab_remove", .medium, .destructiveFS, "Removes the crontab", evidence: inv.text)
            return DataFlow()
        }
        add("shell.persistence.cron", .high, .persistence, "Installs a crontab (scheduled commands survive the session)", evidence: inv.text)
        if let text = inv.stdinText ?? inv.stdinFragments { _ = runCronText(text, inv: inv) }
        for operand in scan.operands where operand != "-" {
            if let text = writtenTexts[normalizer.normalize(operand)] { _ = runCronText(text, inv: inv) }
        }
        return DataFlow()
    }

    mutating func runCronText(_ text: String, inv: CommandInvocation) -> DataFlow {
        // A cron line is five time fields and a command.
        var flow = DataFlow()
        for line in text.split(separator: "\n") {
            // `@reboot cmd` (and `@hourly`…) take one schedule field instead of five.
            let fields = line.split(separator: " ", maxSplits: line.hasPrefix("@") ? 1 : 5, omittingEmptySubsequences: true)
            if fields.count == (line.hasPrefix("@") ? 2 : 6), !line.hasPrefix("#"), let command = fields.last {
                // A job that runs a program from a world-writable directory: anyone can swap it.
                if let program = command.split(separator: " ").first, program.contains("/"),
                    pathClass(normalizer.normalize(String(program))) == .temp {
                    add("shell.persistence.cron_temp_program", .critical, .persistence, "Schedules \(program) from a temporary directory to run repeatedly", evidence: String(line.prefix(120)))
                }
                let f = runScript(String(command), origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: nil)
                flow.labels.formUnion(f.labels)
            }
        }
        return flow
    }

    mutating func atJob(_ inv: CommandInvocation) -> DataFlow? {
        if inv.arguments.contains("-l") || inv.name == "atq" { return DataFlow() }
        add("shell.persistence.at_job", .high, .persistence, "Schedules a command for later with \(inv.name)", evidence: inv.text)
        if let text = inv.stdinText ?? inv.stdinFragments { _ = runScript(text, origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: nil) }
        return DataFlow()
    }

    mutating func kernelModule(_ inv: CommandInvocation) -> DataFlow? {
        if inv.name == "modprobe", inv.arguments.contains("-l") || inv.arguments.contains("-c") { return DataFlow() }
        if inv.name == "rmmod" || (inv.name == "modprobe" && inv.arguments.contains("-r")) {
            add("shell.evasion.unload_module", .high, .defenseEvasion, "Unloads a kernel module", evidence: inv.text)
        } else {
            add("shell.persistence.kernel_module", .critical, .persistence, "Loads a kernel module (rootkits install this way)", evidence: inv.text)
        }
        return DataFlow()
    }

    /// Service accounts that never log in: giving one a shell or a password makes a backdoor.
    static let systemAccounts: Set<String> = [
        "nobody", "daemon", "bin", "sys", "sync", "games", "man", "lp", "mail", "news", "uucp", "proxy", "www-data", "backup", "list",
        "irc", "gnats", "operator", "ftp", "sshd", "messagebus", "syslog", "adm", "halt", "shutdown", "nfsnobody", "dbus", "rpc",
        "apache", "httpd", "nginx", "ntp", "postfix", "avahi", "polkitd", "systemd-network", "systemd-resolve", "systemd-timesync",
    ]

    /// The system account that `usermod`/`chsh` gives a real shell, a password or an unlock.
    static func systemAccountGivenLogin(_ inv: CommandInvocation) -> String? {
        let args = Array(inv.arguments)
        guard let account = args.last, systemAccounts.contains(account) || account.hasPrefix("_") && account.count > 1 else { return nil }
        var i = 0
        while i < args.count - 1 {
            let a = args[i]
            if a == "-s" || a == "--shell" {
                let shell = args[i + 1]
                if !shell.hasSuffix("nologin") && !shell.hasSuffix("/false") { return account }
                i += 2
                continue
            }
            if a.hasPrefix("--shell=") && !a.hasSuffix("nologin") && !a.hasSuffix("/false") { return account }
            if inv.name == "usermod", a == "-p" || a == "--password" || a.hasPrefix("--password=") || a == "-U" || a == "--unlock" { return account }
            i += 1
        }
        return nil
    }

    mutating func accountChange(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        let joined = args.joined(separator: " ")
        let privilegedGroup = ["sudo", "wheel", "root", "admin", "adm", "docker", "lxd", "disk", "shadow"].contains { g in
            args.contains(g) || joined.contains("G \(g)") || joined.contains("-G\(g)") || joined.contains(",\(g)") || joined.contains("\(g),")
        }
        let uidZero = joined.contains("-u 0") || joined.contains("--uid 0") || joined.contains("-o") && joined.contains("-u 0") || joined.contains("-g 0")
        switch inv.name {
        case "useradd", "adduser", "sysadminctl", "dscl", "net":
            if inv.name == "dscl", joined.contains("-delete"), joined.contains("/Users/") || joined.contains("/Groups/") {
                add("shell.impact.delete_account", .high, score: 75, .destructiveFS, "Deletes a user account or group", evidence: inv.text)
                return DataFlow()
            }
            if inv.name == "sysadminctl", joined.contains("-deleteUser") {
                add("shell.impact.delete_account", .high, score: 75, .destructiveFS, "Deletes a user account", evidence: inv.text)
                return DataFlow()
            }
            if inv.name == "sysadminctl", joined.contains("-guestAccount"), args.contains("on") {
                add("shell.privilege.guest_account", .high, score: 75, .persistence, "Enables the guest account", evidence: inv.text)
                return DataFlow()
            }
            if inv.name == "dscl", !joined.contains("-create") && !joined.contains("-append") && !joined.contains("-passwd") { return DataFlow(labels: .systemInfo) }
            if inv.name == "sysadminctl", !joined.contains("-addUser") { return DataFlow() }
            add("shell.privilege.create_account", uidZero || privilegedGroup ? .critical : .high, score: uidZero || privilegedGroup ? nil : 75, .persistence, "Creates a user account\(uidZero ? " with uid/gid 0" : privilegedGroup ? " in an administrative group" : "")", evidence: inv.text)
        case "usermod", "gpasswd", "chsh":
            if let account = Self.systemAccountGivenLogin(inv) {
                add("shell.privilege.system_account_login", .critical, .persistence, "Gives the system account \(account) a login shell, a password or an unlock (a backdoor account)", evidence: inv.text)
            } else if inv.name == "chsh" {
                break
            } else if privilegedGroup || uidZero {
                add("shell.privilege.admin_group", .critical, .privilegeEscalation, "Adds a user to an administrative group", evidence: inv.text)
            } else {
                add("shell.privilege.modify_account", .medium, .privilegeEscalation, "Modifies a user account", evidence: inv.text)
            }
        case "passwd", "chpasswd":
            if inv.name == "passwd", args.contains("-S") || args.contains("--status") { return DataFlow(labels: .systemInfo) }
            let locks = args.contains { $0 == "-l" || $0 == "--lock" || $0 == "-e" || $0 == "--expire" }
            if inv.name == "passwd", locks {
                add("shell.privilege.modify_account", .medium, .privilegeEscalation, "Locks or expires an account password", evidence: inv.text)
                return DataFlow()
            }
            if inv.name == "passwd", let account = args.last, Self.systemAccounts.contains(account) || account.hasPrefix("_") {
                add("shell.privilege.system_account_login", .critical, .persistence, "Sets a password on the system account \(account) (a backdoor account)", evidence: inv.text)
                return DataFlow()
            }
            add("shell.privilege.change_password", .high, score: 75, .privilegeEscalation, "Changes account passwords", evidence: inv.text)
        case "userdel", "deluser":
            add("shell.impact.delete_account", .high, score: 75, .destructiveFS, "Deletes a user account", evidence: inv.text)
        case "visudo":
            if !args.contains("-c") { add("shell.privilege.sudoers_edit", .critical, .privilegeEscalation, "Edits the sudoers policy", evidence: inv.text) }
        case "setcap":
            add("shell.privilege.setcap", .critical, .privilegeEscalation, "Grants file capabilities (\(args.first ?? ""))", evidence: inv.text)
        default:
            break
        }
        return DataFlow()
    }

    mutating func shutdown(_ inv: CommandInvocation) -> DataFlow? {
        if inv.name == "shutdown", inv.arguments.contains("-c") { return DataFlow() }
        if inv.name == "init" || inv.name == "telinit", !(inv.arguments.contains("0") || inv.arguments.contains("6")) { return DataFlow() }
        add("shell.impact.shutdown", .high, score: 80, .resourceExhaustion, "Shuts down or reboots the machine (\(inv.name))", evidence: inv.text)
        return DataFlow()
    }

    mutating func kill(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        if inv.name == "kill", args.contains("-1") && args.contains(where: { $0 == "-9" || $0 == "-KILL" || $0 == "-SIGKILL" }) || args.last == "-1" && args.count > 1 {
            add("shell.impact.kill_all", .critical, .resourceExhaustion, "Kills every process the user can signal", evidence: inv.text)
        } else if inv.name == "kill", args.contains("1") {
            add("shell.impact.kill_init", .critical, .resourceExhaustion, "Signals init (pid 1)", evidence: inv.text)
        } else if inv.name == "killall5" {
            add("shell.impact.kill_all", .critical, .resourceExhaustion, "Kills every process", evidence: inv.text)
        }
        if let service = mentionsSecurityService(args.dropFirst(0)), inv.name != "kill" || args.contains(where: { !$0.allSatisfy(\.isNumber) && !$0.hasPrefix("-") }) {
            add("shell.evasion.disable_security_tool", .critical, .defenseEvasion, "Kills a security or logging process (\(service))", evidence: inv.text)
        } else if inv.privileged, inv.name == "killall" || inv.name == "pkill" {
            add("shell.system.kill_as_root", .medium, .defenseEvasion, "Kills processes by name as root (system daemons included)", evidence: inv.text)
        }
        return DataFlow()
    }

    mutating func historyControl(_ inv: CommandInvocation) -> DataFlow? {
        if inv.arguments.contains("-c") || inv.arguments.contains("-w") && inv.arguments.contains("/dev/null") || inv.arguments.contains("-d") {
            add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Clears shell history", evidence: inv.text)
            return DataFlow()
        }
        return DataFlow(labels: .secret)
    }

    /// `set +o history`, `unset HISTFILE`: stop recording commands.
    mutating func shellOptions(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        if inv.name == "set", args.contains("+o"), args.contains("history") {
            add("shell.evasion.disable_history", .high, score: 75, .defenseEvasion, "Turns off shell history", evidence: inv.text)
        }
        if inv.name == "unset", args.contains(where: { $0.hasPrefix("HIST") }) {
            add("shell.evasion.disable_history", .high, score: 75, .defenseEvasion, "Unsets the shell history variables", evidence: inv.text)
        }
        if inv.name == "set", args.isEmpty { return DataFlow(labels: .environment) }
        if inv.name == "set" { setPositional(inv) }
        if inv.name == "export" || inv.name == "declare" || inv.name == "typeset" {
            if args.isEmpty || args == ["-p"] { return DataFlow(labels: .environment) }
            let pairs = args.compactMap { a -> (name: String, value: String)? in
                guard let eq = a.firstIndex(of: "=") else { return nil }
                return (String(a[..<eq]), String(a[a.index(after: eq)...]))
            }
            checkAssignments(pairs, evidenceSuffix: " " + inv.text)
        }
        return DataFlow()
    }

    /// `set -- a b c` (or `set a b c`) replaces `$1…$9` and `$@`, so `set -- rm -rf ~; "$@"` runs `rm`.
    mutating func setPositional(_ inv: CommandInvocation) {
        let args = Array(inv.arguments)
        let start: Int
        if let dashes = args.firstIndex(of: "--") {
            start = dashes + 1
        } else if let first = args.first, !first.hasPrefix("-"), !first.hasPrefix("+") {
            start = 0
        } else {
            return
        }
        let operands = Array(args[start...])
        bindPositional(operands, labels: (0..<min(operands.count, 9)).map { inv.argumentLabels[start + $0 + 1] ?? [] })
    }

    mutating func firewall(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments.map { $0.lowercased() }
        let flush = args.contains("-f") || args.contains("--flush") || args.contains("-x") || args.contains("flush")
        let acceptAll = args.contains("-p") && args.contains("accept")
        let disable = args.contains("disable") || args.contains("stop") || args.contains("--disable") || (inv.name == "pfctl" && args.contains("-d"))
            || (args.contains("logging") && args.contains("off"))
        if flush || acceptAll || disable {
            add("shell.evasion.disable_firewall", .critical, .defenseEvasion, "Disables or flushes the firewall (\(inv.name))", evidence: inv.text)
        }
        // Deleting a DROP/REJECT/deny rule opens what it blocked (`iptables -D OUTPUT … -j DROP`).
        // iptables' `-d` is a destination address, so only the upper-case `-D` deletes.
        let deletes = inv.arguments.contains("-D") || inv.arguments.contains("--delete") || args.contains("delete") || args.contains("--remove-rich-rule")
            || args.contains(where: { $0.hasPrefix("--remove-rich-rule=") })
        if deletes, args.contains(where: { $0 == "drop" || $0 == "reject" || $0 == "deny" || $0.contains(" drop") || $0.contains(" reject") }) {
            add("shell.evasion.weaken_firewall", .high, .defenseEvasion, "Removes a firewall rule that blocks traffic (\(inv.name))", evidence: inv.text)
        }
        return DataFlow()
    }

    mutating func selinux(_ inv: CommandInvocation) -> DataFlow? {
        if inv.name == "setenforce", inv.arguments.contains("0") || inv.arguments.contains(where: { $0.lowercased() == "permissive" }) {
            add("shell.evasion.disable_selinux", .critical, .defenseEvasion, "Switches SELinux to permissive", evidence: inv.text)
        }
        if inv.name == "aa-disable" || inv.name == "aa-complain" || inv.name == "aa-teardown" {
            add("shell.evasion.disable_apparmor", .critical, .defenseEvasion, "Disables AppArmor profiles", evidence: inv.text)
        }
        if inv.name == "auditctl", inv.arguments.contains("-D") || (inv.arguments.contains("-e") && inv.arguments.contains("0")) {
            add("shell.evasion.disable_audit", .critical, .defenseEvasion, "Deletes audit rules or disables auditing", evidence: inv.text)
        }
        // An audit rule on execve records every command line run on the machine.
        if inv.name == "auditctl", inv.arguments.contains("-a") || inv.arguments.contains("-A"),
            inv.arguments.contains(where: { $0 == "execve" || $0.hasPrefix("execve,") || $0.hasSuffix(",execve") }) {
            add("shell.credential.command_logger", .high, score: 75, .credentialAccess, "Audits every execve: records every command line run (keylogging)", evidence: inv.text)
        }
        if inv.name == "spctl", inv.arguments.contains("--master-disable") || inv.arguments.contains("--global-disable") {
            add("shell.evasion.disable_gatekeeper", .critical, .defenseEvasion, "Disables Gatekeeper", evidence: inv.text)
        }
        if inv.name == "csrutil", inv.arguments.contains("disable") {
            add("shell.evasion.disable_sip", .critical, .defenseEvasion, "Disables System Integrity Protection", evidence: inv.text)
        }
        if inv.name == "xattr", inv.arguments.contains(where: { $0.contains("com.apple.quarantine") }), inv.arguments.contains(where: { $0.hasPrefix("-d") || $0 == "-c" || $0.hasPrefix("-r") }) {
            add("shell.evasion.remove_quarantine", .high, score: 75, .defenseEvasion, "Removes the quarantine attribute so Gatekeeper skips the file", evidence: inv.text)
        }
        if inv.name == "tccutil" { add("shell.evasion.reset_privacy", .high, .defenseEvasion, "Resets privacy permissions (TCC)", evidence: inv.text) }
        return DataFlow()
    }

    mutating func journal(_ inv: CommandInvocation) -> DataFlow? {
        if inv.arguments.contains(where: { $0.hasPrefix("--vacuum") || $0 == "--rotate" || $0.hasPrefix("--flush") }) {
            add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Purges the system journal", evidence: inv.text)
        }
        return DataFlow(labels: .systemInfo)
    }

    /// `gdb -p PID -ex 'dump memory …'`, `lldb -p PID -o 'process save-core …'`: reading another
    /// process's memory; `call dlopen(…)` / `call system(…)` runs code inside it. Debugging a
    /// program the agent starts itself (`gdb -batch -ex run ./a.out`) is neither.
    mutating func debugger(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        let commands = args.enumerated().compactMap { k, a -> String? in
            if ["-ex", "-iex", "-o", "--one-line", "-O", "--eval-command"].contains(a), k + 1 < args.count { return args[k + 1].lowercased() }
            if a.hasPrefix("--eval-command=") { return String(a.dropFirst(15)).lowercased() }
            return nil
        }
        let attaches = args.contains { $0 == "-p" || $0 == "--pid" || $0.hasPrefix("--pid=") || $0 == "--attach-pid" || $0 == "--attach-name" || $0 == "-n" && inv.name == "lldb" }
            || commands.contains { $0.hasPrefix("attach ") || $0.hasPrefix("process attach") }
        guard attaches else { return DataFlow() }
        if commands.contains(where: { $0.hasPrefix("dump ") || $0.hasPrefix("gcore") || $0.hasPrefix("generate-core-file") || $0.hasPrefix("process save-core") || $0.hasPrefix("memory read") && $0.contains("--outfile") }) {
            add("shell.credential.memory_dump", .critical, .credentialAccess, "Attaches \(inv.name) to a running process and dumps its memory", evidence: inv.text)
            return DataFlow(labels: .secret)
        }
        if commands.contains(where: { c in ["dlopen", "system(", "execve", "__libc_dlopen_mode", "mmap"].contains { c.contains($0) } }) {
            add("shell.execution.process_injection", .critical, .privilegeEscalation, "Attaches \(inv.name) to a running process and runs code inside it", evidence: inv.text)
        }
        return DataFlow()
    }

    mutating func credentialTool(_ inv: CommandInvocation) -> DataFlow? {
        let args = inv.arguments
        switch inv.name {
        case "security":
            if args.contains(where: { ["add-trusted-cert", "add-certificates", "import"].contains($0) }) {
                add("shell.evasion.trust_certificate", .high, score: 75, .defenseEvasion, "Imports a certificate or key into the keychain trust store", evidence: inv.text)
            }
            if args.contains(where: { ["dump-keychain", "find-generic-password", "find-internet-password", "export", "find-certificate"].contains($0) }) {
                add("shell.credential.keychain", .critical, .credentialAccess, "Reads secrets from the macOS keychain", evidence: inv.text)
                return DataFlow(labels: .secret)
            }
        case "john", "hashcat", "hydra", "medusa", "ncrack", "unshadow", "crackmapexec", "patator", "mimipenguin", "lazagne", "laZagne":
            add("shell.credential.cracking", .critical, .credentialAccess, "Runs a password cracking or brute-force tool (\(inv.name))", evidence: inv.text)
            return DataFlow(labels: .secret)
        case "gcore", "procdump", "memdump":
            add("shell.credential.memory_dump", .critical, .credentialAccess, "Dumps process memory", evidence: inv.text)
            return DataFlow(labels: .secret)
        case "xinput", "logkeys", "xspy", "xdotool":
            if inv.name == "xdotool" { return DataFlow() }
            if inv.name == "xinput", !(args.contains("test") || args.contains("test-xi2")) { return DataFlow() }
            add("shell.credential.keylogger", .critical, .credentialAccess, "Records keystrokes", evidence: inv.text)
        case "gh":
            if args.starts(with: ["auth", "token"]) { return DataFlow(labels: .secret) }
        case "gcloud":
            if args.contains("print-access-token") || args.contains("print-identity-token") { return DataFlow(labels: .secret) }
        case "az":
            if args.contains("get-access-token") { return DataFlow(labels: .secret) }
        case "kubectl":
            if args.contains("--raw") || (args.contains("secret") || args.contains("secrets")) && args.contains("get") { return DataFlow(labels: .secret) }
            if let exec = args.firstIndex(of: "--") {
                return runArgv(Array(args[(exec + 1)...]), environment: [], origin: .remote, inv: inv, privileged: inv.privileged)
            }
        case "vault", "op", "pass", "bw", "lpass":
            if args.contains(where: { ["read", "get", "show", "item", "kv"].contains($0) }) { return DataFlow(labels: .secret) }
        case "ssh-keygen":
            if let d = args.firstIndex(of: "-D"), d + 1 < args.endIndex {
                add("shell.library_load", .high, score: 75, .execution, "ssh-keygen -D loads a PKCS#11 library", evidence: inv.text)
            }
        default:
            break
        }
        return nil
    }

    mutating func miner(_ inv: CommandInvocation) -> DataFlow? {
        add("shell.impact.cryptominer", .critical, .resourceExhaustion, "Runs a cryptocurrency miner (\(inv.name))", evidence: inv.text)
        return DataFlow()
    }

    mutating func stress(_ inv: CommandInvocation) -> DataFlow? {
        add("shell.impact.resource_exhaustion", .high, .resourceExhaustion, "Deliberately exhausts CPU, memory or disk (\(inv.name))", evidence: inv.text)
        return DataFlow()
    }

    mutating func containerEscape(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        let joined = args.joined(separator: " ")
        if args.contains("--privileged") || joined.contains("src=/,") || joined.contains("-v /:/") || joined.contains("--volume /:/") || joined.contains("-v /:") || joined.contains("--pid=host") || joined.contains("--pid host") || joined.contains("type=bind,src=/") {
            add("shell.privilege.container_escape", .critical, .privilegeEscalation, "Starts a container with host-level access (privileged, host root mounted, or host namespaces)", evidence: inv.text)
        }
        if let exec = args.firstIndex(where: { $0 == "exec" || $0 == "run" }) {
            // The command after the image/container name runs inside it; judge shells as interactive.
            if let last = args.last, Self.shells.contains(commandName(last)), args.count > exec + 1 {
                add("shell.interactive_shell", .high, .execution, "Opens an interactive shell in a container", evidence: inv.text)
            }
        }
        return DataFlow()
    }
}
