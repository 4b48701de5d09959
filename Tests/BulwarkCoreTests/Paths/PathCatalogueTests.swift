import Testing
@testable import BulwarkCore

@Suite struct PathCatalogueTests {
    static let home = "/home/dev"
    static let cwd = "/home/dev/proj"

    static func cls(_ p: String, home: String? = PathCatalogueTests.home, cwd: String? = PathCatalogueTests.cwd) -> PathClass {
        PathCatalogue.classify(p, home: home, cwd: cwd)
    }

    @Test(arguments: [
        // Ordinary developer paths.
        ("/home/dev/proj/README.md", PathClass.project),
        ("/home/dev/proj/src/main.swift", .project),
        ("/home/dev/proj/config.yaml", .project),
        ("/home/dev/proj/.gitignore", .project),
        ("/home/dev/proj/.git/HEAD", .project),
        ("/home/dev/proj/.env.example", .project),
        ("/home/dev/proj/certs/ca-cert.pem", .project),
        ("/home/dev/proj/node_modules/x/index.js", .project),
        ("/home/dev/proj/.vscode/extensions.json", .project),
        ("/home/dev/proj", .project),
        ("/home/dev/other/notes.txt", .other),
        ("/home/dev/Documents", .other),
        ("/workspace/app.py", .other),
        ("/dev/null", .other),
        ("/dev/stdout", .other),
        ("/dev/fd/3", .other),
        ("/dev/urandom", .other),
        ("/tmp/build.log", .temp),
        ("/var/tmp/x", .temp),
        ("/dev/shm/x", .temp),
        ("/private/tmp/x", .temp),
        // Locations.
        ("/", .root),
        ("/*", .root),
        ("/home/dev", .home),
        ("/home/dev/*", .home),
        ("/root", .home),
        ("/home/alice", .home),
        ("/Users/bob", .home),
        ("/home", .home),
        ("/etc", .systemDir),
        ("/etc/*", .systemDir),
        ("/etc/hosts", .systemDir),
        ("/usr/bin/python3", .systemDir),
        ("/opt/tool/bin/x", .systemDir),
        ("/private/etc/hosts", .systemDir),
        ("C:/Windows/System32/drivers/etc/hosts", .systemDir),
        ("/var/log/auth.log", .logs),
        ("/home/dev/.gitconfig", .dotfile),
        ("/home/dev/.config/nvim/init.lua", .dotfile),
        ("/home/dev/.ssh/known_hosts", .dotfile),
        ("/home/dev/.ssh/id_ed25519.pub", .dotfile),
        // Credentials.
        ("/home/dev/.ssh/id_rsa", .credentialStore),
        ("/home/dev/.ssh", .credentialStore),
        ("/home/dev/.ssh/*", .credentialStore),
        ("/home/dev/.ssh/config", .credentialStore),
        ("/home/dev/.aws/credentials", .credentialStore),
        ("/home/dev/.aws/config", .credentialStore),
        ("/home/dev/.config/gcloud/application_default_credentials.json", .credentialStore),
        ("/home/dev/.azure/accessTokens.json", .credentialStore),
        ("/home/dev/.kube/config", .credentialStore),
        ("/home/dev/.docker/config.json", .credentialStore),
        ("/home/dev/.netrc", .credentialStore),
        ("/home/dev/.git-credentials", .credentialStore),
        ("/home/dev/.gnupg/private-keys-v1.d/A.key", .credentialStore),
        ("/home/dev/.password-store/bank.gpg", .credentialStore),
        ("/home/dev/.pgpass", .credentialStore),
        ("/home/dev/.npmrc", .credentialStore),
        ("/home/dev/.pypirc", .credentialStore),
        ("/home/dev/.vault-token", .credentialStore),
        ("/home/dev/.config/gh/hosts.yml", .credentialStore),
        ("/home/dev/proj/.env", .credentialStore),
        ("/home/dev/proj/.env.production", .credentialStore),
        ("/srv/app/prod.env", .credentialStore),
        ("/home/dev/proj/server.key", .credentialStore),
        ("/home/dev/proj/privkey.pem", .credentialStore),
        ("/home/dev/proj/cert.p12", .credentialStore),
        ("/home/dev/proj/terraform.tfstate", .credentialStore),
        ("/mnt/backup/id_rsa", .credentialStore),
        ("/home/dev/.config/google-chrome/Default/Login Data", .credentialStore),
        ("/home/dev/.mozilla/firefox/x.default/logins.json", .credentialStore),
        ("/Users/bob/Library/Keychains/login.keychain-db", .credentialStore),
        ("/etc/ssh/ssh_host_ed25519_key", .credentialStore),
        ("/etc/ssh/ssh_host_ed25519_key.pub", .systemDir),
        ("/proc/self/environ", .credentialStore),
        ("/proc/1/environ", .credentialStore),
        ("/var/run/secrets/kubernetes.io/serviceaccount/token", .credentialStore),
        ("/etc/kubernetes/admin.conf", .credentialStore),
        ("/etc/ssl/private/server.key", .credentialStore),
        // Password databases.
        ("/etc/shadow", .passwordDatabase),
        ("/etc/gshadow", .passwordDatabase),
        ("/etc/passwd", .passwordDatabase),
        ("/etc/master.passwd", .passwordDatabase),
        ("/etc/security/opasswd", .passwordDatabase),
        // Persistence and escalation surfaces.
        ("/home/dev/.bashrc", .shellStartup),
        ("/home/dev/.zshrc", .shellStartup),
        ("/home/dev/.profile", .shellStartup),
        ("/root/.bash_profile", .shellStartup),
        ("/home/dev/.config/fish/config.fish", .shellStartup),
        ("/etc/profile", .shellStartup),
        ("/etc/profile.d/evil.sh", .shellStartup),
        ("/etc/bash.bashrc", .shellStartup),
        ("/etc/environment", .shellStartup),
        ("/home/dev/.ssh/rc", .shellStartup),
        ("/etc/crontab", .scheduler),
        ("/etc/cron.d/job", .scheduler),
        ("/etc/cron.hourly/x", .scheduler),
        ("/var/spool/cron/crontabs/root", .scheduler),
        ("/etc/anacrontab", .scheduler),
        ("/etc/systemd/system/evil.service", .scheduler),
        ("/lib/systemd/system/ssh.service", .scheduler),
        ("/usr/lib/systemd/system/x.service", .scheduler),
        ("/home/dev/.config/systemd/user/x.service", .scheduler),
        ("/etc/init.d/x", .scheduler),
        ("/etc/rc.local", .scheduler),
        ("/Library/LaunchDaemons/com.evil.plist", .scheduler),
        ("/Users/bob/Library/LaunchAgents/com.evil.plist", .scheduler),
        ("/etc/xdg/autostart/x.desktop", .scheduler),
        ("/home/dev/.config/autostart/x.desktop", .scheduler),
        ("/etc/sudoers", .sudoers),
        ("/etc/sudoers.d/dev", .sudoers),
        ("/home/dev/.ssh/authorized_keys", .authorizedKeys),
        ("/root/.ssh/authorized_keys2", .authorizedKeys),
        ("/etc/ld.so.preload", .loaderConfig),
        ("/etc/ld.so.conf.d/x.conf", .loaderConfig),
        ("/etc/pam.d/sshd", .pamConfig),
        ("/lib/x86_64-linux-gnu/security/pam_unix.so", .pamConfig),
        ("/home/dev/proj/.git/hooks/pre-commit", .gitHooks),
        ("/home/dev/proj/.git/config", .gitHooks),
        ("/home/dev/proj/.husky/pre-push", .gitHooks),
        ("/home/dev/proj/.vscode/tasks.json", .agentConfig),
        ("/home/dev/proj/.vscode/settings.json", .agentConfig),
        ("/home/dev/proj/.idea/workspace.xml", .agentConfig),
        ("/home/dev/proj/.claude/settings.local.json", .agentConfig),
        ("/home/dev/.claude/settings.json", .agentConfig),
        ("/home/dev/proj/.cursor/mcp.json", .agentConfig),
        ("/home/dev/proj/.devcontainer/devcontainer.json", .agentConfig),
        ("/home/dev/proj/.mcp.json", .agentConfig),
        ("/home/dev/proj/.github/workflows/ci.yml", .agentConfig),
        ("/home/dev/proj/.envrc", .agentConfig),
        ("/home/dev/.bash_history", .history),
        ("/root/.zsh_history", .history),
        ("/home/dev/.python_history", .history),
        ("/home/dev/.local/share/fish/fish_history", .history),
        // Kernel and devices.
        ("/proc/cpuinfo", .kernelInterface),
        ("/proc/1/mem", .kernelInterface),
        ("/sys/kernel/debug", .kernelInterface),
        ("/dev/tcp/10.0.0.1/4444", .kernelInterface),
        ("/dev/sda", .blockDevice),
        ("/dev/nvme0n1p1", .blockDevice),
        ("/dev/mmcblk0", .blockDevice),
        ("/dev/mem", .blockDevice),
        ("/dev/disk0", .blockDevice),
        ("/dev/xvda1", .blockDevice),
    ])
    func classifiesWithKnownHomeAndCwd(path: String, expected: PathClass) {
        #expect(Self.cls(path) == expected)
    }

    @Test(arguments: [
        ("~", PathClass.home),
        ("~/*", .home),
        ("~/.ssh/id_ed25519", .credentialStore),
        ("~/.ssh/id_*", .credentialStore),
        ("~/.bashrc", .shellStartup),
        ("~/.aws/credentials", .credentialStore),
        ("~/.config/systemd/user/x.service", .scheduler),
        ("~/.something", .dotfile),
        ("~/.*", .dotfile),
        ("~/notes.txt", .other),
        ("/home/*/.ssh/id_rsa", .credentialStore),
        ("src/main.swift", .other),
        (".env", .credentialStore),
        (".git/hooks/post-checkout", .gitHooks),
        ("C:/Users/x/.ssh/id_rsa", .credentialStore),
        ("/Users/Shared/x", .other),
    ])
    func classifiesWithoutHomeOrCwd(path: String, expected: PathClass) {
        #expect(Self.cls(path, home: nil, cwd: nil) == expected)
    }

    @Test(arguments: [
        ("/", "/etc/passwd", PathClass.passwordDatabase),
        ("/", "/srv/app/x", .systemDir),
        ("/home/dev", "/home/dev/notes.txt", .other),
        ("/home/dev", "/home/dev/.gitconfig", .dotfile),
        ("/etc", "/etc/hosts", .systemDir),
        ("/home/dev/.ssh", "/home/dev/.ssh/id_rsa", .credentialStore),
        ("/usr/src/app", "/usr/src/app/index.js", .project),
        ("/opt/service", "/opt/service/main.go", .project),
        ("/var/www/html", "/var/www/html/index.php", .project),
        ("/tmp/build", "/tmp/build/out.o", .project),
        ("/workspace", "/workspace/app.py", .project),
        ("/workspace", "/workspace/.env", .credentialStore),
        ("/workspace", "/workspace/.git/hooks/pre-commit", .gitHooks),
    ])
    func projectOnlyForSafeWorkingDirectories(cwd: String, path: String, expected: PathClass) {
        #expect(Self.cls(path, cwd: cwd) == expected)
    }

    @Test func homeDirectoryOtherThanDefaultsIsRecognised() {
        #expect(PathCatalogue.classify("/data/users/me/.ssh/id_rsa", home: "/data/users/me", cwd: nil) == .credentialStore)
        #expect(PathCatalogue.classify("/data/users/me/.bashrc", home: "/data/users/me", cwd: nil) == .shellStartup)
        #expect(PathCatalogue.classify("/data/users/me", home: "/data/users/me", cwd: nil) == .home)
    }

    @Test(arguments: [
        ("/home/dev/.ssh/id_rsa", true),
        ("/home/dev/.ssh/config", false),
        ("/home/dev/.aws/credentials", true),
        ("/home/dev/.aws/config", false),
        ("/home/dev/proj/.env", false),
        ("/etc/shadow", true),
        ("/etc/passwd", false),
        ("/home/dev/proj/server.key", true),
    ])
    func marksTheMostSensitiveEntries(path: String, critical: Bool) {
        #expect(PathCatalogue.examine(path, home: Self.home, cwd: Self.cwd).critical == critical)
    }
}

@Suite struct WindowsPathCatalogueTests {
    @Test(arguments: [
        ("C:\\Windows\\System32\\config\\SAM", PathClass.passwordDatabase),
        ("C:\\Users\\me\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\x.lnk", .scheduler),
        ("C:\\Users\\me\\.ssh\\id_ed25519", .credentialStore),
        ("C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Login Data", .credentialStore),
        ("C:\\Windows\\System32\\drivers\\etc\\hosts", .systemDir),
        ("C:\\Users\\me\\code\\app\\main.cs", .other),
        ("C:\\", .root),
    ])
    func classifiesWindowsPaths(raw: String, expected: PathClass) {
        let path = PathNormalizer(cwd: nil, home: nil).normalize(raw)
        #expect(PathCatalogue.classify(path, home: nil, cwd: nil) == expected)
    }
}
