/// A monetary amount found in a tool call's arguments.
public struct MoneyAmount: Sendable, Equatable {
    /// The text the amount was read from: the string as given, or the JSON number as written.
    public var raw: String
    /// The amount in major units (dollars, not cents). Negative, NaN and infinite values are kept
    /// as they are so rules can flag them.
    public var amount: Double
    /// ISO 4217 code, upper-case (`USD`, `EUR`; also `BTC`, `ETH`), or `""` when unknown.
    public var currency: String
    /// The amount in US dollars at the table's approximate rate; `nil` when the currency or its
    /// rate is unknown, or the amount is not finite.
    public var usdEquivalent: Double?
    /// JSON pointer of the value in the arguments (`/payment/amount`).
    public var path: String
    /// Digits after the decimal separator as written (`12.50` → 2), for precision checks.
    public var fractionDigits: Int

    /// An amount; `path` and `fractionDigits` default to unknown.
    public init(raw: String, amount: Double, currency: String, usdEquivalent: Double?, path: String = "", fractionDigits: Int = 0) {
        self.raw = raw
        self.amount = amount
        self.currency = currency
        self.usdEquivalent = usdEquivalent
        self.path = path
        self.fractionDigits = fractionDigits
    }
}
