/// A wildcard pattern for tool names, hosts and paths.
///
/// - Tool names and hosts: `*` matches any run of characters, `?` one character. A host pattern
///   `*.github.com` matches subdomains (`api.github.com`) but not the bare domain.
/// - Paths (`isPath`): matched segment by segment; `*` and `?` stay within a segment and `**`
///   matches any number of whole segments (`~/.ssh/**`, `**/.env`).
///
/// Matching uses single-star backtracking per segment and per `**`, which is linear in practice and
/// bounded by the product of pattern and text sizes in the worst case (patterns are short).
public struct GlobPattern: Sendable, Equatable, CustomStringConvertible {
    public let source: String
    let isPath: Bool
    let segments: [[UInt8]]

    public init(_ source: String, isPath: Bool = false) {
        self.source = source
        self.isPath = isPath
        self.segments = isPath ? source.utf8.split(separator: UInt8(ascii: "/")).map(Array.init) : [Array(source.utf8)]
    }

    public var description: String { source }

    public func matches(_ text: String) -> Bool {
        if !isPath { return Self.matchSegment(segments[0], Array(text.utf8)[...]) }
        let parts = text.utf8.split(separator: UInt8(ascii: "/")).map { Array($0)[...] }
        return Self.matchSegments(segments[...], parts[...])
    }

    /// Host patterns compare case-insensitively; `*.example.com` needs at least one more label.
    public func matchesHost(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if source.hasPrefix("*."), !source.dropFirst(2).contains("*") {
            let suffix = source.dropFirst(1).lowercased()
            return lowered.hasSuffix(suffix) && lowered.count > suffix.count
        }
        return Self.matchSegment(Array(source.lowercased().utf8), Array(lowered.utf8)[...])
    }

    static func matchSegments(_ pattern: ArraySlice<[UInt8]>, _ text: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        let globstar: [UInt8] = [UInt8(ascii: "*"), UInt8(ascii: "*")]
        return starMatch(Array(pattern), Array(text), isStar: { $0 == globstar }, matches: { p, t in matchSegment(p, t) })
    }

    static func matchSegment(_ pattern: [UInt8], _ text: ArraySlice<UInt8>) -> Bool {
        starMatch(pattern, Array(text), isStar: { $0 == UInt8(ascii: "*") }, matches: { p, t in p == UInt8(ascii: "?") || p == t })
    }

    /// Wildcard matching with one backtrack point: `isStar` elements match any run of text
    /// elements, others must satisfy `matches`. Used for bytes within a segment and for path
    /// segments (where the star is `**`).
    static func starMatch<P, T>(_ pattern: [P], _ text: [T], isStar: (P) -> Bool, matches: (P, T) -> Bool) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = -1
        while t < text.count {
            if p < pattern.count, isStar(pattern[p]) {
                starP = p + 1
                starT = t
                p += 1
                continue
            }
            if p < pattern.count, matches(pattern[p], text[t]) {
                p += 1
                t += 1
                continue
            }
            if starP >= 0 {
                starT += 1
                t = starT
                p = starP
                continue
            }
            return false
        }
        while p < pattern.count, isStar(pattern[p]) { p += 1 }
        return p == pattern.count
    }
}
