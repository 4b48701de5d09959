/// Currency facts the money parser and rules need: which codes exist, their minor-unit exponent,
/// their symbols and names, and an approximate rate to US dollars.
///
/// The rates in `approximate` are a **static approximation** (rounded, mid-2020s orders of
/// magnitude, crypto especially volatile). They exist to put an amount on the right side of a
/// review threshold, never to price anything. Callers who need current rates pass their own
/// table to `MoneyParser.amounts(in:table:)`.
public struct CurrencyTable: Sendable {
    /// US dollars per one major unit, by upper-case code.
    public var usdPerUnit: [String: Double]
    /// Codes whose minor unit is not 1/100: `JPY` 0, `KWD` 3, `BTC` 8 (satoshi), `ETH` 18 (wei).
    public var minorUnitExponents: [String: Int]
    /// Codes known to exist though the table has no rate for them.
    public var otherCodes: Set<String>

    public init(usdPerUnit: [String: Double], minorUnitExponents: [String: Int] = [:], otherCodes: Set<String> = []) {
        self.usdPerUnit = usdPerUnit
        self.minorUnitExponents = minorUnitExponents
        self.otherCodes = otherCodes
    }

    /// The built-in static approximation. See the type's documentation.
    public static let approximate = CurrencyTable(
        usdPerUnit: [
            "USD": 1, "EUR": 1.08, "GBP": 1.27, "JPY": 0.0067, "CHF": 1.12, "CAD": 0.73, "AUD": 0.66, "NZD": 0.60,
            "CNY": 0.14, "HKD": 0.128, "SGD": 0.74, "INR": 0.012, "KRW": 0.00073, "SEK": 0.095, "NOK": 0.093,
            "DKK": 0.145, "PLN": 0.25, "CZK": 0.043, "HUF": 0.0027, "RUB": 0.011, "TRY": 0.03, "BRL": 0.18,
            "MXN": 0.055, "ZAR": 0.054, "ILS": 0.27, "AED": 0.272, "SAR": 0.267, "KWD": 3.25, "BHD": 2.65,
            "OMR": 2.6, "JOD": 1.41, "TWD": 0.031, "THB": 0.028, "IDR": 0.000063, "MYR": 0.21, "PHP": 0.018,
            "VND": 0.00004, "NGN": 0.00065, "EGP": 0.02, "ARS": 0.001, "CLP": 0.0011, "COP": 0.00025,
            "PKR": 0.0036, "UAH": 0.024, "RON": 0.22, "ISK": 0.0072,
            "BTC": 60_000, "ETH": 3_000, "USDT": 1, "USDC": 1, "DAI": 1,
        ],
        minorUnitExponents: [
            "JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "XAF": 0, "XOF": 0, "PYG": 0, "UGX": 0,
            "KWD": 3, "BHD": 3, "OMR": 3, "JOD": 3, "TND": 3, "LYD": 3, "IQD": 3,
            "BTC": 8, "ETH": 18,
        ],
        otherCodes: [
            "XAF", "XOF", "PYG", "UGX", "TND", "LYD", "IQD", "KES", "GHS", "MAD", "QAR", "BDT", "LKR", "PEN",
            "UYU", "BGN", "HRK", "RSD", "KZT", "GEL", "AMD", "AZN", "BYN", "MDL", "XRP", "SOL", "LTC", "DOGE",
        ]
    )

    /// The code is a currency this table knows, with or without a rate.
    public func isKnown(_ code: String) -> Bool { usdPerUnit[code] != nil || otherCodes.contains(code) }

    /// Digits of the minor unit (2 unless listed).
    public func minorUnitExponent(for code: String) -> Int { minorUnitExponents[code] ?? 2 }

    /// `amount` in US dollars, or `nil` when the rate is unknown or the amount is not finite.
    public func usdEquivalent(_ amount: Double, currency: String) -> Double? {
        guard amount.isFinite, let rate = usdPerUnit[currency] else { return nil }
        return amount * rate
    }

    /// Currency symbols, longest first so `US$` wins over `$`.
    static let symbols: [(symbol: String, code: String)] = [
        ("US$", "USD"), ("CA$", "CAD"), ("AU$", "AUD"), ("NZ$", "NZD"), ("HK$", "HKD"), ("MX$", "MXN"),
        ("CN¥", "CNY"), ("SFr", "CHF"), ("C$", "CAD"), ("A$", "AUD"), ("S$", "SGD"), ("R$", "BRL"),
        ("zł", "PLN"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("￥", "JPY"), ("元", "CNY"),
        ("₹", "INR"), ("₩", "KRW"), ("₽", "RUB"), ("₺", "TRY"), ("₪", "ILS"), ("₿", "BTC"), ("Ξ", "ETH"),
        ("₫", "VND"), ("₦", "NGN"), ("₴", "UAH"), ("฿", "THB"),
    ]

    /// Currency names as words, lower-case.
    static let names: [String: String] = [
        "dollar": "USD", "dollars": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
        "pounds": "GBP", "quid": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rmb": "CNY",
        "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "franc": "CHF", "francs": "CHF", "bitcoin": "BTC",
        "bitcoins": "BTC", "ether": "ETH", "won": "KRW", "rubles": "RUB", "roubles": "RUB",
    ]

    /// The currency code written as `code` (`usd`, `EUR`, `€`, `euros`), or `nil`.
    func code(for text: String) -> String? {
        let upper = text.uppercased()
        if isKnown(upper) { return upper }
        if let symbol = Self.symbols.first(where: { $0.symbol == text }) { return symbol.code }
        return Self.names[text.lowercased()]
    }
}
