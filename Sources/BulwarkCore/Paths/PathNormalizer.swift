/// Turns a path as an agent wrote it into one canonical, lexical form.
///
/// Normalization is purely lexical: symbolic links are never resolved (that would need I/O).
/// - `~`, `~/x`, `$HOME`, `${HOME}`, `%USERPROFILE%`, `$env:USERPROFILE` expand to the home
///   directory; when the home directory is unknown the result keeps a literal `~` prefix
///   (`~/x`) so classification can still see it is inside a home.
/// - `~user/x` becomes `/home/user/x` (`~root` is `/root`); `~+` and `$PWD` are the working
///   directory when it is known.
/// - `.` and `..` are resolved lexically and never climb above `/`; `//` collapses; a trailing
///   slash is dropped (except for `/` itself).
/// - Windows paths (`C:\Users\x`, `.\x`, `\\server\share`) get forward slashes; a drive letter
///   is kept, upper-cased (`C:/Users/x`).
/// - Relative paths are made absolute against the working directory when it is known.
/// - `/proc/self/root/…` and `/proc/<pid>/root/…` (aliases of `/`) are unwrapped, and
///   `/proc/self/cwd/…` becomes the working directory when it is known.
public struct PathNormalizer: Sendable {
    /// The working directory, normalized; `nil` when unknown.
    public let cwd: String?
    /// The home directory, normalized; `nil` when unknown.
    public let home: String?

    public init(cwd: String?, home: String?) {
        // Fast path: both already canonical absolute paths (the common case for hook payloads).
        if let cwd, let home, PathNormalizer.isCanonicalAbsolute(cwd), PathNormalizer.isCanonicalAbsolute(home) {
            self.cwd = cwd
            self.home = home
            return
        }
        if let cwd, home == nil, PathNormalizer.isCanonicalAbsolute(cwd) {
            self.cwd = cwd
            self.home = nil
            return
        }
        var h: String? = nil
        if let home, !home.isEmpty {
            let resolved = PathNormalizer.resolve(PathNormalizer.windowsToPosix(home))
            if resolved.hasPrefix("/") || PathNormalizer.hasDrive(resolved) { h = resolved }
        }
        self.home = h
        if let cwd, !cwd.isEmpty {
            let n = PathNormalizer(resolvedHome: h).normalize(cwd)
            self.cwd = n.isEmpty ? nil : n
        } else {
            self.cwd = nil
        }
    }

    private init(resolvedHome: String?) {
        self.home = resolvedHome
        self.cwd = nil
    }

    /// The canonical form of `raw`; an empty or blank input gives an empty string.
    public func normalize(_ raw: String) -> String {
        // Fast path: plain absolute paths and plain relative names need no rewriting.
        if PathNormalizer.isCanonicalAbsolute(raw), !raw.hasPrefix("/proc/") { return raw }
        if let cwd, PathNormalizer.isPlainRelative(raw) { return cwd == "/" ? "/" + raw : cwd + "/" + raw }
        var s = PathNormalizer.trimmed(raw)
        if s.isEmpty { return "" }
        s = PathNormalizer.windowsToPosix(s)
        s = expandPrefix(s)
        if !s.hasPrefix("/") && !s.hasPrefix("~") && !PathNormalizer.hasDrive(s), let cwd {
            s = cwd == "/" ? "/" + s : cwd + "/" + s
        }
        var out = PathNormalizer.resolve(s)
        // Unwrap /proc/<self|pid>/root and /proc/self/cwd aliases; bounded, each pass shortens.
        for _ in 0..<4 {
            guard let next = unwrapProc(out) else { break }
            out = next
        }
        return out
    }

    // MARK: - Prefix expansion

    /// Replaces a leading home or working-directory reference.
    private func expandPrefix(_ s: String) -> String {
        let homeBase = home ?? "~"
        for token in ["${HOME}", "$HOME", "%USERPROFILE%", "$env:USERPROFILE", "$env:HOME", "%HOME%"] {
            if let rest = PathNormalizer.dropToken(token, from: s) { return homeBase + rest }
        }
        if let cwd {
            for token in ["${PWD}", "$PWD", "~+"] {
                if let rest = PathNormalizer.dropToken(token, from: s) { return cwd + rest }
            }
        }
        guard s.hasPrefix("~") else { return s }
        if s == "~" { return homeBase }
        if s.hasPrefix("~/") || s.hasPrefix("~\\") { return homeBase + s.dropFirst() }
        // ~user/rest
        let afterTilde = s.dropFirst()
        let end = afterTilde.firstIndex(where: { $0 == "/" || $0 == "\\" }) ?? afterTilde.endIndex
        let user = afterTilde[afterTilde.startIndex..<end]
        guard PathNormalizer.isUserName(user) else { return s }
        let base = user == "root" ? "/root" : "/home/" + user
        return base + afterTilde[end...]
    }

    /// `rest` when `s` is `token` alone or `token` followed by a separator.
    private static func dropToken(_ token: String, from s: String) -> Substring? {
        guard s.hasPrefix(token) else { return nil }
        let rest = s.dropFirst(token.count)
        if rest.isEmpty || rest.first == "/" || rest.first == "\\" { return rest }
        return nil
    }

    private static func isUserName(_ s: Substring) -> Bool {
        guard !s.isEmpty, s.utf8.count <= 32 else { return false }
        return s.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2A
        }
    }

    // MARK: - /proc aliases

    private func unwrapProc(_ p: String) -> String? {
        guard p.hasPrefix("/proc/") else { return nil }
        let comps = PathComponents.split(p)
        guard comps.count >= 3 else { return nil }
        let who = comps[1]
        guard who == "self" || who == "thread-self" || who.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        let rest = comps.dropFirst(3).joined(separator: "/")
        switch comps[2] {
        case "root":
            return "/" + rest
        case "cwd" where cwd != nil && who != "thread-self":
            guard let cwd else { return nil }
            return PathNormalizer.resolve(rest.isEmpty ? cwd : cwd + "/" + rest)
        default:
            return nil
        }
    }

    // MARK: - Lexical helpers (shared with the catalogue)

    static func trimmed(_ s: String) -> String {
        let u = s.utf8
        guard let first = u.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = u.lastIndex(where: { !isSpace($0) })!
        if first == u.startIndex && last == u.index(before: u.endIndex) { return s }
        return String(s[first...last])
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// `X:` followed by a separator or nothing.
    static func hasDrive(_ s: String) -> Bool {
        let u = Array(s.utf8.prefix(3))
        guard u.count >= 2, u[1] == 0x3A else { return false }
        let c = u[0] | 0x20
        guard c >= 0x61 && c <= 0x7A else { return false }
        return u.count == 2 || u[2] == 0x2F || u[2] == 0x5C
    }

    /// Forward slashes for paths that are evidently Windows paths; other paths are unchanged
    /// (a backslash in a POSIX path is an ordinary character).
    static func windowsToPosix(_ s: String) -> String {
        guard s.utf8.contains(0x5C) else { return s }
        let isWindows =
            hasDrive(s) || s.hasPrefix("\\\\") || s.hasPrefix(".\\") || s.hasPrefix("..\\")
            || s.hasPrefix("~\\") || s.hasPrefix("\\") || !s.utf8.contains(0x2F)
        guard isWindows else { return s }
        var bytes = Array(s.utf8)
        for i in bytes.indices where bytes[i] == 0x5C { bytes[i] = 0x2F }
        if hasDrive(s) { bytes[0] = bytes[0] & ~0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Resolves `.`, `..`, `//` and trailing slashes without touching the filesystem.
    /// `/a/b` with no `.`/`..` segments, no `//`, no trailing slash, no escapes or variables.
    static func isCanonicalAbsolute(_ s: String) -> Bool {
        var previous: UInt8 = 0
        var count = 0
        for b in s.utf8 {
            if count == 0, b != UInt8(ascii: "/") { return false }
            if !isPlainByte(b) { return false }
            if b == UInt8(ascii: "/"), previous == UInt8(ascii: "/") { return false }
            if b == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return false }
            previous = b
            count += 1
        }
        return count == 1 || (count > 1 && previous != UInt8(ascii: "/"))
    }

    /// `name`, `dir/name.ext`: relative, with no `.`/`..` segments, escapes or variables.
    static func isPlainRelative(_ s: String) -> Bool {
        var previous = UInt8(ascii: "/")
        var count = 0
        for b in s.utf8 {
            if !isPlainByte(b) { return false }
            if b == UInt8(ascii: "/"), previous == UInt8(ascii: "/") { return false }
            if b == UInt8(ascii: "."), previous == UInt8(ascii: "/") { return false }
            previous = b
            count += 1
        }
        return count > 0 && previous != UInt8(ascii: "/")
    }

    @inline(__always) static func isPlainByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "@"), UInt8(ascii: ","):
            return true
        default:
            return false
        }
    }

    static func resolve(_ s: String) -> String {
        enum Base { case absolute, drive(Substring), tilde, relative }
        var base = Base.relative
        var body = Substring(s)
        if s.hasPrefix("/") {
            base = .absolute
        } else if s == "~" || s.hasPrefix("~/") {
            base = .tilde
            body = body.dropFirst()
        } else if hasDrive(s) {
            base = .drive(body.prefix(2))
            body = body.dropFirst(2)
        }
        var stack: [Substring] = []
        stack.reserveCapacity(8)
        for comp in PathComponents.split(body) {
            if comp == "." { continue }
            if comp == ".." {
                if let last = stack.last, last != ".." {
                    stack.removeLast()
                    continue
                }
                switch base {
                case .relative: stack.append(comp)
                case .tilde:
                    // Above an unknown home: assume the usual parent, /home.
                    base = .absolute
                    stack = ["home"]
                case .absolute, .drive: break
                }
                continue
            }
            stack.append(comp)
        }
        let joined = stack.joined(separator: "/")
        switch base {
        case .absolute: return "/" + joined
        case .drive(let d): return d.uppercased() + "/" + joined
        case .tilde: return joined.isEmpty ? "~" : "~/" + joined
        case .relative: return joined.isEmpty ? "." : joined
        }
    }
}
