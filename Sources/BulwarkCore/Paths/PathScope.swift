/// The home and working directory paths are classified against, with what depends on them
/// alone worked out once: whether the working directory is one where a project can live
/// (`PathCatalogue.isEligibleWorkdir`). Classifying a path inside the project asks that
/// question every time, and scripts classify many paths against the same directory.
public struct PathScope: Sendable {
    public let home: String?
    public let cwd: String?
    /// `cwd` made canonical, and whether it is absolute.
    let cwdCanonical: String?
    let cwdAbsolute: Bool
    /// Whether paths below `cwd` count as the project.
    let cwdEligible: Bool

    public init(home: String?, cwd: String?) {
        self.home = home
        self.cwd = cwd
        guard let cwd else {
            (cwdCanonical, cwdAbsolute, cwdEligible) = (nil, false, false)
            return
        }
        let c = PathCatalogue.canonical(cwd)
        let comps = PathComponents.split(c)
        cwdCanonical = c
        cwdAbsolute = c.hasPrefix("/")
        cwdEligible = !comps.isEmpty && PathCatalogue.isEligibleWorkdir(comps, absolute: cwdAbsolute, home: home)
    }
}
