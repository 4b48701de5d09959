extension FileRules {
    // MARK: - Delete

    /// Deletes are judged by blast radius, assuming the worst (recursive) since a file access does
    /// not say whether the target is a directory.
    static func deleteFindings(_ ctx: Context) -> [Finding] {
        let v = ctx.verdict
        switch v.pathClass {
        case .history: return [ctx.finding("file.delete.history", .high, "deletes", .defenseEvasion)]
        case .logs: return [ctx.finding("file.delete.logs", .high, "deletes", .defenseEvasion)]
        default: break
        }
        let target = GlobTarget(ctx.access.path)
        let comps = PathComponents.split(PathCatalogue.canonical(target.directory))
        if !target.globbed, comps.last == ".git" {
            return [ctx.finding("file.delete.git_dir", .medium, "deletes the repository history in", .destructiveGit)]
        }
        let radius = BlastRadius.of(ctx.access.path, in: ctx.scope, recursive: true)
        let verb = "deletes \(radius.description):"
        switch radius {
        case .root:
            return [ctx.finding("file.delete.root", .critical, verb, .destructiveFS)]
        case .system:
            let targetClass = PathCatalogue.examine(target.directory, in: ctx.scope).pathClass
            let sensitive: Set<PathClass> = [.passwordDatabase, .sudoers, .pamConfig, .loaderConfig, .blockDevice]
            let severity: Severity =
                sensitive.contains(targetClass) || comps.count <= 2 || comps.first == "boot"
                ? .critical : comps.count == 3 ? .high : .medium
            return [ctx.finding("file.delete.system", severity, verb, .destructiveFS)]
        case .home:
            return [ctx.finding("file.delete.home", .critical, verb, .destructiveFS)]
        case .credentialStore:
            return [ctx.finding("file.delete.credential", .critical, verb, .destructiveFS)]
        case .dotfiles:
            let broad = target.globbed || isBroadDotDirectory(target.directory, home: ctx.home)
            return [ctx.finding("file.delete.dotfiles", broad ? .high : .medium, verb, .destructiveFS)]
        case .file:
            let topLevel = comps.count == 1 && target.directory.hasPrefix("/")
            guard topLevel else { return [] }
            return [ctx.finding("file.delete.toplevel", .medium, "deletes a top-level directory:", .destructiveFS)]
        case .project:
            guard let cwd = ctx.cwd else { return [] }
            let whole = PathCatalogue.canonical(target.directory) == PathCatalogue.canonical(cwd)
            return whole ? [ctx.finding("file.delete.project_root", .low, "deletes the whole working directory:", .destructiveFS)] : []
        case .temp:
            return []
        }
    }

    /// `~/.config`, `~/.local`, `~/.ssh`-like directories holding many settings at once.
    static func isBroadDotDirectory(_ path: String, home: String?) -> Bool {
        let c = PathComponents.split(PathCatalogue.canonical(path))
        guard let d = PathCatalogue.homeDepth(c, absolute: path.hasPrefix("/"), home: home), c.count == d + 1 else {
            return false
        }
        return [".config", ".local", ".ssh", ".gnupg", ".aws", ".kube", ".docker"].contains(c[d])
    }

    // MARK: - Permission

    /// Like deletes, permission changes assume the worst (`-R`).
    static func permissionFindings(_ ctx: Context) -> [Finding] {
        switch ctx.verdict.pathClass {
        case .passwordDatabase, .sudoers, .pamConfig, .loaderConfig:
            return [ctx.finding("file.permission.sensitive", .high, "changes permissions of", .privilegeEscalation)]
        case .history:
            return [ctx.finding("file.permission.history", .medium, "changes permissions of", .defenseEvasion)]
        case .blockDevice:
            return [ctx.finding("file.permission.system", .high, "changes permissions of", .privilegeEscalation)]
        default:
            break
        }
        let target = GlobTarget(ctx.access.path)
        let radius = BlastRadius.of(ctx.access.path, in: ctx.scope, recursive: true)
        let verb = "changes permissions of \(radius.description):"
        switch radius {
        case .root:
            return [ctx.finding("file.permission.root", .critical, verb, .privilegeEscalation)]
        case .system:
            if isLocalInstall(target.directory) { return [] }
            let depth = PathComponents.split(PathCatalogue.canonical(target.directory)).count
            let severity: Severity = depth <= 2 ? .high : .medium
            return [ctx.finding("file.permission.system", severity, verb, .privilegeEscalation)]
        case .home:
            return [ctx.finding("file.permission.home", .high, verb, .privilegeEscalation)]
        default:
            return []
        }
    }
}
