/// How much a destructive or permission-changing operation on a path can reach, smallest first.
public enum BlastRadius: Int, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Temporary files and caches.
    case temp
    /// Files inside the working directory.
    case project
    /// A single ordinary file or directory elsewhere.
    case file
    /// Configuration files in a home directory.
    case dotfiles
    /// A whole home directory.
    case home
    /// A store of credentials (keys, tokens) outside the project.
    case credentialStore
    /// Operating-system files.
    case system
    /// The whole filesystem.
    case root

    public static func < (lhs: BlastRadius, rhs: BlastRadius) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .temp: "temporary files"
        case .project: "files inside the project"
        case .file: "a single file or directory"
        case .dotfiles: "configuration files in the home directory"
        case .home: "the home directory"
        case .credentialStore: "a credential store"
        case .system: "system files"
        case .root: "the whole filesystem"
        }
    }

    /// The radius of an operation on `normalizedPath`.
    ///
    /// Trailing glob components widen the target to the directory's content: `/*` is `root`,
    /// `~/*` is `home`, `~/.*` is `dotfiles`, `/etc/*` is `system`. Without `recursive` and
    /// without a glob, an operation on `/` or on a home directory only touches that one
    /// directory entry and is capped at `system` and `dotfiles` respectively.
    public static func of(_ normalizedPath: String, home: String?, cwd: String?, recursive: Bool) -> BlastRadius {
        of(normalizedPath, in: PathScope(home: home, cwd: cwd), recursive: recursive)
    }

    public static func of(_ normalizedPath: String, in scope: PathScope, recursive: Bool) -> BlastRadius {
        let target = GlobTarget(normalizedPath)
        return of(target, verdict: PathCatalogue.examine(target.directory, in: scope), home: scope.home, recursive: recursive)
    }

    /// The same, with the catalogue's verdict on `target.directory` already at hand (the shell
    /// analyzer memoizes verdicts per path).
    static func of(_ target: GlobTarget, verdict v: PathCatalogue.Verdict, home: String?, recursive: Bool) -> BlastRadius {
        if isCache(target.directory, home: home) { return .temp }
        let wide = recursive || target.globbed
        switch v.pathClass {
        case .root:
            return wide ? .root : .system
        case .home:
            if target.dotGlob { return .dotfiles }
            return wide ? .home : .dotfiles
        case .credentialStore:
            if v.inProject { return .project }
            if PathCatalogue.isTemp(PathComponents.split(PathCatalogue.canonical(target.directory))) {
                return .temp
            }
            return .credentialStore
        case .systemDir:
            return isLocalSoftware(target.directory) ? .file : .system
        case .passwordDatabase, .sudoers, .loaderConfig, .pamConfig, .kernelInterface, .blockDevice, .logs:
            return .system
        case .shellStartup, .scheduler, .authorizedKeys, .history, .gitHooks, .agentConfig:
            if v.inProject { return .project }
            if v.inHome { return .dotfiles }
            let top = PathComponents.split(PathCatalogue.canonical(target.directory)).first
            return top.map { PathCatalogue.systemTopLevel.contains($0) } == true ? .system : .file
        case .dotfile:
            return .dotfiles
        case .project:
            return .project
        case .temp:
            return .temp
        case .other:
            return isMountPoint(target.directory) ? .system : .file
        }
    }

    /// Locally installed software rather than the operating system: one application under
    /// `/opt/<app>`, or an entry inside `/usr/local/<dir>/` (`/usr/local/bin/npm`, not
    /// `/usr/local/bin` itself).
    static func isLocalSoftware(_ path: String) -> Bool {
        let c = PathComponents.split(PathCatalogue.canonical(path))
        guard path.hasPrefix("/") || PathNormalizer.hasDrive(path), let top = c.first else { return false }
        if top == "opt" { return c.count >= 2 }
        return top == "usr" && c.count >= 4 && c[1] == "local"
    }

    /// `/mnt`, `/media`, `/Volumes` and the volumes directly inside them.
    static func isMountPoint(_ path: String) -> Bool {
        let c = PathComponents.split(PathCatalogue.canonical(path))
        guard let top = c.first, path.hasPrefix("/") || PathNormalizer.hasDrive(path), c.count <= 2 else {
            return false
        }
        return top == "mnt" || top == "media" || top == "Volumes"
    }

    /// Caches that tools rebuild: deleting them loses nothing.
    static func isCache(_ path: String, home: String?) -> Bool {
        let c = PathComponents.split(PathCatalogue.canonical(path))
        if c.count >= 2 && c[0] == "var" && c[1] == "cache" { return true }
        if c.count >= 4 && c[0] == "var" && c[1] == "lib" && c[2] == "apt" && c[3] == "lists" { return true }
        guard let d = PathCatalogue.homeDepth(c, absolute: path.hasPrefix("/"), home: home), c.count > d else {
            return false
        }
        let rest = c[d...]
        for cache in cacheDirectories where rest.starts(with: cache) {
            // ~/.cache/huggingface/token is a credential, not a cache entry.
            return !(rest.count > 2 && rest.last == "token")
        }
        return false
    }

    static let cacheDirectories: [[Substring]] = [
        [".cache"], [".npm"], ["Library", "Caches"], [".gradle", "caches"],
        [".cargo", "registry"], [".m2", "repository"], [".local", "share", "Trash"], [".pnpm-store"],
        [".yarn", "cache"], ["go", "pkg", "mod"],
    ]
}
