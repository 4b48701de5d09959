/// Payment card numbers: 12–19 digits, unbroken or in groups separated by one space or dash,
/// with a known IIN prefix and length, and a valid Luhn checksum.
enum PaymentCardDetector {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i < n {
            guard ScanByte.isDigit(b[i]), startsNumber(b, i) else {
                i += 1
                continue
            }
            var j = i
            while j < n, ScanByte.isDigit(b[j]) { j += 1 }
            if let m = check(b, i, j) ?? grouped(b, i, firstEnd: j) {
                out.append(m)
                i = m.range.upperBound
                continue
            }
            i = j
        }
    }

    /// Not glued to a word, a decimal point, a minus sign or another number.
    @inline(__always) static func startsNumber(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = b[i - 1]
        return !(ScanByte.isAlnum(p) || p == 0x2E || p == 0x2C || p == 0x2D || p == 0x2B || p == 0x2F || p == 0x5F)
    }

    @inline(__always) static func endsNumber(_ b: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        guard j < b.count else { return true }
        let c = b[j]
        if ScanByte.isAlnum(c) || c == 0x5F { return false }
        // "1234.5" or "1234-5": a longer number.
        if (c == 0x2E || c == 0x2C || c == 0x2D), j + 1 < b.count, ScanByte.isDigit(b[j + 1]) { return false }
        return true
    }

    static func check(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> ContentMatch? {
        let count = e - s
        guard (12...19).contains(count), endsNumber(b, e) else { return nil }
        var digits: [UInt8] = []
        digits.reserveCapacity(count)
        for k in s..<e { digits.append(b[k] - 0x30) }
        return verdict(digits, s..<e, b)
    }

    /// Unusual lengths (anything but 15 and 16 digits) are common for ids and order numbers, so
    /// they need a card word nearby.
    static let cardWords: [StaticString] = ["card", "cc", "visa", "amex", "mastercard", "maestro", "credit", "debit", "payment", "pan"]

    static func verdict(_ digits: [UInt8], _ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) -> ContentMatch? {
        guard CardNetwork.network(digits) != nil, LuhnCheck.isValid(digits) else { return nil }
        if digits.count != 15, digits.count != 16,
            !PhoneContext.containsAny(b, max(0, r.lowerBound - PhoneContext.window)..<r.lowerBound, cardWords)
        {
            return nil
        }
        // All-same or sequential test numbers still pass Luhn sometimes; they are not real cards.
        if digits.allSatisfy({ $0 == digits[0] }) { return nil }
        return ContentMatch(kind: .pii, type: "credit_card", range: r, confidence: 0.9, validated: true)
    }

    /// `4111 1111 1111 1111`, `3782-822463-10005`: groups of 3–6 digits with one consistent
    /// separator. The whole chain of groups must be the card: a card is never read out of the
    /// middle of a longer run of numbers.
    static func grouped(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, firstEnd: Int) -> ContentMatch? {
        let n = b.count
        guard (3...6).contains(firstEnd - s), firstEnd < n, b[firstEnd] == 0x20 || b[firstEnd] == 0x2D else { return nil }
        let sep = b[firstEnd]
        if s >= 2, b[s - 1] == sep, ScanByte.isDigit(b[s - 2]) { return nil }
        var digits: [UInt8] = []
        for k in s..<firstEnd { digits.append(b[k] - 0x30) }
        var j = firstEnd
        var groups = 1
        while j + 1 < n, b[j] == sep, ScanByte.isDigit(b[j + 1]) {
            var k = j + 1
            while k < n, ScanByte.isDigit(b[k]) { k += 1 }
            guard (1...6).contains(k - j - 1), digits.count + (k - j - 1) <= 19 else { return nil }
            for p in (j + 1)..<k { digits.append(b[p] - 0x30) }
            groups += 1
            j = k
        }
        guard groups >= 3, (12...19).contains(digits.count), endsNumber(b, j) else { return nil }
        return verdict(digits, s..<j, b)
    }
}
