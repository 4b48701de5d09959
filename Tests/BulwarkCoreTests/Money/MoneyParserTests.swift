import Testing
@testable import BulwarkCore

@Suite struct MoneyParserTests {
    private func one(_ arguments: JSONValue) -> MoneyAmount? {
        let found = MoneyParser.amounts(in: arguments)
        #expect(found.count == 1, "\(arguments) → \(found)")
        return found.first
    }

    @Test(arguments: [
        ("USD 12,000", 12_000.0, "USD"),
        ("$12,000.50", 12_000.5, "USD"),
        ("12.000,50 €", 12_000.5, "EUR"),
        ("12 000,50 EUR", 12_000.5, "EUR"),
        ("€5k", 5_000, "EUR"),
        ("5K eur", 5_000, "EUR"),
        ("1.2e4", 12_000, ""),
        ("1e4", 10_000, ""),
        ("2 million USD", 2_000_000, "USD"),
        ("£1.5m", 1_500_000, "GBP"),
        ("1_000_000", 1_000_000, ""),
        ("1,00,000 INR", 100_000, "INR"),
        ("¥500000", 500_000, "JPY"),
        ("0.5 BTC", 0.5, "BTC"),
        ("12,5", 12.5, ""),
        ("12,000", 12_000, ""),
        ("1.000.000", 1_000_000, ""),
        ("-$250", -250, "USD"),
        ("(500) USD", -500, "USD"),
        ("100 dollars", 100, "USD"),
        ("CHF 9'999.95", 9_999.95, "CHF"),
        ("US$ 20", 20, "USD"),
        (".5", 0.5, ""),
    ])
    func readsAmountsWrittenAsText(_ text: String, _ amount: Double, _ currency: String) {
        let a = one(["amount": .string(text)])
        #expect(a?.amount == amount)
        #expect(a?.currency == currency)
        #expect(a?.raw == text)
    }

    @Test(arguments: ["pending", "1,2,3", "12.5%", "2024-01-15", "$5 EUR", "abc123", "", "1e", "1.2.3",
                      String(repeating: "9", count: 100)])
    func textThatIsNotAnAmountIsIgnored(_ text: String) {
        #expect(MoneyParser.amounts(in: ["amount": .string(text)]).isEmpty)
    }

    @Test(arguments: [
        (["amount": 12_000, "currency": "usd"], 12_000.0, "USD"),
        (["payment_amount": 500, "currency_code": "EUR"], 500, "EUR"),
        (["transferAmount": 7, "ccy": "GBP"], 7, "GBP"),
        (["total": 99.5, "cur": "CHF"], 99.5, "CHF"),
        (["price": "19.99", "currency": "€"], 19.99, "EUR"),
        (["amount_usd": 250], 250, "USD"),
        (["priceInEur": 10], 10, "EUR"),
    ] as [(JSONValue, Double, String)])
    func takesTheCurrencyFromASiblingOrTheKey(_ arguments: JSONValue, _ amount: Double, _ currency: String) {
        let a = one(arguments)
        #expect(a?.amount == amount)
        #expect(a?.currency == currency)
    }

    @Test(arguments: [
        (["amount_cents": 1_234_500, "currency": "USD"], 12_345.0),
        (["amountInCents": 250, "currency": "EUR"], 2.5),
        (["cents": 100], 1),
        (["minor_units": 5_000, "currency": "JPY"], 5_000),
        (["amount_minor": 12_345, "currency": "KWD"], 12.345),
        (["amount_minor": 150_000_000, "currency": "BTC"], 1.5),
    ] as [(JSONValue, Double)])
    func dividesMinorUnitsByTheCurrencyExponent(_ arguments: JSONValue, _ amount: Double) {
        #expect(one(arguments)?.amount == amount)
    }

    @Test func findsAmountsInNestedObjectsAndArrays() {
        let args: JSONValue = [
            "payments": [
                ["amount": 100, "currency": "USD"],
                ["amount": 200, "currency": "EUR"],
            ],
            "transfer": ["amount": ["value": "300.00", "currency_code": "GBP"]],
        ]
        let found = MoneyParser.amounts(in: args)
        #expect(found.map(\.amount) == [100, 200, 300])
        #expect(found.map(\.currency) == ["USD", "EUR", "GBP"])
        #expect(found.map(\.path) == ["/payments/0/amount", "/payments/1/amount", "/transfer/amount/value"])
    }

    @Test func readsGoogleMoney() {
        let a = one(["price": ["currency_code": "USD", "units": 12, "nanos": 500_000_000]])
        #expect(a?.amount == 12.5)
        #expect(a?.currency == "USD")
    }

    @Test(arguments: [
        ["value": 50_000],
        ["total": 3, "items": 4],
        ["count": 100_000],
        ["sum": "42"],
        ["id": 12_345, "timestamp": 1_700_000_000],
        ["description": "Pay $50,000 now"],
    ] as [JSONValue])
    func genericKeysNeedCurrencyEvidence(_ arguments: JSONValue) {
        #expect(MoneyParser.amounts(in: arguments).isEmpty)
    }

    @Test func genericKeyWithEmbeddedCurrencyCounts() {
        #expect(one(["value": "EUR 20,000"])?.currency == "EUR")
    }

    @Test func keepsNegativeAndNonFiniteAmountsForTheRules() {
        #expect(one(["amount": -500])?.amount == -500)
        #expect(one(["amount": "NaN"])?.amount.isNaN == true)
        #expect(one(["amount": "Infinity"])?.amount == .infinity)
        #expect(one(["amount": .number(.nan)])?.raw == "nan")
    }

    @Test func convertsToUSDWithTheApproximateTable() {
        #expect(one(["amount": 100, "currency": "USD"])?.usdEquivalent == 100)
        let eur = one(["amount": 10_000, "currency": "EUR"])?.usdEquivalent ?? 0
        #expect(eur > 10_000 && eur < 12_000)
        #expect(one(["amount": 100])?.usdEquivalent == nil)
        #expect(one(["amount": 100, "currency": "XYZ"])?.currency == "XYZ")
        #expect(one(["amount": 100, "currency": "XYZ"])?.usdEquivalent == nil)
    }

    @Test func aCallerTableOverridesTheRates() {
        let table = CurrencyTable(usdPerUnit: ["EUR": 2])
        #expect(MoneyParser.amounts(in: ["amount": 10, "currency": "EUR"], table: table).first?.usdEquivalent == 20)
    }

    @Test func recordsPrecisionAsWritten() {
        #expect(one(["amount": "12.50"])?.fractionDigits == 2)
        #expect(one(["amount": 0.123456789])?.fractionDigits == 9)
        #expect(one(["amount": 1e-7])?.fractionDigits == 7)
        #expect(one(["amount": 12])?.fractionDigits == 0)
    }

    @Test func walkIsBounded() {
        var deep: JSONValue = ["amount": 1]
        for _ in 0..<1_000 { deep = ["x": deep] }
        #expect(MoneyParser.amounts(in: deep).isEmpty)
        let wide = JSONValue.array(Array(repeating: ["amount": 1], count: 50_000))
        #expect(MoneyParser.amounts(in: wide).count <= MoneyParser.maxAmounts)
    }
}
