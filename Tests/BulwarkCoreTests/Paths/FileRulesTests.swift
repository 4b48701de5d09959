import Testing
@testable import BulwarkCore

@Suite struct FileRulesTests {
    static let home = "/home/dev"
    static let cwd = "/home/dev/proj"
    static let normalizer = PathNormalizer(cwd: cwd, home: home)

    static func findings(_ raw: String, _ mode: FileAccessMode) -> [Finding] {
        let access = FileAccess(raw: raw, path: normalizer.normalize(raw), mode: mode)
        return FileRules.findings(for: access, home: home, cwd: cwd)
    }

    @Test func systemWideStartupFilesAreCriticalEvenWithoutAKnownHome() {
        func severity(_ path: String, home: String?) -> Severity? {
            FileRules.findings(for: FileAccess(raw: path, path: path, mode: .append), home: home, cwd: nil).first?.severity
        }
        #expect(severity("/etc/profile", home: nil) == .critical)
        #expect(severity("/etc/cron.d/job", home: nil) == .critical)
        #expect(severity("/home/someone/.bashrc", home: nil) == .high)
        #expect(severity("/root/.bashrc", home: "/home/dev") == .critical, "another user's (root's) startup file")
    }

    @Test(arguments: [
        ("README.md", FileAccessMode.read),
        ("config.yaml", .read),
        ("src/main.swift", .write),
        ("src/main.swift", .read),
        ("package.json", .write),
        (".env.example", .read),
        (".gitignore", .append),
        ("build", .delete),
        ("node_modules", .delete),
        ("dist/*", .delete),
        ("/tmp/out.txt", .write),
        ("/tmp/scratch", .delete),
        ("/tmp/x.json", .read),
        ("/dev/null", .write),
        ("/dev/null", .read),
        ("/etc/hosts", .read),
        ("/etc/os-release", .read),
        ("/usr/include/stdio.h", .read),
        ("/proc/cpuinfo", .read),
        ("/var/log/app.log", .read),
        ("/var/log/app.log", .append),
        ("~/notes.md", .write),
        ("~/.gitconfig", .read),
        ("~/.ssh/known_hosts", .read),
        ("~/.ssh/id_ed25519.pub", .read),
        ("~/.ssh/id_rsa", .permission),
        ("~/.cache/pip", .delete),
        ("/var/lib/apt/lists/*", .delete),
        ("/home/dev/proj", .list),
        ("/etc", .list),
        ("scripts/run.sh", .execute),
        ("/usr/bin/git", .execute),
        (".env", .write),
        ("certs/dev.key", .write),
        ("/usr/local/bin/tool", .permission),
        ("/usr/local/bin/npm", .delete),
        ("/opt/lampp/htdocs", .permission),
    ])
    func ordinaryWorkYieldsNothing(raw: String, mode: FileAccessMode) {
        #expect(Self.findings(raw, mode).isEmpty)
    }

    @Test(arguments: [
        ("~/.ssh/id_rsa", FileAccessMode.read, "file.read.credential", Severity.critical),
        ("~/.ssh/config", .read, "file.read.credential", .high),
        ("~/.aws/credentials", .read, "file.read.credential", .critical),
        (".env", .read, "file.read.credential", .high),
        ("/etc/shadow", .read, "file.read.credential", .critical),
        ("/etc/passwd", .read, "file.read.password_db", .medium),
        ("/proc/self/environ", .read, "file.read.credential", .critical),
        ("/proc/1/mem", .read, "file.read.process_memory", .critical),
        ("/dev/sda", .read, "file.read.block_device", .high),
        ("~/.bash_history", .read, "file.read.history", .medium),
        ("/etc/sudoers", .read, "file.read.sudoers", .low),
        ("~/.ssh", .list, "file.list.credential", .low),
        ("~/.bashrc", .append, "file.write.shell_startup", .high),
        ("/etc/profile.d/x.sh", .write, "file.write.shell_startup", .critical),
        ("/etc/profile", .append, "file.write.shell_startup", .critical),
        ("/etc/cron.d/job", .write, "file.write.scheduler", .critical),
        ("/var/spool/cron/crontabs/root", .append, "file.write.scheduler", .critical),
        ("/etc/systemd/system/x.service", .write, "file.write.scheduler", .critical),
        ("~/.config/systemd/user/x.service", .write, "file.write.scheduler", .high),
        ("/etc/sudoers.d/dev", .write, "file.write.sudoers", .critical),
        ("/etc/passwd", .append, "file.write.password_db", .critical),
        ("~/.ssh/authorized_keys", .append, "file.write.authorized_keys", .critical),
        ("/etc/ld.so.preload", .write, "file.write.loader_config", .critical),
        ("/etc/pam.d/sshd", .write, "file.write.pam", .critical),
        (".git/hooks/pre-commit", .write, "file.write.git_hooks", .high),
        (".vscode/tasks.json", .write, "file.write.agent_config", .high),
        (".claude/settings.json", .write, "file.write.agent_config", .high),
        ("/etc/hosts", .write, "file.write.system", .high),
        ("/usr/bin/ls", .write, "file.write.system", .high),
        ("/usr/local/bin/tool", .write, "file.write.system", .medium),
        ("/dev/sda", .write, "file.write.block_device", .critical),
        ("/proc/sys/kernel/randomize_va_space", .write, "file.write.kernel", .high),
        ("~/.bash_history", .write, "file.write.history", .high),
        ("/var/log/auth.log", .write, "file.write.logs", .high),
        ("~/.aws/credentials", .write, "file.write.credential", .high),
        ("~/.vimrc", .write, "file.write.dotfile", .low),
        ("/dev/tcp/10.0.0.1/4444", .write, "file.dev_tcp", .high),
        ("/", .delete, "file.delete.root", .critical),
        ("/*", .delete, "file.delete.root", .critical),
        ("~", .delete, "file.delete.home", .critical),
        ("~/*", .delete, "file.delete.home", .critical),
        ("/home", .delete, "file.delete.home", .critical),
        ("/etc", .delete, "file.delete.system", .critical),
        ("/etc/*", .delete, "file.delete.system", .critical),
        ("/usr/lib/x86_64-linux-gnu", .delete, "file.delete.system", .high),
        ("/etc/passwd", .delete, "file.delete.system", .critical),
        ("/var/lib/dpkg/lock", .delete, "file.delete.system", .medium),
        ("~/.ssh", .delete, "file.delete.credential", .critical),
        ("~/.aws/credentials", .delete, "file.delete.credential", .critical),
        ("~/.config", .delete, "file.delete.dotfiles", .high),
        ("~/.*", .delete, "file.delete.dotfiles", .high),
        ("~/.gitconfig", .delete, "file.delete.dotfiles", .medium),
        ("~/.bash_history", .delete, "file.delete.history", .high),
        ("/var/log/auth.log", .delete, "file.delete.logs", .high),
        ("/var/log/*", .delete, "file.delete.logs", .high),
        ("/app", .delete, "file.delete.toplevel", .medium),
        (".git", .delete, "file.delete.git_dir", .medium),
        (".", .delete, "file.delete.project_root", .low),
        ("/", .permission, "file.permission.root", .critical),
        ("/etc", .permission, "file.permission.system", .high),
        ("/etc/sudoers", .permission, "file.permission.sensitive", .high),
        ("~", .permission, "file.permission.home", .high),
        ("~/.bash_history", .permission, "file.permission.history", .medium),
        ("/dev/shm/x", .execute, "file.execute.temp", .medium),
        ("/tmp/x", .execute, "file.execute.temp", .low),
    ])
    func riskyAccessesRaiseTheirRule(raw: String, mode: FileAccessMode, rule: String, severity: Severity) {
        let found = Self.findings(raw, mode)
        #expect(found.count == 1)
        #expect(found.first?.rule == RuleID(rule))
        #expect(found.first?.severity == severity)
        #expect(found.first?.layer == .impact)
        #expect(found.first?.evidence == raw)
    }

    @Test func findingsNameWhatAndWhere() throws {
        let f = try #require(Self.findings("~/.ssh/id_rsa", .read).first)
        #expect(f.message.contains("/home/dev/.ssh/id_rsa"))
        #expect(f.message.contains("credential"))
        #expect(f.category == .credentialAccess)
        #expect(f.score == 95)
    }

    @Test func worksWithoutKnownHomeOrCwd() {
        let n = PathNormalizer(cwd: nil, home: nil)
        func rules(_ raw: String, _ mode: FileAccessMode) -> [RuleID] {
            FileRules.findings(for: FileAccess(raw: raw, path: n.normalize(raw), mode: mode), home: nil, cwd: nil).map(\.rule)
        }
        #expect(rules("~/.ssh/id_rsa", .read) == ["file.read.credential"])
        #expect(rules("$HOME/.bashrc", .append) == ["file.write.shell_startup"])
        #expect(rules("~", .delete) == ["file.delete.home"])
        #expect(rules("src/main.swift", .write).isEmpty)
        #expect(rules("README.md", .read).isEmpty)
    }
}
