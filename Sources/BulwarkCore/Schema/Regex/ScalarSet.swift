/// A set of Unicode scalars: a character class, an escape such as `\d`, `.`, or a single literal.
struct ScalarSet: Sendable {
    /// One member of a class.
    enum Item: Sendable {
        case range(UInt32, UInt32)
        /// Everything outside these ranges (`\D`, `\W`, `\S`, `.`).
        case outside([ClosedRange<UInt32>])
        /// A Unicode general-category property escape (`\p{L}`), or its complement (`\P{L}`).
        case category([Unicode.GeneralCategory], negated: Bool)
    }

    var items: [Item]
    var negated: Bool

    init(_ items: [Item], negated: Bool = false) {
        self.items = items
        self.negated = negated
    }

    static func scalar(_ value: UInt32) -> ScalarSet { ScalarSet([.range(value, value)]) }

    /// The single literal this set matches, if it is one.
    var singleScalar: UInt32? {
        if !negated, items.count == 1, case .range(let lo, let hi) = items[0], lo == hi { return lo }
        return nil
    }

    func contains(_ value: UInt32) -> Bool {
        var found = false
        for item in items {
            if Self.matches(item, value) { found = true; break }
        }
        return found != negated
    }

    private static func matches(_ item: Item, _ value: UInt32) -> Bool {
        switch item {
        case .range(let lo, let hi):
            return value >= lo && value <= hi
        case .outside(let ranges):
            for r in ranges where r.contains(value) { return false }
            return true
        case .category(let categories, let negated):
            guard let scalar = Unicode.Scalar(value) else { return negated }
            let category = scalar.properties.generalCategory
            return categories.contains(category) != negated
        }
    }

    // MARK: - Standard classes (ECMA-262)

    static let digitRanges: [ClosedRange<UInt32>] = [0x30...0x39]
    static let wordRanges: [ClosedRange<UInt32>] = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
    static let spaceRanges: [ClosedRange<UInt32>] = [
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    static let lineTerminators: [ClosedRange<UInt32>] = [0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]

    static func isWord(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || value == 0x5F
            || (value >= 0x61 && value <= 0x7A)
    }

    /// The items for `\d`, `\w`, `\s` and their complements.
    static func classEscape(_ letter: UInt32) -> Item? {
        switch letter {
        case 0x64: return .outsideOf(complementOf: digitRanges)  // d
        case 0x44: return .outside(digitRanges)  // D
        case 0x77: return .outsideOf(complementOf: wordRanges)  // w
        case 0x57: return .outside(wordRanges)  // W
        case 0x73: return .outsideOf(complementOf: spaceRanges)  // s
        case 0x53: return .outside(spaceRanges)  // S
        default: return nil
        }
    }
}

extension ScalarSet.Item {
    /// A positive item for a list of ranges (a single range stays a `.range`).
    fileprivate static func outsideOf(complementOf ranges: [ClosedRange<UInt32>]) -> ScalarSet.Item {
        if ranges.count == 1 { return .range(ranges[0].lowerBound, ranges[0].upperBound) }
        // Complement of the complement: express as "outside" of the gaps.
        var gaps: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges {
            if r.lowerBound > next { gaps.append(next...(r.lowerBound - 1)) }
            next = r.upperBound + 1
        }
        if next <= 0x10FFFF { gaps.append(next...0x10FFFF) }
        return .outside(gaps)
    }
}
