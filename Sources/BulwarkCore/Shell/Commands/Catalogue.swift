/// The command catalogue: which rule family judges which program. Adding a command means
/// adding a line here (and, for a new family, a method in this folder).
extension ShellAnalyzer {
    static let catalogue: [String: Handler] = {
        var table: [String: Handler] = [:]
        func register(_ names: [String], _ handler: @escaping Handler) {
            for name in names { table[name] = handler }
        }
        register(["rm", "rmdir", "unlink", "srm"]) { $0.rm($1) }
        register(["shred", "wipe"]) { $0.shred($1) }
        register(["chmod"]) { $0.chmod($1) }
        register(["chown", "chgrp"]) { $0.chown($1) }
        register(["chattr"]) { $0.chattr($1) }
        register(["chflags"]) { $0.chflags($1) }
        register(["alias"]) { $0.defineAlias($1) }
        // `$(pwd)` is the working directory (as `$PWD` is), once `cd` has been followed.
        register(["pwd"]) { analyzer, _ in DataFlow(text: analyzer.context.cwd.map { $0 + "\n" }) }
        register(["gdb", "lldb"]) { $0.debugger($1) }
        register(["gpg", "gpg2"]) { $0.gpg($1) }
        register(["unzip", "7z", "7za", "7zz"]) { $0.encryptedArchive($1) }
        register(["dd"]) { $0.dd($1) }
        register(["mkfs", "mkfs.ext4", "mkfs.ext3", "mkfs.ext2", "mkfs.xfs", "mkfs.btrfs", "mkfs.vfat", "mkfs.fat", "mkfs.ntfs", "mke2fs", "mkswap", "fdisk", "sfdisk", "parted", "wipefs", "gdisk", "sgdisk", "diskutil", "blkdiscard"]) { inv, call in
            if call.name == "diskutil", !call.arguments.contains(where: { ["erasedisk", "erasevolume", "partitiondisk", "secureerase", "zerodisk"].contains($0.lowercased()) }) { return DataFlow() }
            if call.name == "fdisk" || call.name == "parted" || call.name == "sfdisk" || call.name == "gdisk", call.arguments.contains("-l") || call.arguments.contains("--list") || call.arguments.contains("print") { return DataFlow(labels: .systemInfo) }
            return inv.formatDisk(call)
        }
        register(["truncate"]) { $0.truncateFile($1) }
        register(["cp", "mv", "install", "ln", "tee", "rsync-local"]) { $0.copyLike($1) }
        register(["sed", "gsed"]) { $0.sed($1) }
        register(["ed", "red", "ex", "vi", "vim", "nvim"]) { $0.lineEditor($1) }
        register(["view", "nano", "pico", "ee", "emacs", "mg", "joe", "jed", "micro", "mcedit", "sudoedit", "nvi", "vis", "kak", "hx"]) { $0.openForEditing($1) }
        register(["touch", "setfile"]) { $0.touch($1) }
        register(["curl"]) { $0.curl($1) }
        register(["wget"]) { $0.wget($1) }
        register(["nc", "ncat", "netcat", "nc.traditional", "nc.openbsd", "pwncat"]) { $0.netcat($1) }
        register(["socat"]) { $0.socat($1) }
        register(["ssh"]) { $0.ssh($1) }
        register(["scp", "rsync", "sftp"]) { $0.remoteCopy($1) }
        register(["ngrok", "cloudflared", "lt", "localtunnel", "bore", "frpc", "chisel", "pagekite", "sish", "devtunnel", "zrok", "inlets"]) { $0.tunnel($1) }
        register(["telnet"]) { $0.telnet($1) }
        register(["mail", "mailx", "sendmail", "mutt", "swaks", "msmtp"]) { $0.mailer($1) }
        register(["aws", "gsutil", "rclone", "azcopy", "s3cmd"]) { $0.cloudCopy($1) }
        register(["nmap", "masscan", "zmap", "nikto", "sqlmap", "gobuster", "dirb", "ffuf", "wfuzz", "rustscan", "hping3", "arp-scan", "netdiscover", "enum4linux", "smbmap", "responder"]) { $0.scanner($1) }
        register(["tcpdump", "tshark", "dumpcap", "ettercap", "dsniff", "bettercap", "ngrep", "tcpflow"]) { $0.sniffer($1) }
        register(["systemctl", "service", "launchctl", "update-rc.d", "chkconfig", "rc-update", "sv"]) { $0.serviceControl($1) }
        register(["crontab"]) { $0.crontab($1) }
        register(["at", "batch"]) { $0.atJob($1) }
        register(["insmod", "modprobe", "rmmod", "kmutil", "kextload"]) { $0.kernelModule($1) }
        register(["useradd", "adduser", "usermod", "chsh", "gpasswd", "passwd", "chpasswd", "userdel", "deluser", "visudo", "setcap", "sysadminctl", "dscl"]) { $0.accountChange($1) }
        register(["shutdown", "reboot", "halt", "poweroff", "init", "telinit"]) { $0.shutdown($1) }
        register(["kill", "killall", "pkill", "killall5"]) { $0.kill($1) }
        register(["history"]) { $0.historyControl($1) }
        register(["set", "unset", "export", "declare", "typeset"]) { $0.shellOptions($1) }
        register(["iptables", "ip6tables", "nft", "ufw", "firewall-cmd", "pfctl"]) { $0.firewall($1) }
        register(["setenforce", "aa-disable", "aa-complain", "aa-teardown", "auditctl", "spctl", "csrutil", "xattr", "tccutil"]) { $0.selinux($1) }
        register(["journalctl"]) { $0.journal($1) }
        register(["security", "john", "hashcat", "hydra", "medusa", "ncrack", "unshadow", "crackmapexec", "patator", "mimipenguin", "lazagne", "gcore", "procdump", "memdump", "xinput", "logkeys", "xspy", "gh", "gcloud", "az", "kubectl", "vault", "op", "pass", "bw", "lpass", "ssh-keygen"]) { $0.credentialTool($1) }
        register(["xmrig", "minerd", "cpuminer", "cgminer", "bfgminer", "ethminer", "t-rex", "nbminer", "xmr-stak", "nanominer"]) { $0.miner($1) }
        register(["stress", "stress-ng", "fork-bomb"]) { $0.stress($1) }
        register(["docker", "podman", "ctr", "nerdctl", "lxc", "runc"]) { $0.containerEscape($1) }
        register(["git"]) { $0.git($1) }
        register(["echo"]) { $0.echo($1) }
        register(["printf"]) { $0.printf($1) }
        register(["read"]) { $0.readBuiltin($1) }
        register(["base64", "base32", "basenc", "gbase64", "xxd", "rev", "tr", "openssl", "uudecode", "gunzip", "zcat", "gzip", "bzip2", "bunzip2", "xz", "unxz"]) { $0.decoder($1) }
        register(["env", "printenv"]) { inv, call in call.arguments.isEmpty || call.name == "printenv" ? DataFlow(labels: .environment) : nil }
        register(["uname", "id", "whoami", "hostname", "ifconfig", "ip", "netstat", "ss", "w", "who", "last", "lastlog", "ps", "lsmod", "sw_vers", "system_profiler", "arp", "route", "getent", "lscpu", "dmidecode", "systemd-detect-virt", "ioreg", "hostnamectl"]) { inv, call in
            if call.name == "ip", call.arguments.contains("netns"), call.arguments.contains("exec") {
                if let e = call.argv.firstIndex(of: "exec"), e + 2 < call.argv.count {
                    return inv.runArgv(Array(call.argv[(e + 2)...]), environment: call.environment, origin: .wrapper, inv: call, privileged: true)
                }
            }
            return DataFlow(labels: .systemInfo)
        }
        register(["sysctl", "mount", "date", "timedatectl"]) { $0.kernelControl($1) }
        register(["defaults", "tmutil", "log", "kickstart", "dsenableroot", "dseditgroup", "networksetup", "mdatp", "update-ca-certificates", "trust", "code"]) { $0.macosControl($1) }
        register(["which", "whereis"]) { inv, call in
            guard let program = call.arguments.first(where: { !$0.hasPrefix("-") }) else { return DataFlow() }
            return DataFlow(labels: [], text: program.contains("/") ? program : "/usr/bin/" + program)
        }
        register(["ls"]) { inv, call in
            // `ls -d PATH…` prints exactly its operands: known text for xargs and loops.
            let args = Array(call.arguments)
            guard args.first == "-d", args.count > 1, !args.dropFirst().contains(where: { $0.hasPrefix("-") || $0.contains("*") }) else { return nil }
            return DataFlow(labels: [], text: args.dropFirst().joined(separator: "\n") + "\n")
        }
        register(["psql", "cockroach", "mysql", "mariadb", "sqlite3", "clickhouse-client"]) { $0.databaseClient($1) }
        register(["dig", "nslookup", "host", "drill", "delv"]) { inv, call in
            // A query name built from command output carries data out through DNS.
            let smuggles = call.arguments.contains { arg in
                guard let sub = arg.firstRange(of: "$(…)") else { return false }
                return arg[sub.upperBound...].hasPrefix(".")
            }
            if smuggles || call.argumentLabels.contains(where: { $0.key > 0 && !$0.value.intersection(.sensitive).isEmpty }) {
                inv.add("shell.exfil.dns_tunnel", .high, score: 75, .exfiltration, "Builds a DNS query from command output (data leaves through DNS)", evidence: call.text)
            }
            return DataFlow(labels: .network)
        }
        register(["cd", "pushd"]) { $0.changeDirectory($1) }
        register(["tor", "torify", "i2pd", "i2prouter"]) { inv, call in
            inv.add("shell.network.anonymizer", .high, score: 75, .network, "Starts an anonymizing network (\(call.name)) that hides where traffic goes", evidence: call.text)
            return DataFlow(labels: .network)
        }
        register(["trap"]) { $0.trap($1) }
        register(["run-parts"]) { $0.runParts($1) }
        register(["ansible-test"]) { $0.ansibleTest($1) }
        register(["ldconfig"]) { $0.ldconfig($1) }
        register(["yes"]) { $0.yes($1) }
        register(["ldapadd", "ldapmodify"]) { $0.ldapChange($1) }
        register(["shift"]) { $0.shiftArguments($1) }
        register(["dvips", "pic", "gpic", "groff", "troff", "nroff", "gs", "gsc", "ghostscript", "tex", "latex", "pdflatex", "xelatex", "lualatex", "pdftex", "latexmk"]) { $0.unsafeMode($1) }
        register(["grep", "egrep", "fgrep", "rg", "ag"]) { $0.grepSecrets($1) }
        register(["b64decode", "b64encode"]) { inv, call in
            DataFlow(labels: call.name == "b64decode" ? call.stdinLabels.union(.decoded) : call.stdinLabels, text: nil)
        }
        register(["pw"]) { inv, call in
            guard let sub = call.arguments.first else { return DataFlow() }
            var inner = call
            inner.argv = [sub] + call.argv.dropFirst(2)
            inner.name = sub
            return inv.accountChange(inner)
        }
        for name in ShellAnalyzer.interpreters.keys { table[name] = { $0.interpreter($1) } }
        return table
    }()
}
