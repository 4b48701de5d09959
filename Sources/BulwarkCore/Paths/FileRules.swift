/// Impact rules for one file access, whether it comes from a file tool or from a shell command.
///
/// Ordinary work — reading or writing project files, `/tmp`, `/dev/null`, a file in the home
/// directory — yields no finding. Rule ids are stable: `file.read.*`, `file.write.*`,
/// `file.delete.*`, `file.permission.*`, `file.execute.*`, `file.list.*`, `file.dev_tcp`.
public enum FileRules {
    /// The findings for `access` (whose `path` is normalized with the same `home` and `cwd`).
    public static func findings(for access: FileAccess, home: String?, cwd: String?) -> [Finding] {
        let scope = PathScope(home: home, cwd: cwd)
        return findings(for: access, verdict: PathCatalogue.examine(access.path, in: scope), scope: scope)
    }

    /// The same, with the catalogue's verdict on `access.path` already at hand.
    static func findings(for access: FileAccess, verdict v: PathCatalogue.Verdict, scope: PathScope) -> [Finding] {
        let ctx = Context(access: access, verdict: v, scope: scope)
        if isNetworkDevice(access.path) {
            let write = access.mode == .write || access.mode == .append
            return [ctx.finding(
                "file.dev_tcp", .high,
                write ? "sends data to a network socket through" : "opens a network socket through",
                write ? .exfiltration : .reverseShell)]
        }
        switch access.mode {
        case .read: return readFindings(ctx)
        case .write, .append: return writeFindings(ctx)
        case .delete: return deleteFindings(ctx)
        case .permission: return permissionFindings(ctx)
        case .execute: return executeFindings(ctx)
        case .list: return listFindings(ctx)
        }
    }

    /// What every rule needs to build a finding.
    struct Context {
        var access: FileAccess
        var verdict: PathCatalogue.Verdict
        var scope: PathScope
        var home: String? { scope.home }
        var cwd: String? { scope.cwd }

        /// Whether the path lies outside the user's home (so it affects other users or the system).
        /// Without a known home, any user's home counts as the user's.
        var outsideHome: Bool {
            let path = PathCatalogue.canonical(access.path)
            if path.hasPrefix("~") { return false }
            guard let home, !home.isEmpty else { return !(path.hasPrefix("/home/") || path.hasPrefix("/Users/")) }
            return !(path == home || path.hasPrefix(home.hasSuffix("/") ? home : home + "/"))
        }

        func finding(_ rule: RuleID, _ severity: Severity, _ verb: String, _ category: ImpactCategory) -> Finding {
            let evidence = access.raw.isEmpty ? access.path : access.raw
            let shown = access.path.isEmpty ? evidence : access.path
            return Finding(
                layer: .impact, rule: rule, severity: severity,
                message: "\(verb) \(FileRules.noun(verdict.pathClass)) \(shown)",
                evidence: evidence, category: category)
        }
    }

    /// How a message names a class of path.
    static func noun(_ c: PathClass) -> String {
        switch c {
        case .root: "the filesystem root"
        case .systemDir: "system path"
        case .home: "home directory"
        case .credentialStore: "credential file"
        case .passwordDatabase: "password database"
        case .shellStartup: "shell startup file"
        case .scheduler: "scheduled-task file"
        case .sudoers: "sudoers file"
        case .authorizedKeys: "SSH authorized keys"
        case .loaderConfig: "dynamic loader configuration"
        case .pamConfig: "PAM configuration"
        case .gitHooks: "git hook"
        case .agentConfig: "agent or editor configuration"
        case .history: "shell history"
        case .dotfile: "dotfile"
        case .kernelInterface: "kernel interface"
        case .blockDevice: "block device"
        case .logs: "system log"
        case .temp: "temporary path"
        case .project: "project path"
        case .other: "path"
        }
    }

    /// `/dev/tcp/host/port` and `/dev/udp/host/port`, which bash turns into sockets.
    static func isNetworkDevice(_ path: String) -> Bool {
        path.hasPrefix("/dev/tcp/") || path.hasPrefix("/dev/udp/")
    }

    // MARK: - Read and list

    static func readFindings(_ ctx: Context) -> [Finding] {
        let v = ctx.verdict
        switch v.pathClass {
        case .credentialStore:
            return [ctx.finding("file.read.credential", v.critical ? .critical : .high, "reads", .credentialAccess)]
        case .passwordDatabase:
            if v.critical {
                return [ctx.finding("file.read.credential", .critical, "reads password hashes from", .credentialAccess)]
            }
            return [ctx.finding("file.read.password_db", .medium, "reads the user list in", .discovery)]
        case .history:
            return [ctx.finding("file.read.history", .medium, "reads", .credentialAccess)]
        case .sudoers:
            return [ctx.finding("file.read.sudoers", .low, "reads", .discovery)]
        case .blockDevice:
            return [ctx.finding("file.read.block_device", v.critical ? .critical : .high, "reads raw", .credentialAccess)]
        case .kernelInterface where v.critical:
            return [ctx.finding("file.read.process_memory", .critical, "reads memory through", .credentialAccess)]
        default:
            return []
        }
    }

    static func listFindings(_ ctx: Context) -> [Finding] {
        guard ctx.verdict.pathClass == .credentialStore, !ctx.verdict.inProject else { return [] }
        return [ctx.finding("file.list.credential", .low, "lists", .discovery)]
    }

    // MARK: - Write and append

    static func writeFindings(_ ctx: Context) -> [Finding] {
        let v = ctx.verdict
        let append = ctx.access.mode == .append
        let verb = append ? "appends to" : "writes"
        switch v.pathClass {
        case .sudoers:
            return [ctx.finding("file.write.sudoers", .critical, verb, .privilegeEscalation)]
        case .passwordDatabase:
            return [ctx.finding("file.write.password_db", .critical, verb, .privilegeEscalation)]
        case .authorizedKeys:
            return [ctx.finding("file.write.authorized_keys", .critical, verb, .persistence)]
        case .loaderConfig:
            // ld.so.preload injects into every process; the search-path files only add directories.
            return [ctx.finding("file.write.loader_config", v.critical ? .critical : .high, verb, .persistence)]
        case .pamConfig:
            return [ctx.finding("file.write.pam", .critical, verb, .persistence)]
        case .blockDevice:
            return [ctx.finding("file.write.block_device", .critical, verb, .destructiveFS)]
        case .shellStartup:
            // A system-wide one (/etc/profile, /etc/profile.d) runs for every user's login.
            return [ctx.finding("file.write.shell_startup", ctx.outsideHome ? .critical : .high, verb, .persistence)]
        case .scheduler:
            // A system-wide one (/etc/cron.d, the spool, systemd system units, LaunchDaemons)
            // runs as root or as any user; the user's own (crontab, user units) as the user.
            return [ctx.finding("file.write.scheduler", ctx.outsideHome ? .critical : .high, verb, .persistence)]
        case .gitHooks:
            return [ctx.finding("file.write.git_hooks", .high, verb, .persistence)]
        case .agentConfig:
            return [ctx.finding("file.write.agent_config", .high, verb, .persistence)]
        case .history:
            return [ctx.finding("file.write.history", append ? .medium : .high, verb, .defenseEvasion)]
        case .logs:
            if append { return [] }
            return [ctx.finding("file.write.logs", .high, "overwrites", .defenseEvasion)]
        case .kernelInterface:
            return [ctx.finding("file.write.kernel", .high, verb, .privilegeEscalation)]
        case .credentialStore:
            if v.inProject || BlastRadius.isCache(ctx.access.path, home: ctx.home) { return [] }
            if PathCatalogue.isTemp(PathComponents.split(PathCatalogue.canonical(ctx.access.path))) { return [] }
            return [ctx.finding("file.write.credential", .high, verb, .credentialAccess)]
        case .systemDir, .root:
            return [ctx.finding("file.write.system", isLocalInstall(ctx.access.path) ? .medium : .high, verb, .persistence)]
        case .dotfile:
            if BlastRadius.isCache(ctx.access.path, home: ctx.home) { return [] }
            return [ctx.finding("file.write.dotfile", .low, verb, .persistence)]
        case .home, .temp, .project, .other:
            return []
        }
    }

    /// `/usr/local/**` and `/opt/**`: where people install their own tools.
    static func isLocalInstall(_ path: String) -> Bool {
        let p = PathCatalogue.canonical(path)
        return p.hasPrefix("/usr/local/") || p.hasPrefix("/opt/")
    }

    // MARK: - Execute

    static func executeFindings(_ ctx: Context) -> [Finding] {
        guard ctx.verdict.pathClass == .temp else { return [] }
        let c = PathComponents.split(PathCatalogue.canonical(ctx.access.path))
        let shm = c.count >= 2 && c[0] == "dev" && c[1] == "shm"
        return [ctx.finding("file.execute.temp", shm ? .medium : .low, "runs a program from", .execution)]
    }
}
