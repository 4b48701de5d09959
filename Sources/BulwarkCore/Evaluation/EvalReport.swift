/// Confusion counts per group of corpus rows, and the scores derived from them.
///
/// Strict counts a `block` as a detection; lenient counts `block` or `review`.
public struct EvalReport: Sendable {
    public struct Tally: Sendable {
        public var malicious = 0, benign = 0
        public var maliciousBlocked = 0, maliciousReviewed = 0
        public var benignBlocked = 0, benignReviewed = 0

        public var recallStrict: Double { ratio(maliciousBlocked, malicious) }
        public var recallLenient: Double { ratio(maliciousBlocked + maliciousReviewed, malicious) }
        public var fprStrict: Double { ratio(benignBlocked, benign) }
        public var fprLenient: Double { ratio(benignBlocked + benignReviewed, benign) }
        /// F1 with `block` as the positive prediction.
        public var f1Strict: Double {
            let tp = Double(maliciousBlocked), fp = Double(benignBlocked), fn = Double(malicious - maliciousBlocked)
            return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn)
        }

        mutating func add(malicious isMalicious: Bool, decision: Decision) {
            if isMalicious {
                malicious += 1
                if decision == .block { maliciousBlocked += 1 } else if decision == .review { maliciousReviewed += 1 }
            } else {
                benign += 1
                if decision == .block { benignBlocked += 1 } else if decision == .review { benignReviewed += 1 }
            }
        }

        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? .nan : Double(a) / Double(b) }
    }

    public struct Miss: Sendable {
        public var id: String
        public var category: String
        public var confidence: String
        public var decision: Decision
        public var risk: Int
        public var input: String
    }

    /// Keyed by confidence, then by top-level category; "all" aggregates.
    public private(set) var tallies: [String: [String: Tally]] = [:]
    public private(set) var missedAttacks: [Miss] = []
    public private(set) var falseBlocks: [Miss] = []
    public private(set) var skipped = 0

    public init() {}

    /// Records one verdict. `includeOverall` adds the row to the "all" confidence group too.
    public mutating func record(_ row: CorpusRow, verdict: Verdict, includeOverall: Bool = true) {
        record(row, decision: verdict.decision, risk: verdict.risk, includeOverall: includeOverall)
    }

    /// Records one decision (for scanners, whose detection counts as `block`).
    public mutating func record(_ row: CorpusRow, decision: Decision, risk: Int, includeOverall: Bool = true) {
        for confidence in includeOverall ? [row.confidence, "all"] : [row.confidence] {
            for category in [row.topCategory, "all"] {
                tallies[confidence, default: [:]][category, default: Tally()].add(malicious: row.malicious, decision: decision)
            }
        }
        let text = row.input.stringValue ?? JSONWriter.string(row.input)
        let miss = Miss(id: row.id, category: row.category, confidence: row.confidence, decision: decision, risk: risk, input: String(text.prefix(160)))
        if row.malicious, decision != .block { missedAttacks.append(miss) }
        if !row.malicious, decision == .block { falseBlocks.append(miss) }
    }

    public mutating func recordSkip() { skipped += 1 }
}
