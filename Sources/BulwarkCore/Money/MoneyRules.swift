/// Rules over monetary amounts. Rule ids are stable:
///
/// | rule | fires on | severity |
/// |---|---|---|
/// | `money.above_threshold` | USD equivalent above `thresholdUSD` | medium, score 45 (review, not block) |
/// | `money.unknown_currency` | no currency or no known rate, and the number itself is above the threshold | medium, score 45 |
/// | `money.invalid_amount` | negative, NaN, infinite, absurdly large (> 1e15) or absurdly precise amounts | medium |
///
/// Amounts at or below the threshold raise nothing.
public struct MoneyRules: Sendable {
    /// Amounts whose USD equivalent is above this ask for review.
    public var thresholdUSD: Double = 10_000

    /// Rules with a review threshold in US dollars (default 10,000).
    public init(thresholdUSD: Double = 10_000) {
        self.thresholdUSD = thresholdUSD
    }

    /// Score of the threshold findings: above the review line (30), below the block line (70).
    public static let reviewScore = 45
    /// More decimal places than the currency's minor unit plus this many is not a real amount.
    public static let extraPrecisionAllowed = 4
    /// Amounts above this (in major units) are not real payments.
    public static let absurdAmount = 1e15

    /// One finding per amount that is invalid, above the threshold, or large in an unknown currency.
    public func findings(for amounts: [MoneyAmount]) -> [Finding] {
        var out: [Finding] = []
        for a in amounts {
            let where_ = a.path.isEmpty ? "" : " at \(a.path)"
            let currencyName = a.currency.isEmpty ? "(no currency)" : a.currency
            if let problem = invalidity(of: a) {
                out.append(Finding(
                    layer: .impact, rule: "money.invalid_amount", severity: .medium,
                    message: "Amount '\(a.raw)'\(where_) is \(problem)", evidence: a.raw, category: .moneyMovement
                ))
                continue
            }
            if let usd = a.usdEquivalent {
                guard usd > thresholdUSD else { continue }
                out.append(Finding(
                    layer: .impact, rule: "money.above_threshold", severity: .medium, score: Self.reviewScore,
                    message: "Amount \(MoneyFormat.string(a.amount)) \(currencyName) (≈ $\(MoneyFormat.string(usd)) USD)\(where_) "
                        + "is above the review threshold of $\(MoneyFormat.string(thresholdUSD)) USD",
                    evidence: a.raw, category: .moneyMovement
                ))
            } else if a.amount.magnitude > thresholdUSD {
                let why = a.currency.isEmpty ? "has no currency" : "is in \(a.currency), which has no known USD rate"
                out.append(Finding(
                    layer: .impact, rule: "money.unknown_currency", severity: .medium, score: Self.reviewScore,
                    message: "Amount \(MoneyFormat.string(a.amount))\(where_) \(why); as a number it is above the "
                        + "review threshold of \(MoneyFormat.string(thresholdUSD))",
                    evidence: a.raw, category: .moneyMovement
                ))
            }
        }
        return out
    }

    private func invalidity(of a: MoneyAmount) -> String? {
        if a.amount.isNaN { return "not a number" }
        if a.amount.isInfinite { return "infinite" }
        if a.amount < 0 { return "negative" }
        if a.amount.magnitude > Self.absurdAmount { return "absurdly large" }
        let exponent = CurrencyTable.approximate.minorUnitExponent(for: a.currency)
        if a.fractionDigits > exponent + Self.extraPrecisionAllowed {
            return "absurdly precise (\(a.fractionDigits) decimal places)"
        }
        return nil
    }
}
