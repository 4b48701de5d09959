extension PathCatalogue {
    /// Specific classes decided by an absolute location (`/etc/...`, `/proc/...`, `/dev/...`).
    static func systemClass(_ c: [Substring]) -> Verdict? {
        guard let top = c.first else { return nil }
        let second: Substring = c.count > 1 ? c[1] : ""
        switch top {
        case "etc": return etcClass(c)
        case "var":
            if second == "log" || second == "adm" { return Verdict(pathClass: .logs) }
            if second == "spool", c.count > 2 {
                let s = c[2]
                if s.hasPrefix("cron") || s.hasPrefix("anacron") || s == "at" || s == "atjobs" {
                    return Verdict(pathClass: .scheduler)
                }
            }
            if second == "run", c.count > 2, c[2] == "secrets" {
                return Verdict(pathClass: .credentialStore, critical: true)
            }
            return nil
        case "run":
            if second == "secrets" { return Verdict(pathClass: .credentialStore, critical: true) }
            if second == "systemd", c.count > 2, c[2] == "system" { return Verdict(pathClass: .scheduler) }
            return nil
        case "usr" where c.count > 3 && c[1] == "local" && c[2] == "etc":
            // `/usr/local/etc` is the BSD (and Homebrew) `/etc` for installed software: sudoers, pam.d.
            return etcClass(Array(c.dropFirst(2)))
        case "lib", "lib64", "usr":
            return libraryClass(c)
        case "Library":
            if second == "LaunchAgents" || second == "LaunchDaemons" || second == "StartupItems" { return Verdict(pathClass: .scheduler) }
            if second == "Keychains" { return Verdict(pathClass: .credentialStore, critical: true) }
            return nil
        case "System":
            if second == "Library", c.count > 2, c[2] == "LaunchAgents" || c[2] == "LaunchDaemons" {
                return Verdict(pathClass: .scheduler)
            }
            return nil
        case "proc":
            if c.count >= 3 && c[2] == "environ" { return Verdict(pathClass: .credentialStore, critical: true) }
            let memory = (c.count == 3 && c[2] == "mem") || (c.count == 2 && c[1] == "kcore")
            return Verdict(pathClass: .kernelInterface, critical: memory)
        case "sys":
            return Verdict(pathClass: .kernelInterface)
        case "dev":
            return deviceClass(c)
        case "Windows":
            // C:\Windows\System32\config\SAM holds the local password hashes.
            if c.count == 4, c[2] == "config", ["SAM", "SECURITY", "SYSTEM"].contains(c[3]) {
                return Verdict(pathClass: .passwordDatabase, critical: true)
            }
            return nil
        case "ProgramData" where c.count > 5 && c[4] == "Start Menu" && c[5] == "Programs" && c.count > 6 && c[6] == "StartUp":
            return Verdict(pathClass: .scheduler)
        default:
            return nil
        }
    }

    private static func etcClass(_ c: [Substring]) -> Verdict? {
        guard c.count > 1 else { return nil }
        let n = c[1]
        if c.count == 2 {
            switch n {
            case "shadow", "shadow-", "gshadow", "gshadow-", "master.passwd", "spwd.db":
                return Verdict(pathClass: .passwordDatabase, critical: true)
            case "passwd", "passwd-", "group", "group-", "pwd.db":
                return Verdict(pathClass: .passwordDatabase)
            default: break
            }
        }
        switch n {
        case "sudoers", "sudoers.d", "doas.conf":
            return Verdict(pathClass: .sudoers)
        case "ld.so.preload":
            return Verdict(pathClass: .loaderConfig, critical: true)
        case "ld.so.conf", "ld.so.conf.d", "ld.so.cache":
            return Verdict(pathClass: .loaderConfig)
        case "security":
            if c.count == 3 && c[2] == "opasswd" { return Verdict(pathClass: .passwordDatabase, critical: true) }
            return Verdict(pathClass: .pamConfig)
        case "pam.d", "pam.conf":
            return Verdict(pathClass: .pamConfig)
        case "profile", "profile.d", "bash.bashrc", "bashrc", "zshrc", "zprofile", "zshenv", "zlogin",
            "zlogout", "zsh", "environment", "fish", "csh.cshrc", "csh.login", "skel",
            "bash_completion.d":
            return Verdict(pathClass: .shellStartup)
        case "anacrontab", "systemd", "init.d", "init", "rc.local", "rc.common", "rc.d", "update-motd.d", "at.allow", "at.deny",
            "periodic", "launchd.conf", "incron.d":
            return Verdict(pathClass: .scheduler)
        case "xdg" where c.count > 2 && c[2] == "autostart":
            return Verdict(pathClass: .scheduler)
        case "udev" where c.count > 2 && c[2] == "rules.d":
            return Verdict(pathClass: .scheduler)
        case "ssh":
            guard c.count > 2 else { return nil }
            let f = c[2]
            if f == "authorized_keys" { return Verdict(pathClass: .authorizedKeys) }
            if f.hasPrefix("ssh_host_") && f.hasSuffix("_key") {
                return Verdict(pathClass: .credentialStore, critical: true)
            }
            return nil
        case "ssl", "pki":
            if c.contains("private") { return Verdict(pathClass: .credentialStore, critical: true) }
            return nil
        case "kubernetes":
            guard c.count > 2 else { return nil }
            switch c[2] {
            case "admin.conf", "pki", "kubelet.conf", "controller-manager.conf", "scheduler.conf",
                "super-admin.conf":
                return Verdict(pathClass: .credentialStore, critical: true)
            default: return nil
            }
        case "rancher":
            if c.last == "k3s.yaml" { return Verdict(pathClass: .credentialStore, critical: true) }
            return nil
        case "NetworkManager" where c.count > 2 && c[2] == "system-connections":
            return Verdict(pathClass: .credentialStore)
        case "mysql" where c.count == 3 && c[2] == "debian.cnf":
            return Verdict(pathClass: .credentialStore)
        default:
            if n.hasPrefix("cron") { return Verdict(pathClass: .scheduler) }
            if n.hasPrefix("rc") && n.hasSuffix(".d") && n.utf8.count <= 5 { return Verdict(pathClass: .scheduler) }
            return nil
        }
    }

    /// `/lib`, `/lib64`, `/usr/lib`, `/usr/lib64`, `/usr/local/lib`: systemd units and PAM modules.
    private static func libraryClass(_ c: [Substring]) -> Verdict? {
        var i = 0
        if c[0] == "usr" {
            i = 1
            if c.count > 1 && c[1] == "local" { i = 2 }
            guard c.count > i, c[i] == "lib" || c[i] == "lib64" else { return nil }
        }
        // c[i] is lib/lib64; look at the next one or two components.
        let a: Substring = c.count > i + 1 ? c[i + 1] : ""
        let b: Substring = c.count > i + 2 ? c[i + 2] : ""
        if a == "systemd" && (b == "system" || b == "user") { return Verdict(pathClass: .scheduler) }
        if a == "security" || b == "security" && a.hasSuffix("-gnu") { return Verdict(pathClass: .pamConfig) }
        return nil
    }

    /// Devices: harmless ones are `nil` (they fall through to `other`).
    private static func deviceClass(_ c: [Substring]) -> Verdict? {
        guard c.count > 1 else { return Verdict(pathClass: .kernelInterface) }
        let n = c[1]
        switch n {
        case "null", "zero", "full", "tty", "stdin", "stdout", "stderr", "fd", "random", "urandom",
            "ptmx", "pts", "console":
            return nil
        case "shm":
            return nil
        case "mem", "kmem", "port":
            return Verdict(pathClass: .blockDevice, critical: true)
        case "mapper", "disk", "md":
            return Verdict(pathClass: .blockDevice)
        default:
            for prefix in ["sd", "hd", "vd", "xvd", "nvme", "mmcblk", "disk", "rdisk", "loop", "dm-", "md", "sr"]
            where n.hasPrefix(prefix) {
                return Verdict(pathClass: .blockDevice)
            }
            return Verdict(pathClass: .kernelInterface)
        }
    }
}
