/// A set of Unicode scalars: sorted ranges, possibly negated.
struct LinearRegexClass: Sendable, Equatable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool

    init(_ ranges: [ClosedRange<UInt32>], negated: Bool = false) {
        self.ranges = ranges
        self.negated = negated
    }

    func contains(_ c: UInt32) -> Bool {
        for r in ranges where r.contains(c) { return !negated }
        return negated
    }

    static let digit = LinearRegexClass([48...57])
    static let word = LinearRegexClass([48...57, 65...90, 95...95, 97...122])
    static let space = LinearRegexClass([9...10, 12...13, 32...32])
    /// `.`: anything but a newline.
    static let notNewline = LinearRegexClass([10...10], negated: true)

    /// The same set with ASCII letters matched in either case.
    func caseFolded() -> LinearRegexClass {
        var out = ranges
        for r in ranges {
            let (lowerFrom, lowerTo) = (max(r.lowerBound, 97), min(r.upperBound, 122))
            if lowerFrom <= lowerTo { out.append((lowerFrom - 32)...(lowerTo - 32)) }
            let (upperFrom, upperTo) = (max(r.lowerBound, 65), min(r.upperBound, 90))
            if upperFrom <= upperTo { out.append((upperFrom + 32)...(upperTo + 32)) }
        }
        return LinearRegexClass(out, negated: negated)
    }
}
