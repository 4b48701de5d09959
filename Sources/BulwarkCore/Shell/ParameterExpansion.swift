/// The bash parameter operations that rewrite a variable's value: `${x:+word}`, pattern removal
/// (`${x#p}`, `${x##p}`, `${x%p}`, `${x%%p}`), substitution (`${x/p/r}`, `${x//p/r}`, `${x/#p/r}`,
/// `${x/%p/r}`) and case changes (`${x^}`, `${x,}`, `${x^^}`, `${x,,}`).
///
/// They matter because they build command names out of sight of a text match
/// (`c=rmX; ${c/X/} -rf ~`). Patterns may use `*` and `?`; anything else the analyzer cannot
/// evaluate exactly (bracket classes, quotes, nested expansions) leaves the value unknown.
enum ParameterExpansion {
    /// Glob patterns are matched against values of at most this many bytes: removal tries every
    /// prefix or suffix length (cost bounded by the square), substitution every span (the cube).
    /// Command names built this way are short; longer values stay unknown.
    static let maxGlobValueBytes = 64
    static let maxGlobSubstituteBytes = 16

    /// The value of `${name<modifier>}`, or nil when it cannot be known. `value` is the
    /// variable's value, nil when the variable is not known to the analyzer.
    static func apply(_ modifier: String, to value: String?) -> String? {
        let m = Array(modifier.utf8)
        guard let op = m.first else { return value }
        // `${x:+word}` / `${x+word}`: an unknown variable is taken as set, so the word is judged.
        if op == UInt8(ascii: "+") || (op == UInt8(ascii: ":") && m.count > 1 && m[1] == UInt8(ascii: "+")) {
            let word = String(decoding: m[(op == UInt8(ascii: "+") ? 1 : 2)...], as: UTF8.self)
            guard isPlain(word) else { return nil }
            guard let value else { return word }
            return op == UInt8(ascii: ":") && value.isEmpty ? "" : word
        }
        guard let value else { return nil }
        switch op {
        case UInt8(ascii: "#"), UInt8(ascii: "%"):
            let longest = m.count > 1 && m[1] == op
            let pattern = Array(m[(longest ? 2 : 1)...])
            guard isPlain(pattern) else { return nil }
            return remove(pattern, from: value, prefix: op == UInt8(ascii: "#"), longest: longest)
        case UInt8(ascii: "/"):
            return substitute(Array(m.dropFirst()), in: value)
        case UInt8(ascii: "^"), UInt8(ascii: ","):
            let all = m.count > 1 && m[1] == op
            guard m.count == (all ? 2 : 1) else { return nil }  // a pattern after the operator
            let change: (String) -> String = op == UInt8(ascii: "^") ? { $0.uppercased() } : { $0.lowercased() }
            guard !all, let first = value.first else { return change(value) }
            return change(String(first)) + value.dropFirst()
        default:
            return nil
        }
    }

    /// Text the analyzer can take literally: no quotes, escapes, expansions or bracket classes.
    static func isPlain<S: Sequence>(_ text: S) -> Bool where S.Element == UInt8 {
        !text.contains { c in
            c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") || c == UInt8(ascii: "$")
                || c == UInt8(ascii: "`") || c == UInt8(ascii: "[")
        }
    }

    static func isPlain(_ text: String) -> Bool { isPlain(text.utf8) }

    static func hasGlob(_ pattern: [UInt8]) -> Bool {
        pattern.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    static func matches(_ pattern: [UInt8], _ text: ArraySlice<UInt8>) -> Bool {
        GlobPattern.starMatch(pattern, Array(text), isStar: { $0 == UInt8(ascii: "*") }, matches: { p, t in p == UInt8(ascii: "?") || p == t })
    }

    /// `${x#p}`, `${x##p}` (`prefix`), `${x%p}`, `${x%%p}`: the shortest or longest match removed.
    static func remove(_ pattern: [UInt8], from value: String, prefix: Bool, longest: Bool) -> String? {
        let v = Array(value.utf8)
        if !hasGlob(pattern) {
            if prefix, v.starts(with: pattern) { return String(decoding: v[pattern.count...], as: UTF8.self) }
            if !prefix, v.count >= pattern.count, v[(v.count - pattern.count)...].elementsEqual(pattern) {
                return String(decoding: v[..<(v.count - pattern.count)], as: UTF8.self)
            }
            return value
        }
        guard v.count <= maxGlobValueBytes else { return nil }
        let lengths = longest ? Array((0...v.count).reversed()) : Array(0...v.count)
        for n in lengths {
            let part = prefix ? v[..<n] : v[(v.count - n)...]
            if matches(pattern, part) {
                return String(decoding: prefix ? v[n...] : v[..<(v.count - n)], as: UTF8.self)
            }
        }
        return value
    }

    /// `${x/p/r}` (first match), `${x//p/r}` (every match), `${x/#p/r}` (at the start),
    /// `${x/%p/r}` (at the end). `spec` is the text after the first `/`. Literal patterns only
    /// when replacing every match; glob patterns replace the longest match, as bash does.
    static func substitute(_ spec: [UInt8], in value: String) -> String? {
        var spec = spec[...]
        var mode = UInt8(0)
        if let first = spec.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "#") || first == UInt8(ascii: "%") {
            mode = first
            spec = spec.dropFirst()
        }
        let slash = spec.firstIndex(of: UInt8(ascii: "/"))
        let pattern = Array(spec[..<(slash ?? spec.endIndex)])
        let replacement = slash.map { Array(spec[($0 + 1)...]) } ?? []
        guard !pattern.isEmpty, isPlain(pattern), isPlain(replacement) else { return nil }
        let v = Array(value.utf8)
        switch mode {
        case UInt8(ascii: "#"):
            guard let stripped = remove(pattern, from: value, prefix: true, longest: true) else { return nil }
            return stripped.utf8.count == v.count ? value : String(decoding: replacement, as: UTF8.self) + stripped
        case UInt8(ascii: "%"):
            guard let stripped = remove(pattern, from: value, prefix: false, longest: true) else { return nil }
            return stripped.utf8.count == v.count ? value : stripped + String(decoding: replacement, as: UTF8.self)
        default:
            if !hasGlob(pattern) { return replaceLiteral(pattern, with: replacement, in: v, all: mode == UInt8(ascii: "/")) }
            guard mode == 0, v.count <= maxGlobSubstituteBytes else { return nil }
            // The first position with a match, replacing the longest match there.
            for start in 0..<v.count {
                for end in stride(from: v.count, to: start, by: -1) where matches(pattern, v[start..<end]) {
                    return String(decoding: v[..<start] + replacement + v[end...], as: UTF8.self)
                }
            }
            return value
        }
    }

    static func replaceLiteral(_ pattern: [UInt8], with replacement: [UInt8], in v: [UInt8], all: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = 0
        var replaced = false
        while i < v.count {
            if !(replaced && !all), i + pattern.count <= v.count, v[i..<(i + pattern.count)].elementsEqual(pattern) {
                out.append(contentsOf: replacement)
                i += pattern.count
                replaced = true
                continue
            }
            out.append(v[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
