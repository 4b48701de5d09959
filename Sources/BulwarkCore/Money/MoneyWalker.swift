/// The bounded tree walk behind `MoneyParser`.
struct MoneyWalker {
    let table: CurrencyTable
    var found: [MoneyAmount] = []
    private var visited = 0

    init(table: CurrencyTable) {
        self.table = table
    }

    private var exhausted: Bool { visited >= MoneyParser.maxNodes || found.count >= MoneyParser.maxAmounts }

    mutating func walk(_ value: JSONValue, path: String, parentIsMoney: Bool, depth: Int) {
        visited += 1
        guard depth < MoneyParser.maxDepth, !exhausted else { return }
        switch value {
        case .object(let object):
            walkObject(object, path: path, parentIsMoney: parentIsMoney, depth: depth)
        case .array(let items):
            for (i, item) in items.enumerated() {
                guard !exhausted else { return }
                walk(item, path: path + "/\(i)", parentIsMoney: parentIsMoney, depth: depth + 1)
            }
        default:
            break
        }
    }

    private mutating func walkObject(_ object: JSONObject, path: String, parentIsMoney: Bool, depth: Int) {
        var sibling: String?
        for (key, value) in object.entries where MoneyKeys.role(of: key, table: table) == .currency {
            if let text = value.stringValue { sibling = currencyCode(text) }
        }
        var skipped: Set<String> = []
        // Google `Money`: {units, nanos, currency_code}.
        if let sibling, let units = number(object["units"]) {
            let nanos = number(object["nanos"]) ?? 0
            let amount = units + nanos / 1e9
            let raw = object["units"].map(render) ?? ""
            record(raw: raw, amount: amount, currency: sibling, path: path + "/units", fractionDigits: nanos == 0 ? 0 : 9)
            skipped = ["units", "nanos"]
        }
        for (key, value) in object.entries where !skipped.contains(key) {
            guard !exhausted else { return }
            let role = MoneyKeys.role(of: key, table: table)
            let keyCurrency = MoneyKeys.currency(inKey: key, table: table)
            let childPath = path + "/" + escape(key)
            let isAmountKey = role == .major || role == .minor || role == .weak
            switch value {
            case .number, .string:
                visited += 1
                guard isAmountKey, let role else { continue }
                let hasEvidence = sibling != nil || keyCurrency != nil || parentIsMoney
                readLeaf(value, role: role, currency: keyCurrency ?? sibling, requireEmbeddedCurrency: role == .weak && !hasEvidence, path: childPath)
            case .array(let items) where isAmountKey && items.allSatisfy({ $0.numberValue != nil || $0.stringValue != nil }):
                for (i, item) in items.enumerated() where !exhausted {
                    visited += 1
                    let hasEvidence = sibling != nil || keyCurrency != nil || parentIsMoney
                    readLeaf(item, role: role!, currency: keyCurrency ?? sibling, requireEmbeddedCurrency: role == .weak && !hasEvidence, path: childPath + "/\(i)")
                }
            default:
                walk(value, path: childPath, parentIsMoney: isAmountKey, depth: depth + 1)
            }
        }
    }

    private mutating func readLeaf(_ value: JSONValue, role: MoneyKeys.Role, currency hint: String?, requireEmbeddedCurrency: Bool, path: String) {
        var amount: Double
        var currency: String
        var fraction: Int
        let raw: String
        switch value {
        case .number(let n):
            guard !requireEmbeddedCurrency else { return }
            amount = n
            currency = hint ?? ""
            raw = render(n)
            fraction = Self.fractionDigits(of: n)
        case .string(let s):
            guard let parsed = MoneyText.parse(s, table: table) else { return }
            guard !requireEmbeddedCurrency || !parsed.currency.isEmpty else { return }
            amount = parsed.amount
            currency = parsed.currency.isEmpty ? hint ?? "" : parsed.currency
            raw = s
            fraction = parsed.fractionDigits
        default:
            return
        }
        if role == .minor {
            let exponent = table.minorUnitExponent(for: currency)
            var divisor = 1.0
            for _ in 0..<exponent { divisor *= 10 }
            amount /= divisor
            fraction += exponent
        }
        record(raw: raw, amount: amount, currency: currency, path: path, fractionDigits: fraction)
    }

    private mutating func record(raw: String, amount: Double, currency: String, path: String, fractionDigits: Int) {
        guard found.count < MoneyParser.maxAmounts else { return }
        found.append(MoneyAmount(
            raw: raw, amount: amount, currency: currency, usdEquivalent: table.usdEquivalent(amount, currency: currency),
            path: path, fractionDigits: fractionDigits
        ))
    }

    /// A currency given as a code, symbol or name; an unknown three-letter code is kept as given.
    private func currencyCode(_ text: String) -> String {
        let trimmed = String(MoneyText.trim(Substring(text)))
        if let code = table.code(for: trimmed) { return code }
        let upper = trimmed.uppercased()
        if (3...5).contains(upper.count), upper.allSatisfy({ $0.isASCII && $0.isLetter }) { return upper }
        return ""
    }

    private func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .number(let n): n
        case .string(let s): Double(s)
        default: nil
        }
    }

    private func render(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): render(n)
        case .string(let s): s
        default: ""
        }
    }

    private func render(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), n.magnitude < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// JSON pointer escaping (RFC 6901).
    private func escape(_ key: String) -> String {
        guard key.contains("~") || key.contains("/") else { return key }
        var out = ""
        for c in key {
            switch c {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.append(c)
            }
        }
        return out
    }

    /// Decimal places of a JSON number as Swift prints it shortest (`12.5` → 1, `1e-07` → 7).
    static func fractionDigits(of n: Double) -> Int {
        guard n.isFinite, n != n.rounded() else { return 0 }
        let text = "\(n.magnitude)"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        var fraction = 0
        if let dot = mantissa.firstIndex(of: ".") {
            let digits = mantissa[mantissa.index(after: dot)...]
            fraction = digits == "0" ? 0 : digits.count
        }
        return max(0, fraction - exponent)
    }
}
