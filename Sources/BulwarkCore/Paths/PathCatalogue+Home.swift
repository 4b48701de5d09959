extension PathCatalogue {
    /// A path pattern relative to a home directory; matches the named entry and everything below.
    struct HomeEntry: Sendable {
        var components: [Substring]
        var pathClass: PathClass
        var critical: Bool = false

        init(_ path: String, _ pathClass: PathClass, critical: Bool = false) {
            self.components = PathComponents.split(path)
            self.pathClass = pathClass
            self.critical = critical
        }
    }

    /// Specific classes for `rest`, the components below a home directory. First match wins.
    static func homeClass(_ rest: ArraySlice<Substring>) -> Verdict? {
        guard let first = rest.first else { return nil }
        if rest.count == 1, shellStartupNames.contains(first) { return Verdict(pathClass: .shellStartup) }
        if isLoginWindowList(rest) { return Verdict(pathClass: .scheduler) }
        for entry in homeEntriesByFirst[first] ?? [] where rest.starts(with: entry.components) {
            return Verdict(pathClass: entry.pathClass, critical: entry.critical)
        }
        return nil
    }

    /// macOS login lists: `Library/Preferences[/ByHost]/com.apple.loginwindow[.UUID].plist`
    /// (login hooks and the applications reopened at login).
    static func isLoginWindowList(_ rest: ArraySlice<Substring>) -> Bool {
        guard rest.count == 3 || rest.count == 4, rest.first == "Library", rest[rest.startIndex + 1] == "Preferences",
            let name = rest.last, name.hasPrefix("com.apple.loginwindow")
        else { return false }
        return rest.count == 3 || rest[rest.startIndex + 2] == "ByHost"
    }

    /// `homeEntries` grouped by first component, order preserved.
    static let homeEntriesByFirst: [Substring: [HomeEntry]] = Dictionary(
        grouping: homeEntries, by: { $0.components.first ?? "" })

    static let shellStartupNames: Set<Substring> = [
        ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".bash_aliases", ".profile",
        ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".zlogout", ".cshrc", ".tcshrc", ".login",
        ".logout", ".kshrc", ".mkshrc", ".xinitrc", ".xprofile", ".xsession", ".xsessionrc",
        ".pam_environment", ".inputrc", ".shrc",
    ]

    static let homeEntries: [HomeEntry] = [
        // Shell startup beyond the top-level names.
        HomeEntry(".config/fish", .shellStartup),
        HomeEntry(".config/powershell", .shellStartup),
        HomeEntry(".oh-my-zsh/custom", .shellStartup),
        // Schedulers and autostart.
        HomeEntry(".config/systemd", .scheduler),
        HomeEntry(".local/share/systemd", .scheduler),
        HomeEntry(".config/autostart", .scheduler),
        HomeEntry("Library/LaunchAgents", .scheduler),
        HomeEntry("Library/Application Support/com.apple.backgroundtaskmanagementagent", .scheduler),
        HomeEntry("AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Startup", .scheduler),
        HomeEntry("Documents/WindowsPowerShell/Microsoft.PowerShell_profile.ps1", .shellStartup),
        HomeEntry("Documents/PowerShell/Microsoft.PowerShell_profile.ps1", .shellStartup),
        // Agent and editor configuration in the home directory.
        HomeEntry(".claude.json", .agentConfig),
        HomeEntry(".config/Code/User/settings.json", .agentConfig),
        HomeEntry(".config/Code/User/tasks.json", .agentConfig),
        HomeEntry("Library/Application Support/Code/User/settings.json", .agentConfig),
        HomeEntry("Library/Application Support/Code/User/tasks.json", .agentConfig),
        // Credentials: most valuable first.
        HomeEntry(".aws/credentials", .credentialStore, critical: true),
        HomeEntry(".aws/sso", .credentialStore, critical: true),
        HomeEntry(".aws/cli", .credentialStore, critical: true),
        HomeEntry(".aws", .credentialStore),
        HomeEntry(".config/gcloud/credentials.db", .credentialStore, critical: true),
        HomeEntry(".config/gcloud/access_tokens.db", .credentialStore, critical: true),
        HomeEntry(".config/gcloud/application_default_credentials.json", .credentialStore, critical: true),
        HomeEntry(".config/gcloud/legacy_credentials", .credentialStore, critical: true),
        HomeEntry(".config/gcloud", .credentialStore),
        HomeEntry(".azure/accessTokens.json", .credentialStore, critical: true),
        HomeEntry(".azure/msal_token_cache.json", .credentialStore, critical: true),
        HomeEntry(".azure/msal_token_cache.bin", .credentialStore, critical: true),
        HomeEntry(".azure", .credentialStore),
        HomeEntry(".kube/config", .credentialStore),
        HomeEntry(".docker/config.json", .credentialStore),
        HomeEntry(".gnupg/private-keys-v1.d", .credentialStore, critical: true),
        HomeEntry(".gnupg/secring.gpg", .credentialStore, critical: true),
        HomeEntry(".gnupg", .credentialStore),
        HomeEntry(".password-store", .credentialStore, critical: true),
        HomeEntry(".local/share/keyrings", .credentialStore, critical: true),
        HomeEntry(".config/gh/hosts.yml", .credentialStore, critical: true),
        HomeEntry(".config/hub", .credentialStore, critical: true),
        HomeEntry(".config/github-copilot", .credentialStore, critical: true),
        HomeEntry(".terraform.d/credentials.tfrc.json", .credentialStore, critical: true),
        HomeEntry(".cargo/credentials", .credentialStore, critical: true),
        HomeEntry(".cargo/credentials.toml", .credentialStore, critical: true),
        HomeEntry(".gem/credentials", .credentialStore, critical: true),
        HomeEntry(".huggingface/token", .credentialStore, critical: true),
        HomeEntry(".cache/huggingface/token", .credentialStore, critical: true),
        HomeEntry(".ethereum/keystore", .credentialStore, critical: true),
        HomeEntry(".config/solana", .credentialStore, critical: true),
        HomeEntry(".electrum", .credentialStore, critical: true),
        HomeEntry("Library/Keychains", .credentialStore, critical: true),
        HomeEntry("Library/Cookies", .credentialStore, critical: true),
        HomeEntry(".npmrc", .credentialStore),
        HomeEntry(".pypirc", .credentialStore),
        HomeEntry(".my.cnf", .credentialStore),
        HomeEntry(".s3cfg", .credentialStore),
        HomeEntry(".boto", .credentialStore),
        HomeEntry(".databrickscfg", .credentialStore),
        HomeEntry(".gradle/gradle.properties", .credentialStore),
        HomeEntry(".m2/settings.xml", .credentialStore),
        HomeEntry(".config/op", .credentialStore),
        HomeEntry(".config/rclone/rclone.conf", .credentialStore),
        HomeEntry(".oci", .credentialStore),
        HomeEntry(".config/doctl", .credentialStore),
        HomeEntry(".kaggle/kaggle.json", .credentialStore),
        HomeEntry(".composer/auth.json", .credentialStore),
        HomeEntry(".config/composer/auth.json", .credentialStore),
    ]
}
