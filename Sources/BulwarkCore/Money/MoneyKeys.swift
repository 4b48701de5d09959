/// Which argument keys carry money, and in which unit.
///
/// Keys are compared normalized: lower-case, letters and digits only (`payment_amount`,
/// `paymentAmount` and `Payment-Amount` are the same key).
enum MoneyKeys {
    enum Role: Equatable {
        /// An amount in major units: `amount`, `price`, `payment_amount`, `total_amount`, `amount_usd`…
        case major
        /// An amount in minor units: `amount_cents`, `amountInCents`, `cents`, `minor_units`, `amount_minor`…
        case minor
        /// A generic word (`value`, `total`, `sum`, `balance`…): money only with currency evidence
        /// (a currency sibling, a currency in the text or the key, or a money-named parent).
        case weak
        /// The currency of sibling amounts: `currency`, `currency_code`, `ccy`, `cur`…
        case currency
    }

    static func normalize(_ key: String) -> String {
        String(String.UnicodeScalarView(key.lowercased().unicodeScalars.filter { ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) }))
    }

    private static let currencyKeys: Set<String> = [
        "currency", "currencycode", "ccy", "cur", "curr", "currencyiso", "isocurrency", "isocurrencycode",
        "currencysymbol", "denomination",
    ]
    private static let weakKeys: Set<String> = [
        "value", "total", "sum", "subtotal", "balance", "cost", "fee", "fees", "payment", "transfer", "units",
        "amounts", "totals", "gross", "net", "principal", "charge", "payout", "deposit", "withdrawal",
    ]
    private static let majorKeys: Set<String> = ["amount", "amt", "price", "grandtotal", "totalamount", "totalprice", "unitprice"]

    static func role(of key: String, table: CurrencyTable) -> Role? {
        let k = normalize(key)
        if currencyKeys.contains(k) { return .currency }
        if k.hasSuffix("cents") || k.hasSuffix("minor") || k.hasSuffix("minorunits") || k.hasSuffix("inminorunits") {
            return .minor
        }
        let base = stripCurrency(k, table: table)?.rest ?? k
        if majorKeys.contains(base) || base.hasSuffix("amount") || base.hasPrefix("amount") || base.hasSuffix("price") { return .major }
        if weakKeys.contains(base) { return .weak }
        if base.isEmpty { return .weak }  // the key is a currency code: {"usd": 5000}
        return nil
    }

    /// A currency named in the key itself: `amount_usd`, `usdAmount`, `price_in_eur`, `usd`.
    static func currency(inKey key: String, table: CurrencyTable) -> String? {
        stripCurrency(normalize(key), table: table)?.code
    }

    private static func stripCurrency(_ k: String, table: CurrencyTable) -> (code: String, rest: String)? {
        guard k.count >= 3 else { return nil }
        let suffix = String(k.suffix(3)).uppercased()
        if table.isKnown(suffix) {
            var rest = String(k.dropLast(3))
            if rest.hasSuffix("in") { rest.removeLast(2) }
            if rest.isEmpty || majorKeys.contains(rest) || weakKeys.contains(rest) || rest.hasSuffix("amount") || rest.hasSuffix("price") {
                return (suffix, rest)
            }
        }
        let prefix = String(k.prefix(3)).uppercased()
        if table.isKnown(prefix) {
            let rest = String(k.dropFirst(3))
            if rest.isEmpty || majorKeys.contains(rest) || weakKeys.contains(rest) { return (prefix, rest) }
        }
        return nil
    }
}
