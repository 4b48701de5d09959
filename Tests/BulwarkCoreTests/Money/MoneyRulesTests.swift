import Testing
@testable import BulwarkCore

@Suite struct MoneyRulesTests {
    private func rules(_ arguments: JSONValue, threshold: Double = 10_000) -> [Finding] {
        MoneyRules(thresholdUSD: threshold).findings(for: MoneyParser.amounts(in: arguments))
    }

    @Test(arguments: [
        (["amount": 12_000, "currency": "USD"], "money.above_threshold"),
        (["amount": "EUR 9,500"], "money.above_threshold"),
        (["amount_cents": 2_000_000, "currency": "USD"], "money.above_threshold"),
        (["amount": "0.5 BTC"], "money.above_threshold"),
        (["amount": 50_000], "money.unknown_currency"),
        (["amount": 50_000, "currency": "XYZ"], "money.unknown_currency"),
        (["amount": -20], "money.invalid_amount"),
        (["amount": "NaN", "currency": "USD"], "money.invalid_amount"),
        (["amount": "-Infinity"], "money.invalid_amount"),
        (["amount": "10.000000001", "currency": "USD"], "money.invalid_amount"),
        (["amount": 1e18, "currency": "USD"], "money.invalid_amount"),
    ] as [(JSONValue, String)])
    func mustFire(_ arguments: JSONValue, _ rule: String) {
        let found = rules(arguments)
        #expect(found.map(\.rule.rawValue) == [rule], "\(arguments) → \(found.map(\.rule))")
        #expect(found.first?.severity == .medium)
        #expect(found.first?.category == .moneyMovement)
    }

    @Test(arguments: [
        ["amount": 9_999, "currency": "USD"],
        ["amount": 10_000, "currency": "USD"],
        ["amount": "¥1,000,000"],
        ["amount": 5_000],
        ["amount": 0],
        ["amount": "0.00000001 BTC"],
        ["amount_cents": 999_999, "currency": "USD"],
        ["note": "send 1,000,000 USD"],
    ] as [JSONValue])
    func mustNotFire(_ arguments: JSONValue) {
        #expect(rules(arguments).isEmpty)
    }

    @Test func aboveThresholdLandsInReviewNotBlock() {
        let f = rules(["amount": 250_000, "currency": "USD"]).first
        #expect(f?.score == MoneyRules.reviewScore)
        #expect((30..<70).contains(f?.score ?? 0))
    }

    @Test func messageNamesAmountCurrencyUSDAndThreshold() {
        let message = rules(["amount": 20_000, "currency": "EUR"]).first?.message ?? ""
        #expect(message.contains("20,000.00 EUR"))
        #expect(message.contains("≈ $21,600.00 USD"))
        #expect(message.contains("$10,000.00"))
    }

    @Test func thresholdIsConfigurable() {
        #expect(rules(["amount": 600, "currency": "USD"], threshold: 500).map(\.rule) == ["money.above_threshold"])
        #expect(rules(["amount": 600, "currency": "USD"], threshold: 1_000).isEmpty)
        #expect(MoneyRules().thresholdUSD == 10_000)
    }

    @Test func formatsAmountsWithGrouping() {
        #expect(MoneyFormat.string(1_234_567.891) == "1,234,567.89")
        #expect(MoneyFormat.string(-5) == "-5.00")
        #expect(MoneyFormat.string(999) == "999.00")
        #expect(MoneyFormat.string(.nan) == "NaN")
    }
}
