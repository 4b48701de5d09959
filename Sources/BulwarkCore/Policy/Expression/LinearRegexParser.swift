/// Parses the RE2-like subset the matcher supports: literals, `.`, classes `[a-z]` `[^…]`,
/// `\d \w \s` (and their negations), `\A` `\z` `^` `$`, groups `(…)` `(?:…)`, alternation,
/// `* + ? {n} {n,} {n,m}` (a trailing `?` for laziness is accepted: it cannot change whether
/// a pattern matches), and a leading `(?i)` for ASCII case-insensitivity. Everything else —
/// backreferences, lookaround, `\b`, Unicode classes, other flags — is rejected.
struct LinearRegexParser {
    static let maxRepeat = 1000
    static let maxNesting = 64

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var nesting = 0
    private var foldCase = false

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws(LinearRegexError) -> LinearRegexNode {
        if scalars.starts(with: "(?i)".unicodeScalars) {
            foldCase = true
            index = 4
        }
        let node = try alternation()
        if index < scalars.count {
            throw LinearRegexError("unmatched ')'", offset: index)
        }
        return node
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func alternation() throws(LinearRegexError) -> LinearRegexNode {
        var branches = [try concatenation()]
        while peek() == "|" {
            index += 1
            branches.append(try concatenation())
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func concatenation() throws(LinearRegexError) -> LinearRegexNode {
        var items: [LinearRegexNode] = []
        while let c = peek(), c != "|", c != ")" {
            let isGroup = c == "("
            var atom = try self.atom()
            var quantified = false
            while let q = peek(), q == "*" || q == "+" || q == "?" || q == "{" {
                let at = index
                guard let (min, max) = try quantifier() else { break }
                if quantified { throw LinearRegexError("repeated quantifier", offset: at) }
                quantified = true
                if !isGroup {
                    switch atom {
                    case .begin, .end, .empty: throw LinearRegexError("quantifier without an operand", offset: at)
                    default: break
                    }
                }
                atom = .repetition(atom, min: min, max: max)
                if peek() == "?" { index += 1 }
            }
            items.append(atom)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concat(items)
    }

    /// A quantifier at the cursor, or `nil` (cursor unchanged) when a `{` is a literal brace.
    private mutating func quantifier() throws(LinearRegexError) -> (Int, Int?)? {
        let c = peek()!
        switch c {
        case "*": index += 1; return (0, nil)
        case "+": index += 1; return (1, nil)
        case "?": index += 1; return (0, 1)
        default:
            let start = index
            index += 1
            guard let min = number() else { index = start; return nil }
            var max: Int? = min
            if peek() == "," {
                index += 1
                max = peek() == "}" ? nil : number()
                if max == nil && peek() != "}" { index = start; return nil }
            }
            guard peek() == "}" else { index = start; return nil }
            index += 1
            if min > Self.maxRepeat || (max ?? 0) > Self.maxRepeat {
                throw LinearRegexError("repetition count above \(Self.maxRepeat)", offset: start)
            }
            if let max, max < min { throw LinearRegexError("invalid repetition range", offset: start) }
            return (min, max)
        }
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let d = peek(), d >= "0" && d <= "9" {
            value = min(value * 10 + Int(d.value - 48), 100_000)
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : value
    }

    private func literal(_ c: UInt32) -> LinearRegexNode {
        let isLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
        if foldCase, isLetter { return .set(LinearRegexClass([c...c]).caseFolded()) }
        return .scalar(c)
    }

    private mutating func atom() throws(LinearRegexError) -> LinearRegexNode {
        let at = index
        let c = peek()!
        index += 1
        switch c {
        case ".": return .set(.notNewline)
        case "^": return .begin
        case "$": return .end
        case "(":
            if peek() == "?" {
                guard peek(1) == ":" else {
                    throw LinearRegexError("unsupported group syntax '(?' (only '(?:' and a leading '(?i)')", offset: at)
                }
                index += 2
            }
            nesting += 1
            if nesting > Self.maxNesting { throw LinearRegexError("groups nested too deep", offset: at) }
            let inner = try alternation()
            nesting -= 1
            guard peek() == ")" else { throw LinearRegexError("missing ')'", offset: at) }
            index += 1
            return inner
        case "[": return .set(try bracket(at: at))
        case "\\":
            let e = try escape(inClass: false)
            switch e {
            case .scalar(let s): return literal(s)
            case .set(let set): return .set(set)
            case .begin: return .begin
            case .end: return .end
            }
        case "*", "+", "?":
            throw LinearRegexError("quantifier without an operand", offset: at)
        default:
            return literal(c.value)
        }
    }

    private enum Escape {
        case scalar(UInt32), set(LinearRegexClass), begin, end
    }

    private mutating func escape(inClass: Bool) throws(LinearRegexError) -> Escape {
        let at = index - 1
        guard let c = peek() else { throw LinearRegexError("trailing backslash", offset: at) }
        index += 1
        switch c {
        case "d": return .set(.digit)
        case "D": return .set(LinearRegexClass(LinearRegexClass.digit.ranges, negated: true))
        case "w": return .set(.word)
        case "W": return .set(LinearRegexClass(LinearRegexClass.word.ranges, negated: true))
        case "s": return .set(.space)
        case "S": return .set(LinearRegexClass(LinearRegexClass.space.ranges, negated: true))
        case "n": return .scalar(10)
        case "t": return .scalar(9)
        case "r": return .scalar(13)
        case "f": return .scalar(12)
        case "v": return .scalar(11)
        case "A" where !inClass: return .begin
        case "z" where !inClass: return .end
        case "x":
            var value: UInt32 = 0
            if peek() == "{" {
                index += 1
                var digits = 0
                while let d = peek(), let v = d.hexDigitValue {
                    value = min(value &* 16 &+ UInt32(v), 0x11_0000)
                    digits += 1
                    index += 1
                }
                guard digits > 0, peek() == "}" else { throw LinearRegexError("malformed \\x{…} escape", offset: at) }
                index += 1
            } else {
                for _ in 0..<2 {
                    guard let d = peek(), let v = d.hexDigitValue else { throw LinearRegexError("malformed \\x escape", offset: at) }
                    value = value * 16 + UInt32(v)
                    index += 1
                }
            }
            guard Unicode.Scalar(value) != nil else { throw LinearRegexError("escape is not a Unicode scalar", offset: at) }
            return .scalar(value)
        default:
            let isPunctuation = c.isASCII && !(c >= "a" && c <= "z") && !(c >= "A" && c <= "Z") && !(c >= "0" && c <= "9")
                && c.value > 32
            guard isPunctuation else {
                throw LinearRegexError("unsupported escape '\\\(c.escaped(asASCII: true))'", offset: at)
            }
            return .scalar(c.value)
        }
    }

    private mutating func bracket(at: Int) throws(LinearRegexError) -> LinearRegexClass {
        var negated = false
        if peek() == "^" { negated = true; index += 1 }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while true {
            guard let c = peek() else { throw LinearRegexError("missing ']'", offset: at) }
            if c == "]" && !first { index += 1; break }
            first = false
            if c == "[" && peek(1) == ":" { throw LinearRegexError("POSIX classes are not supported", offset: index) }
            index += 1
            var low: UInt32
            if c == "\\" {
                switch try escape(inClass: true) {
                case .scalar(let s): low = s
                case .set(let set):
                    if set.negated {
                        ranges += LinearRegexParser.complement(set.ranges)
                    } else {
                        ranges += set.ranges
                    }
                    continue
                default: throw LinearRegexError("assertion inside a class", offset: index - 2)
                }
            } else {
                low = c.value
            }
            var high = low
            if peek() == "-", let next = peek(1), next != "]" {
                let rangeAt = index
                index += 2
                if next == "\\" {
                    guard case .scalar(let s) = try escape(inClass: true) else {
                        throw LinearRegexError("invalid class range", offset: rangeAt)
                    }
                    high = s
                } else {
                    high = next.value
                }
                guard low <= high else { throw LinearRegexError("invalid class range", offset: rangeAt) }
            }
            ranges.append(low...high)
        }
        let set = LinearRegexClass(ranges, negated: negated)
        return foldCase ? set.caseFolded() : set
    }

    /// The ranges of all scalars not in `ranges`.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if r.lowerBound > next { out.append(next...(r.lowerBound - 1)) }
            next = max(next, r.upperBound &+ 1)
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return out
    }
}
