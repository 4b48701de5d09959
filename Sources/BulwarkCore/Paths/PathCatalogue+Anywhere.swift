extension PathCatalogue {
    /// Specific classes decided by names, wherever they are: `.git/hooks`, `.vscode/tasks.json`,
    /// `.ssh/id_rsa`, `*.pem`, `.env`, `.bash_history`, browser login stores…
    static func anywhereClass(_ c: [Substring], homeDepth: Int?) -> Verdict? {
        guard let base = c.last else { return nil }
        if let v = sshDirectoryClass(c) { return v }
        // Python runs these at every interpreter start: a persistence hook like a shell rc file.
        if base == "sitecustomize.py" || base == "usercustomize.py" || (base.hasSuffix(".pth") && c.contains(where: { $0 == "site-packages" || $0 == "dist-packages" })) {
            return Verdict(pathClass: .shellStartup)
        }
        for i in c.indices where c[i].utf8.first == 0x2E {
            let next: Substring? = i + 1 < c.count ? c[i + 1] : nil
            switch c[i] {
            case ".git":
                if next == "hooks" || (next == "config" && i + 2 == c.count) {
                    return Verdict(pathClass: .gitHooks)
                }
            case ".husky", ".githooks":
                return Verdict(pathClass: .gitHooks)
            case ".vscode":
                if let next, ["tasks.json", "settings.json", "launch.json", "mcp.json"].contains(next) {
                    return Verdict(pathClass: .agentConfig)
                }
            case ".idea":
                if next == "workspace.xml" || next == "runConfigurations" { return Verdict(pathClass: .agentConfig) }
            case ".claude":
                if next == ".credentials.json" { return Verdict(pathClass: .credentialStore, critical: true) }
                if let next, next == "hooks" || (next.hasPrefix("settings") && next.hasSuffix(".json")) {
                    return Verdict(pathClass: .agentConfig)
                }
            case ".cursor", ".devcontainer":
                return Verdict(pathClass: .agentConfig)
            case ".github":
                if next == "workflows" { return Verdict(pathClass: .agentConfig) }
            case ".gemini":
                if next == "settings.json" { return Verdict(pathClass: .agentConfig) }
            case ".codex":
                if next == "config.toml" { return Verdict(pathClass: .agentConfig) }
                if next == "auth.json" { return Verdict(pathClass: .credentialStore, critical: true) }
            case ".continue":
                if let next, next.hasPrefix("config.") { return Verdict(pathClass: .agentConfig) }
            default:
                break
            }
        }
        if base == ".mcp.json" || base == ".envrc" { return Verdict(pathClass: .agentConfig) }
        if historyNames.contains(base) { return Verdict(pathClass: .history) }
        if let v = credentialByName(c, base: base) { return v }
        return nil
    }

    /// Everything under a `.ssh` directory, and the directory itself.
    static func sshDirectoryClass(_ c: [Substring]) -> Verdict? {
        guard let i = c.lastIndex(of: ".ssh") else { return nil }
        if i == c.count - 1 { return Verdict(pathClass: .credentialStore, critical: true) }
        let f = c[i + 1]
        if f.hasPrefix("authorized_keys") { return Verdict(pathClass: .authorizedKeys) }
        if f == "rc" || f == "environment" { return Verdict(pathClass: .shellStartup) }
        if f.hasPrefix("known_hosts") || f.hasSuffix(".pub") { return Verdict(pathClass: .dotfile) }
        if f == "config" || f.hasPrefix("config.") || f == "config.d" { return Verdict(pathClass: .credentialStore) }
        return Verdict(pathClass: .credentialStore, critical: true)
    }

    static let historyNames: Set<Substring> = [
        ".bash_history", ".zsh_history", ".zhistory", ".sh_history", ".ksh_history", ".history",
        ".histfile", ".python_history", ".node_repl_history", ".mysql_history", ".psql_history",
        ".sqlite_history", ".irb_history", ".pry_history", ".rediscli_history", ".lesshst",
        ".viminfo", ".scala_history", ".dbshell", ".mongosh_history", "fish_history",
        "ConsoleHost_history.txt", ".Rhistory", ".julia_history",
    ]

    /// Files whose name alone says they hold secrets.
    static func credentialByName(_ c: [Substring], base: Substring) -> Verdict? {
        let critical = Verdict(pathClass: .credentialStore, critical: true)
        let secret = Verdict(pathClass: .credentialStore)
        switch base {
        case ".netrc", "_netrc", ".git-credentials", ".pgpass", ".vault-token", "wallet.dat":
            return critical
        case ".htpasswd", "credentials.json", "client_secret.json", "secrets.yml", "secrets.yaml",
            "secrets.json", "kubeconfig", "terraform.tfstate", "terraform.tfstate.backup", "keystore.json":
            return secret
        default:
            break
        }
        for key in ["id_rsa", "id_dsa", "id_ecdsa", "id_ed25519"] where base.hasPrefix(key) {
            return base.hasSuffix(".pub") ? nil : critical
        }
        if base.hasPrefix("client_secret") && base.hasSuffix(".json") { return secret }
        if base.hasPrefix("service-account") && base.hasSuffix(".json") { return secret }
        if let v = browserStore(c, base: base) { return v }
        if let dot = base.lastIndex(of: ".") {
            let ext = base[base.index(after: dot)...]
            switch ext {
            case "key", "ppk", "p12", "pfx", "keytab", "kdbx", "keychain", "keychain-db", "p8":
                return critical
            case "jks", "keystore", "tfstate":
                return secret
            case "pem":
                if isPublicPEM(base) { return nil }
                return base.contains("priv") || base.contains("key") ? critical : secret
            case "backup" where base.hasSuffix(".tfstate.backup"):
                return secret
            default:
                break
            }
        }
        if isEnvFile(base) { return secret }
        return nil
    }

    /// Certificate bundles and public keys, which are not secrets.
    static func isPublicPEM(_ base: Substring) -> Bool {
        for marker in ["cert", "chain", "bundle", "public", "pubkey", ".pub.", "ca.pem", "ca-", "_ca"]
        where base.contains(marker) {
            return true
        }
        return false
    }

    /// `.env`, `.env.production`, `prod.env`; not `.env.example` and other templates.
    static func isEnvFile(_ base: Substring) -> Bool {
        let isEnv = base == ".env" || base.hasPrefix(".env.") || (base.hasSuffix(".env") && base.utf8.count > 4)
        guard isEnv else { return false }
        for marker in ["example", "sample", "template", "dist", "default", "schema", "tpl", "test"]
        where base.contains(marker) {
            return false
        }
        return true
    }

    static let browserMarkers: Set<Substring> = [
        "google-chrome", "chromium", "Chrome", "BraveSoftware", "Microsoft Edge", "microsoft-edge",
        "Firefox", "firefox", ".mozilla", "Vivaldi", "vivaldi", "Opera", "opera", "Safari",
        "com.apple.Safari",
    ]
    static let browserFiles: Set<Substring> = [
        "Login Data", "Login Data For Account", "Cookies", "Cookies.binarycookies", "Web Data",
        "Local State", "logins.json", "key4.db", "key3.db", "cookies.sqlite", "signons.sqlite",
    ]

    static func browserStore(_ c: [Substring], base: Substring) -> Verdict? {
        guard browserFiles.contains(base), c.contains(where: { browserMarkers.contains($0) }) else { return nil }
        return Verdict(pathClass: .credentialStore, critical: true)
    }
}
