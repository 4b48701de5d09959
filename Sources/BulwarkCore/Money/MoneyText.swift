/// Reads an amount written as text: `"USD 12,000"`, `"$12,000.50"`, `"12.000,50 €"`, `"€5k"`,
/// `"1.2e4"`, `"2 million EUR"`, `"(500)"`, `"NaN"`.
///
/// Decimal separator: when both `.` and `,` appear, the last one is the decimal separator; a lone
/// `,` is decimal unless exactly three digits follow it (`12,5` is 12.5, `12,000` is 12000 — the
/// larger reading, which is the safer one for a review threshold); a lone `.` is decimal; repeated
/// separators group thousands. Spaces, `_` and `'` group thousands. Text longer than 64 bytes or
/// with anything else in it is not an amount.
enum MoneyText {
    struct Parsed: Equatable {
        var amount: Double
        var currency: String
        var fractionDigits: Int
    }

    static let maxLength = 64

    static func parse(_ text: String, table: CurrencyTable) -> Parsed? {
        guard text.utf8.count <= maxLength else { return nil }
        var s = trim(Substring(text))
        var negative = false
        var currency = ""
        if s.hasPrefix("("), s.hasSuffix(")") {
            negative = true
            s = trim(s.dropFirst().dropLast())
        }
        if readSign(&s) { negative.toggle() }
        if let code = readPrefixCurrency(&s, table: table) { currency = code }
        if readSign(&s) { negative.toggle() }
        if let code = readSuffixCurrency(&s, table: table) {
            if currency.isEmpty { currency = code } else if currency != code { return nil }
        }
        if s.hasPrefix("("), s.hasSuffix(")") {  // "(500) USD", accounting negative
            negative.toggle()
            s = trim(s.dropFirst().dropLast())
        }
        let multiplier = readMultiplier(&s)
        guard var (value, fraction) = number(s) else { return nil }
        if let multiplier {
            value *= multiplier.factor
            fraction = max(0, fraction - multiplier.digits)
        }
        return Parsed(amount: negative ? -value : value, currency: currency, fractionDigits: fraction)
    }

    // MARK: - Pieces

    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return s
    }

    private static func readSign(_ s: inout Substring) -> Bool {
        guard let f = s.first else { return false }
        if f == "-" || f == "−" {
            s = trim(s.dropFirst())
            return true
        }
        if f == "+" { s = trim(s.dropFirst()) }
        return false
    }

    private static func readPrefixCurrency(_ s: inout Substring, table: CurrencyTable) -> String? {
        for (symbol, code) in CurrencyTable.symbols where s.hasPrefix(symbol) {
            s = trim(s.dropFirst(symbol.count))
            return code
        }
        let letters = s.prefix { $0.isASCII && $0.isLetter }
        guard letters.count >= 2, let code = table.code(for: String(letters)) else { return nil }
        s = trim(s.dropFirst(letters.count))
        return code
    }

    private static func readSuffixCurrency(_ s: inout Substring, table: CurrencyTable) -> String? {
        for (symbol, code) in CurrencyTable.symbols where s.hasSuffix(symbol) {
            s = trim(s.dropLast(symbol.count))
            return code
        }
        let letters = s.reversed().prefix { $0.isASCII && $0.isLetter }
        guard letters.count >= 2, let code = table.code(for: String(letters.reversed())) else { return nil }
        s = trim(s.dropLast(letters.count))
        return code
    }

    private static let multipliers: [String: (factor: Double, digits: Int)] = [
        "k": (1e3, 3), "thousand": (1e3, 3), "m": (1e6, 6), "mm": (1e6, 6), "mn": (1e6, 6), "million": (1e6, 6),
        "b": (1e9, 9), "bn": (1e9, 9), "billion": (1e9, 9), "tn": (1e12, 12), "trillion": (1e12, 12),
    ]

    private static func readMultiplier(_ s: inout Substring) -> (factor: Double, digits: Int)? {
        let letters = s.reversed().prefix { $0.isASCII && $0.isLetter }
        guard !letters.isEmpty, let m = multipliers[String(letters.reversed()).lowercased()] else { return nil }
        let rest = trim(s.dropLast(letters.count))
        guard let last = rest.last, last.isASCII, last.isNumber else { return nil }
        s = rest
        return m
    }

    /// The numeric core: digits, separators, optional exponent. `NaN` and `Infinity` too.
    static func number(_ s: Substring) -> (Double, Int)? {
        switch s.lowercased() {
        case "nan": return (.nan, 0)
        case "inf", "infinity", "∞": return (.infinity, 0)
        default: break
        }
        guard let first = s.first, first.isASCII, first.isNumber || first == "." else { return nil }
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            return scientific(mantissa: s[..<e], exponent: s[s.index(after: e)...])
        }
        var digitsOnly = ""
        var marks: [(Character, Int)] = []  // separator and the number of digits before it
        for c in s {
            if c.isASCII, c.isNumber {
                digitsOnly.append(c)
            } else if c == "." || c == "," {
                marks.append((c, digitsOnly.count))
            } else if c == "_" || c == "'" || c == " " || c == "\u{00A0}" || c == "\u{2009}" || c == "\u{202F}" {
                marks.append(("_", digitsOnly.count))
            } else {
                return nil
            }
        }
        guard !digitsOnly.isEmpty else { return nil }
        let dots = marks.filter { $0.0 == "." }.count
        let commas = marks.filter { $0.0 == "," }.count
        var decimal: Character?
        if dots > 0, commas > 0 {
            decimal = marks.last { $0.0 != "_" }!.0
            let decimalCount = decimal == "." ? dots : commas
            guard decimalCount == 1, marks.last(where: { $0.0 != "_" })!.0 == decimal else { return nil }
        } else if commas == 1 {
            let after = digitsOnly.count - marks.first { $0.0 == "," }!.1
            decimal = after == 3 ? nil : ","
        } else if dots == 1 {
            decimal = "."
        }
        // Split into the integer part's groups and the fraction.
        var fractionDigits = 0
        var groupEnds: [Int] = []
        for (mark, position) in marks {
            if mark == decimal {
                fractionDigits = digitsOnly.count - position
            } else {
                groupEnds.append(position)
            }
        }
        let integerDigits = digitsOnly.count - fractionDigits
        // Grouping must look like grouping: groups of 2 or 3 digits after the first (1,00,000 too).
        var previous = -1
        for end in groupEnds {
            guard end <= integerDigits else { return nil }
            if previous >= 0 {
                guard end - previous == 2 || end - previous == 3 else { return nil }
            } else {
                guard end >= 1, end <= 3 else { return nil }
            }
            previous = end
        }
        if previous >= 0, integerDigits - previous != 3 { return nil }
        var normalized = String(digitsOnly.prefix(integerDigits))
        if normalized.isEmpty { normalized = "0" }
        if fractionDigits > 0 { normalized += "." + digitsOnly.suffix(fractionDigits) }
        guard let value = Double(normalized) else { return nil }
        return (value, fractionDigits)
    }

    private static func scientific(mantissa: Substring, exponent: Substring) -> (Double, Int)? {
        guard !mantissa.isEmpty, mantissa.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." }),
            mantissa.filter({ $0 == "." }).count <= 1
        else { return nil }
        var exp = exponent
        var negativeExponent = false
        if let f = exp.first, f == "+" || f == "-" {
            negativeExponent = f == "-"
            exp = exp.dropFirst()
        }
        guard !exp.isEmpty, exp.count <= 4, exp.allSatisfy({ $0.isASCII && $0.isNumber }), let e = Int(exp) else { return nil }
        guard let value = Double("\(mantissa)e\(negativeExponent ? "-" : "")\(exp)") else { return nil }
        let mantissaFraction = mantissa.firstIndex(of: ".").map { mantissa.distance(from: $0, to: mantissa.endIndex) - 1 } ?? 0
        return (value, max(0, mantissaFraction + (negativeExponent ? e : -e)))
    }
}
