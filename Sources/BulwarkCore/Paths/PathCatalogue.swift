/// Classifies normalized paths (see `PathNormalizer`) into `PathClass`es.
///
/// Matching works on path components, never on a regular expression over the whole path.
/// Homes are recognised from the given home directory, a literal `~` prefix, `/root`,
/// `/home/<user>`, `/Users/<user>` and `/var/root`; a Windows drive letter and macOS `/private`
/// are ignored. A trailing `*` or `**` component means "the content of" and classifies as the
/// directory itself (`/etc/*` is `systemDir`, `~/*` is `home`).
public enum PathCatalogue {
    /// The most specific class of `normalizedPath`.
    public static func classify(_ normalizedPath: String, home: String?, cwd: String?) -> PathClass {
        examine(normalizedPath, home: home, cwd: cwd).pathClass
    }

    /// A class plus whether the path is of the most sensitive kind within it: a private key or a
    /// live cloud token for `credentialStore`, password hashes for `passwordDatabase`, process
    /// memory for `kernelInterface`.
    struct Verdict: Equatable {
        var pathClass: PathClass
        var critical: Bool = false
        /// Inside the (eligible) working directory.
        var inProject: Bool = false
        /// Below a home directory (but not the home directory itself).
        var inHome: Bool = false
    }

    static func examine(_ normalizedPath: String, home: String?, cwd: String?) -> Verdict {
        examine(normalizedPath, in: PathScope(home: home, cwd: cwd))
    }

    static func examine(_ normalizedPath: String, in scope: PathScope) -> Verdict {
        let home = scope.home
        let p = canonical(normalizedPath)
        var comps = PathComponents.split(p)
        while let last = comps.last, last == "*" || last == "**" { comps.removeLast() }
        let absolute = p.hasPrefix("/")
        if p.isEmpty { return Verdict(pathClass: .other) }
        if absolute && comps.isEmpty { return Verdict(pathClass: .root) }

        let homeDepth = homeDepth(comps, absolute: absolute, home: home)
        let inProject = isInProject(comps, absolute: absolute, scope: scope)
        var v = specificClass(comps, absolute: absolute, homeDepth: homeDepth)
            ?? genericClass(comps, absolute: absolute, homeDepth: homeDepth, inProject: inProject)
        v.inProject = inProject
        if let d = homeDepth, comps.count > d { v.inHome = true }
        return v
    }

    /// Classes that win over `project`.
    static func specificClass(_ comps: [Substring], absolute: Bool, homeDepth: Int?) -> Verdict? {
        if absolute, let v = systemClass(comps) { return v }
        if let v = anywhereClass(comps, homeDepth: homeDepth) { return v }
        if let d = homeDepth, comps.count > d, let v = homeClass(comps[d...]) { return v }
        return nil
    }

    /// Classes that `project` overrides.
    static func genericClass(
        _ comps: [Substring], absolute: Bool, homeDepth: Int?, inProject: Bool
    ) -> Verdict {
        if inProject { return Verdict(pathClass: .project) }
        if let d = homeDepth {
            if comps.count == d { return Verdict(pathClass: .home) }
            return Verdict(pathClass: comps[d].hasPrefix(".") ? .dotfile : .other)
        }
        guard absolute, let top = comps.first else { return Verdict(pathClass: .other) }
        if isTemp(comps) { return Verdict(pathClass: .temp) }
        if comps.count == 1 && (top == "home" || top == "Users") { return Verdict(pathClass: .home) }
        if systemTopLevel.contains(top) { return Verdict(pathClass: .systemDir) }
        return Verdict(pathClass: .other)
    }

    static let systemTopLevel: Set<Substring> = [
        "etc", "usr", "bin", "sbin", "lib", "lib32", "lib64", "libx32", "boot", "opt", "var", "srv",
        "run", "snap", "nix", "System", "Library", "Applications", "Windows", "Program Files",
        "Program Files (x86)", "ProgramData",
    ]

    static func isTemp(_ comps: [Substring]) -> Bool {
        guard let top = comps.first else { return false }
        if top == "tmp" { return true }
        guard comps.count >= 2 else { return false }
        return (top == "var" && (comps[1] == "tmp" || comps[1] == "folders"))
            || (top == "dev" && comps[1] == "shm")
    }

    // MARK: - Canonical form

    /// Drops a Windows drive letter and the macOS `/private` prefix.
    static func canonical(_ path: String) -> String {
        var p = path
        if PathNormalizer.hasDrive(p) {
            p = String(p.dropFirst(2))
            if p.isEmpty { p = "/" }
        }
        if p.hasPrefix("/private/") {
            for top in ["/private/etc", "/private/var", "/private/tmp"]
            where p == top || p.hasPrefix(top + "/") {
                return String(p.dropFirst(8))
            }
        }
        return p
    }

    // MARK: - Homes

    /// How many leading components name a home directory, or `nil` outside any home.
    static func homeDepth(_ comps: [Substring], absolute: Bool, home: String?) -> Int? {
        if let home {
            let h = canonical(home)
            if h != "/" && h.hasPrefix("/") == absolute || h.hasPrefix("~"),
                let n = componentPrefixLength(comps, of: h), n > 0 {
                return n
            }
        }
        guard let top = comps.first else { return nil }
        if !absolute { return top == "~" ? 1 : nil }
        switch top {
        case "root": return 1
        case "home" where comps.count >= 2: return 2
        case "Users" where comps.count >= 2 && comps[1] != "Shared": return 2
        case "var" where comps.count >= 2 && comps[1] == "root": return 2
        default: return nil
        }
    }

    /// The number of components of `dir` when they are a prefix of `comps`; compares in place,
    /// without splitting `dir` into a new array.
    static func componentPrefixLength(_ comps: [Substring], of dir: String) -> Int? {
        let u = dir.utf8
        var i = u.startIndex
        var k = 0
        while i < u.endIndex {
            if u[i] == 0x2F {
                i = u.index(after: i)
                continue
            }
            var j = i
            while j < u.endIndex && u[j] != 0x2F { j = u.index(after: j) }
            guard k < comps.count, comps[k] == dir[i..<j] else { return nil }
            k += 1
            i = j
        }
        return k
    }

    // MARK: - Project

    /// Inside the working directory, when that directory is a reasonable place to work in.
    /// Whether the path lies inside the working directory and that directory can hold a project.
    static func isInProject(_ comps: [Substring], absolute: Bool, scope: PathScope) -> Bool {
        guard scope.cwdEligible, let c = scope.cwdCanonical else { return false }
        guard scope.cwdAbsolute == absolute || c.hasPrefix("~") else { return false }
        guard let n = componentPrefixLength(comps, of: c), n > 0 else { return false }
        return true
    }

    static func isEligibleWorkdir(_ cc: [Substring], absolute: Bool, home: String?) -> Bool {
        let hd = homeDepth(cc, absolute: absolute, home: home)
        if specificClass(cc, absolute: absolute, homeDepth: hd) != nil { return false }
        switch genericClass(cc, absolute: absolute, homeDepth: hd, inProject: false).pathClass {
        case .other, .temp, .dotfile: return true
        case .systemDir: return isServiceWorkdir(cc)
        default: return false
        }
    }

    /// System locations where applications are commonly developed or deployed.
    static func isServiceWorkdir(_ cc: [Substring]) -> Bool {
        guard cc.count >= 2 else { return false }
        switch cc[0] {
        case "opt", "srv": return true
        case "var": return cc[1] == "www" || (cc[1] == "lib" && cc.count >= 5 && cc[2] == "jenkins" && cc[3] == "workspace")
        case "usr":
            if cc[1] == "src" { return cc.count >= 3 }
            return cc[1] == "local" && cc.count >= 4 && cc[2] == "src"
        default: return false
        }
    }
}
