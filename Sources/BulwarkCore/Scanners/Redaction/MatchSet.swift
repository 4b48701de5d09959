/// Orders matches and drops the ones wholly inside another match of the same kind.
enum MatchSet {
    static func normalized(_ matches: [ContentMatch]) -> [ContentMatch] {
        guard matches.count > 1 else { return matches }
        let sorted = matches.sorted {
            if $0.range.lowerBound != $1.range.lowerBound { return $0.range.lowerBound < $1.range.lowerBound }
            if $0.range.upperBound != $1.range.upperBound { return $0.range.upperBound > $1.range.upperBound }
            return $0.confidence > $1.confidence
        }
        var out: [ContentMatch] = []
        out.reserveCapacity(sorted.count)
        var coverEnd = -1
        for match in sorted {
            // Sorted by start, longest first: a match ending inside the furthest end seen is covered.
            if match.range.upperBound <= coverEnd { continue }
            out.append(match)
            coverEnd = max(coverEnd, match.range.upperBound)
        }
        return out
    }
}
