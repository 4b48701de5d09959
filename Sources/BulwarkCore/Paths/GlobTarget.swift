/// A path split into the directory an operation reaches and whether a trailing glob widened it.
struct GlobTarget {
    var directory: String
    var globbed = false
    var dotGlob = false

    init(_ path: String) {
        var p = Substring(path)
        while let slash = p.lastIndex(of: "/") {
            let last = p[p.index(after: slash)...]
            guard GlobTarget.isPureGlob(last) else { break }
            if last.hasPrefix(".") { dotGlob = true }
            globbed = true
            p = p[..<slash]
        }
        if globbed && p.isEmpty { p = "/" }
        if globbed && PathNormalizer.hasDrive(String(p)) && p.utf8.count == 2 { p += "/" }
        directory = String(p)
        if !globbed, !path.utf8.contains(0x2F), GlobTarget.isPureGlob(Substring(path)) {
            // A bare `*` relative to an unknown directory: the content of that directory.
            globbed = true
            dotGlob = path.hasPrefix(".")
        }
    }

    /// A component such as `*`, `**`, `.*`, `*.*` or `?*` that names no particular entry.
    static func isPureGlob(_ s: Substring) -> Bool {
        var wildcard = false
        for b in s.utf8 {
            switch b {
            case 0x2A, 0x3F, 0x5B: wildcard = true  // * ? [
            case 0x5D, 0x2E: break  // ] .
            default: return false
            }
        }
        return wildcard
    }
}
