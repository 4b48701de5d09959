/// A recursive-descent parser for the ECMA-262 pattern subset used by JSON Schema.
///
/// Accepted: literals, `.`, classes (`[a-z]`, `[^…]`), `\d \w \s \D \W \S \b \B`, `\p{…}` general
/// categories, anchors `^ $`, groups `( )`, `(?: )`, `(?<name> )`, alternation, and the quantifiers
/// `* + ? {n} {n,} {n,m}` with their lazy forms. Backreferences and lookaround are refused as
/// `.unsupported`. Nesting depth is bounded.
struct RegexParser {
    private let scalars: [UInt32]
    private var index = 0
    private var depth = 0
    static let maxDepth = 64
    static let maxCount = 100_000

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
    }

    static func parse(_ pattern: String) throws(RegexError) -> RegexNode {
        var parser = RegexParser(pattern)
        let node = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            throw RegexError(.syntax, "unmatched ')'", at: parser.index)
        }
        return node
    }

    // MARK: - Structure

    private var peek: UInt32? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> UInt32? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func parseAlternation() throws(RegexError) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth { throw RegexError(.tooLarge, "groups nested too deeply", at: index) }
        var branches = [try parseConcat()]
        while peek == 0x7C {  // |
            index += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws(RegexError) -> RegexNode {
        var terms: [RegexNode] = []
        while let c = peek, c != 0x7C, c != 0x29 {  // | )
            terms.append(try parseTerm())
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .concat(terms)
        }
    }

    private mutating func parseTerm() throws(RegexError) -> RegexNode {
        let start = index
        let (atom, quantifiable) = try parseAtom()
        guard let (min, max) = try parseQuantifier() else { return atom }
        if !quantifiable { throw RegexError(.syntax, "nothing to repeat", at: start) }
        return .repetition(atom, min: min, max: max)
    }

    /// A quantifier after an atom, if any; the lazy `?` suffix is accepted and ignored.
    private mutating func parseQuantifier() throws(RegexError) -> (Int, Int?)? {
        let result: (Int, Int?)
        switch peek {
        case 0x2A: index += 1; result = (0, nil)  // *
        case 0x2B: index += 1; result = (1, nil)  // +
        case 0x3F: index += 1; result = (0, 1)  // ?
        case 0x7B:  // {
            guard let (braced, length) = bracedQuantifier(at: index) else { return nil }
            index += length
            result = braced
            if let max = result.1, max < result.0 {
                throw RegexError(.syntax, "numbers out of order in {} quantifier", at: index)
            }
        default: return nil
        }
        if peek == 0x3F { index += 1 }
        return result
    }

    /// `{n}`, `{n,}` or `{n,m}` at `start`, with its length; nil when the brace is a literal.
    private func bracedQuantifier(at start: Int) -> ((Int, Int?), Int)? {
        var i = start + 1
        func number() -> Int? {
            var value = 0
            let from = i
            while i < scalars.count, scalars[i] >= 0x30, scalars[i] <= 0x39 {
                value = Swift.min(value * 10 + Int(scalars[i] - 0x30), Self.maxCount + 1)
                i += 1
            }
            return i > from ? value : nil
        }
        guard let min = number() else { return nil }
        var max: Int? = min
        if i < scalars.count, scalars[i] == 0x2C {  // ,
            i += 1
            max = number()
        }
        guard i < scalars.count, scalars[i] == 0x7D else { return nil }
        return ((min, max), i + 1 - start)
    }

    private mutating func parseAtom() throws(RegexError) -> (RegexNode, Bool) {
        let start = index
        let c = scalars[index]
        index += 1
        switch c {
        case 0x5E: return (.inputStart, false)  // ^
        case 0x24: return (.inputEnd, false)  // $
        case 0x2E: return (.set(ScalarSet([.outside(ScalarSet.lineTerminators)])), true)  // .
        case 0x28: return (try parseGroup(start: start), true)  // (
        case 0x5B: return (.set(try parseClass()), true)  // [
        case 0x2A, 0x2B, 0x3F: throw RegexError(.syntax, "nothing to repeat", at: start)
        case 0x7B where bracedQuantifier(at: start) != nil:
            throw RegexError(.syntax, "nothing to repeat", at: start)
        case 0x5C:  // backslash
            guard let next = peek else { throw RegexError(.syntax, "\\ at end of pattern", at: start) }
            if next == 0x62 || next == 0x42 {  // \b \B
                index += 1
                return (.wordBoundary(negated: next == 0x42), false)
            }
            switch try parseEscape(inClass: false) {
            case .scalar(let value): return (.set(.scalar(value)), true)
            case .item(let item): return (.set(ScalarSet([item])), true)
            }
        default:
            return (.set(.scalar(c)), true)
        }
    }

    private mutating func parseGroup(start: Int) throws(RegexError) -> RegexNode {
        if peek == 0x3F {  // ?
            switch peek(1) {
            case 0x3A: index += 2  // (?:
            case 0x3D, 0x21: throw RegexError(.unsupported, "lookahead is not supported", at: start)
            case 0x3C:  // (?<
                if peek(2) == 0x3D || peek(2) == 0x21 {
                    throw RegexError(.unsupported, "lookbehind is not supported", at: start)
                }
                index += 2
                while let c = peek, c != 0x3E {
                    guard c == 0x5F || c == 0x24 || ScalarSet.isWord(c) || c > 0x7F else {
                        throw RegexError(.syntax, "invalid group name", at: index)
                    }
                    index += 1
                }
                guard peek == 0x3E, index > start + 3 else { throw RegexError(.syntax, "invalid group name", at: index) }
                index += 1
            default: throw RegexError(.syntax, "invalid group", at: start)
            }
        }
        let inner = try parseAlternation()
        guard peek == 0x29 else { throw RegexError(.syntax, "unterminated group", at: start) }
        index += 1
        return inner
    }

    // MARK: - Classes and escapes

    private enum Escape { case scalar(UInt32), item(ScalarSet.Item) }

    private mutating func parseClass() throws(RegexError) -> ScalarSet {
        let start = index - 1
        var negated = false
        if peek == 0x5E { negated = true; index += 1 }
        var items: [ScalarSet.Item] = []
        while true {
            guard let c = peek else { throw RegexError(.syntax, "unterminated character class", at: start) }
            if c == 0x5D { index += 1; break }  // ]
            let first = try parseClassAtom()
            if peek == 0x2D, let after = peek(1), after != 0x5D {  // a-z
                index += 1
                let second = try parseClassAtom()
                if case .scalar(let lo) = first, case .scalar(let hi) = second {
                    guard lo <= hi else { throw RegexError(.syntax, "range out of order in character class", at: index) }
                    items.append(.range(lo, hi))
                    continue
                }
                items.append(Self.item(first))
                items.append(.range(0x2D, 0x2D))
                items.append(Self.item(second))
                continue
            }
            items.append(Self.item(first))
        }
        return ScalarSet(items, negated: negated)
    }

    private static func item(_ escape: Escape) -> ScalarSet.Item {
        switch escape {
        case .scalar(let v): return .range(v, v)
        case .item(let item): return item
        }
    }

    private mutating func parseClassAtom() throws(RegexError) -> Escape {
        let c = scalars[index]
        index += 1
        guard c == 0x5C else { return .scalar(c) }
        guard let next = peek else { throw RegexError(.syntax, "\\ at end of pattern", at: index - 1) }
        if next == 0x62 { index += 1; return .scalar(0x08) }  // [\b] is backspace
        if next == 0x2D { index += 1; return .scalar(0x2D) }
        if next == 0x42 { throw RegexError(.syntax, "\\B in a character class", at: index - 1) }
        return try parseEscape(inClass: true)
    }

    /// The escape after a backslash (`index` points just past the backslash).
    private mutating func parseEscape(inClass: Bool) throws(RegexError) -> Escape {
        let start = index - 1
        let c = scalars[index]
        index += 1
        if let item = ScalarSet.classEscape(c) { return .item(item) }
        switch c {
        case 0x74: return .scalar(0x09)  // t
        case 0x6E: return .scalar(0x0A)  // n
        case 0x72: return .scalar(0x0D)  // r
        case 0x76: return .scalar(0x0B)  // v
        case 0x66: return .scalar(0x0C)  // f
        case 0x30:  // \0
            if let d = peek, d >= 0x30, d <= 0x39 {
                throw RegexError(.unsupported, "octal escapes are not supported", at: start)
            }
            return .scalar(0)
        case 0x31...0x39:
            throw RegexError(.unsupported, "backreferences are not supported", at: start)
        case 0x6B where peek == 0x3C:  // \k<name>
            throw RegexError(.unsupported, "named backreferences are not supported", at: start)
        case 0x63:  // \cX
            if let l = peek, (l >= 0x41 && l <= 0x5A) || (l >= 0x61 && l <= 0x7A) {
                index += 1
                return .scalar(l % 32)
            }
            index -= 1
            return .scalar(0x5C)  // Annex B: a lone backslash
        case 0x78:  // \xHH
            if let v = hex(count: 2) { return .scalar(v) }
            return .scalar(c)
        case 0x75:  // \uHHHH, \u{H…}
            if peek == 0x7B {
                var i = index + 1
                var value: UInt32 = 0
                while i < scalars.count, let d = Self.hexDigit(scalars[i]) {
                    value = Swift.min(value &* 16 &+ d, 0x110000)
                    i += 1
                }
                guard i < scalars.count, scalars[i] == 0x7D, i > index + 1, value <= 0x10FFFF else {
                    throw RegexError(.syntax, "invalid \\u{} escape", at: start)
                }
                index = i + 1
                return .scalar(value)
            }
            guard let high = hex(count: 4) else { return .scalar(c) }
            if high >= 0xD800, high <= 0xDBFF, peek == 0x5C, peek(1) == 0x75 {
                let save = index
                index += 2
                if let low = hex(count: 4), low >= 0xDC00, low <= 0xDFFF {
                    return .scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                }
                index = save
            }
            return .scalar(high)
        case 0x70, 0x50:  // \p{…} \P{…}
            guard peek == 0x7B else { return .scalar(c) }
            var i = index + 1
            var name = ""
            while i < scalars.count, scalars[i] != 0x7D {
                name.unicodeScalars.append(Unicode.Scalar(scalars[i]) ?? "?")
                i += 1
            }
            guard i < scalars.count else { throw RegexError(.syntax, "unterminated \\p{}", at: start) }
            guard let categories = UnicodePropertyNames.categories(name) else {
                throw RegexError(.unsupported, "Unicode property \(name) is not supported", at: start)
            }
            index = i + 1
            return .item(.category(categories, negated: c == 0x50))
        default:
            return .scalar(c)  // identity escape
        }
    }

    private mutating func hex(count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for k in 0..<count {
            guard let d = Self.hexDigit(scalars[index + k]) else { return nil }
            value = value * 16 + d
        }
        index += count
        return value
    }

    private static func hexDigit(_ c: UInt32) -> UInt32? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
