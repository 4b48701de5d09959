/// Turns findings and context signals into the 0–100 risk and a decision.
///
/// `risk = round(100 · (1 − Π(1 − sᵢ/100)) · m)`, clamped to 0…100, where `sᵢ` are the finding
/// scores and `m` the product of the five context signals (each clamped to 0.5…1.5; 1 = neutral).
/// The function is monotone: adding a finding or raising a score never lowers the risk.
/// Decisions: any critical finding → block; otherwise risk ≥ `block` → block, ≥ `review` → review;
/// a medium or higher policy finding (a policy's `review` outcome) is a floor of review.
public struct Scorer: Sendable {
    public var reviewThreshold: Int
    public var blockThreshold: Int

    public init(reviewThreshold: Int = 30, blockThreshold: Int = 70) {
        self.reviewThreshold = reviewThreshold
        self.blockThreshold = blockThreshold
    }

    public func risk(of findings: [Finding], signals: ContextSignals = .neutral) -> Int {
        guard !findings.isEmpty else { return 0 }
        var clear = 1.0
        for f in findings { clear *= 1 - Double(min(100, max(0, f.score))) / 100 }
        let base = 100 * (1 - clear) * signals.multiplier
        return Int(min(100, max(0, base.rounded())))
    }

    public func decision(risk: Int, findings: [Finding]) -> Decision {
        if findings.contains(where: { $0.severity == .critical }) { return .block }
        if risk >= blockThreshold { return .block }
        if risk >= reviewThreshold { return .review }
        // Policy review outcomes are floors: at least review, whatever the risk.
        if findings.contains(where: { $0.layer == .policy && $0.severity >= .medium }) { return .review }
        return .allow
    }
}
