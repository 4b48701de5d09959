/// Finds monetary amounts in a tool call's arguments.
///
/// Amounts are recognized by key, never by scanning free text: `amount`, `price`,
/// `payment_amount`, `transfer_amount`, `total_amount`, `amount_usd`… in major units;
/// `amount_cents`, `amountInCents`, `cents`, `minor_units`, `amount_minor`… in minor units
/// (divided by 10^exponent of the currency: 100 for most, 1 for JPY, 1000 for KWD/BHD);
/// generic words (`value`, `total`, `sum`, `balance`…) only with currency evidence.
/// The currency comes from the text (`"USD 12,000"`, `"€5k"`), the key (`amount_eur`) or a
/// sibling (`currency`, `currency_code`, `ccy`, `cur`). Google-style `{units, nanos,
/// currency_code}` objects are read too. Values may be JSON numbers or strings (see `MoneyText`).
///
/// Plain `amount` is read as major units even where an API (Stripe) means cents: over-reading
/// an amount can only cause a review, under-reading could miss one.
///
/// Work is bounded: depth `maxDepth`, `maxNodes` values visited, `maxAmounts` results.
public enum MoneyParser {
    /// Deepest nesting of arguments that is searched.
    public static let maxDepth = 32
    /// Most JSON values visited per call.
    public static let maxNodes = 10_000
    /// Most amounts returned per call.
    public static let maxAmounts = 256

    /// Amounts in `arguments`, converted with the built-in approximate rates (`CurrencyTable.approximate`).
    public static func amounts(in arguments: JSONValue) -> [MoneyAmount] {
        amounts(in: arguments, table: .approximate)
    }

    /// Amounts in `arguments`, converted with the caller's currency table.
    public static func amounts(in arguments: JSONValue, table: CurrencyTable) -> [MoneyAmount] {
        var walker = MoneyWalker(table: table)
        walker.walk(arguments, path: "", parentIsMoney: false, depth: 0)
        return walker.found
    }
}
