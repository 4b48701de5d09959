/// What a normalized path is, from the point of view of an attacker. The most specific class wins:
/// `~/.ssh/authorized_keys` is `authorizedKeys`, not `dotfile` nor `home`.
public enum PathClass: String, Sendable, CaseIterable {
    /// `/` itself.
    case root
    /// `/etc`, `/usr`, `/bin`, `/sbin`, `/lib*`, `/boot`, `/opt`, `/var`, `/srv`, `/run`, macOS
    /// `/System` and `/Library`, Windows system folders, and their contents.
    case systemDir = "system_dir"
    /// A home directory itself (`~`, `/root`, `/home/<user>`, `/Users/<user>`) or `/home`.
    case home
    /// Secrets at rest: SSH private keys, cloud and registry credentials, `.env` files, key and
    /// keystore files, GnuPG, password stores, browser login stores, keychains, host keys,
    /// Kubernetes and container secrets, `/proc/<pid>/environ`, Terraform state.
    case credentialStore = "credential_store"
    /// `/etc/shadow`, `/etc/gshadow`, `/etc/passwd`, `/etc/group`, `/etc/master.passwd`,
    /// `/etc/security/opasswd`.
    case passwordDatabase = "password_database"
    /// Files a shell runs when it starts: `~/.bashrc`, `~/.profile`, `~/.zshrc`, fish config,
    /// `/etc/profile(.d)`, `/etc/bash.bashrc`, `/etc/zsh/*`, `/etc/environment`, `/etc/skel`.
    case shellStartup = "shell_startup"
    /// cron, at, anacron, systemd units, init scripts, launchd, XDG autostart, udev rules, motd.
    case scheduler
    /// `/etc/sudoers`, `/etc/sudoers.d/*`, `/etc/doas.conf`.
    case sudoers
    /// `~/.ssh/authorized_keys*`, `/etc/ssh/authorized_keys/*`.
    case authorizedKeys = "authorized_keys"
    /// `/etc/ld.so.preload`, `/etc/ld.so.conf*`, `/etc/ld.so.cache`.
    case loaderConfig = "loader_config"
    /// `/etc/pam.d/*`, `/etc/pam.conf`, `/etc/security/*`, PAM modules.
    case pamConfig = "pam_config"
    /// `.git/hooks/*`, `.git/config` (hooksPath, fsmonitor), `.husky/*`, `.githooks/*`.
    case gitHooks = "git_hooks"
    /// Editor and agent files that run code or configure tools: `.vscode/tasks.json`,
    /// `.vscode/settings.json`, `.vscode/launch.json`, `.idea/workspace.xml`,
    /// `.claude/settings*.json`, `.cursor/*`, `.devcontainer/*`, `.mcp.json`,
    /// `.github/workflows/*`, `.envrc`.
    case agentConfig = "agent_config"
    /// Shell and REPL history files.
    case history
    /// Any other entry whose name starts with a dot directly in a home directory (and below it).
    case dotfile
    /// `/proc`, `/sys`, `/dev` (except harmless devices such as `/dev/null`).
    case kernelInterface = "kernel_interface"
    /// Disks and raw memory: `/dev/sd*`, `/dev/nvme*`, `/dev/mem`, `/dev/disk*`, …
    case blockDevice = "block_device"
    /// `/var/log` and below.
    case logs
    /// `/tmp`, `/var/tmp`, `/dev/shm` and below.
    case temp
    /// Inside the working directory, when it is known and is not itself a dangerous location.
    case project
    /// Anything else.
    case other
}
