/// Phone numbers in international and national formats.
///
/// A candidate is a run of digit groups joined by single spaces, dashes, dots or parentheses,
/// optionally starting with `+` and ending with an extension (`x123`, `ext. 123`). It counts as a
/// phone number when its digit count fits (7–15) and either its shape is unambiguous (`+` and
/// 8–15 digits, or the North American `(ddd) ddd-dddd` / `ddd-ddd-dddd` / `ddd.ddd.dddd`) or a
/// phone word (phone, mobile, call, fax…) stands right before or after it. Dates, times, prices
/// and single long numbers without such context are left alone.
enum PhoneDetector {
    struct Candidate {
        var range: Range<Int>
        var digits = 0
        /// Digit-group lengths, four bits each (clamped to 15), first group lowest; no allocation.
        var packed: UInt64 = 0
        var groupCount = 0
        /// The last two separators seen between groups.
        var lastSeparator: UInt8 = 0
        var previousSeparator: UInt8 = 0
        var plus = false
        var parenthesised = false

        mutating func addGroup(_ length: Int) {
            if groupCount < 16 { packed |= UInt64(min(length, 15)) << UInt64(4 * groupCount) }
            groupCount += 1
        }

        func group(_ k: Int) -> Int { Int((packed >> UInt64(4 * k)) & 0xF) }

        var groups: [Int] { (0..<min(groupCount, 16)).map(group) }
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            let opens = ScanByte.isDigit(c) || ((c == 0x2B || c == 0x28) && i + 1 < n && ScanByte.isDigit(b[i + 1]))
            guard opens, i == 0 || !(ScanByte.isAlnum(b[i - 1]) || b[i - 1] == 0x2E || b[i - 1] == 0x2C || b[i - 1] == 0x24
                || b[i - 1] == 0x2F || b[i - 1] == 0x3A || b[i - 1] == 0x2D || b[i - 1] == 0x5F)
            else {
                i += 1
                continue
            }
            var next = i + 1
            while next < n, ScanByte.isDigit(b[next]) { next += 1 }
            // Cheap exit: a lone short number with nothing phone-like after it.
            if ScanByte.isDigit(c), next - i < 10 {
                let after: UInt8 = next < n ? b[next] : 0
                if !(after == 0x20 || after == 0x2D || after == 0x2E || after == 0x29) || next + 1 >= n
                    || !(ScanByte.isDigit(b[next + 1]) || b[next + 1] == 0x28)
                {
                    i = next
                    continue
                }
            }
            let cand = candidate(b, i)
            let ok = accept(b, cand)
            if ok {
                out.append(ContentMatch(kind: .pii, type: "phone", range: cand.range, confidence: 0.75))
            }
            // Continue after the first group at least, and after the candidate when it matched.
            i = ok ? max(next, cand.range.upperBound) : next
        }
    }

    static func candidate(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Candidate {
        let n = b.count
        var c = Candidate(range: s..<s)
        var k = s
        if b[k] == 0x2B {
            c.plus = true
            k += 1
        }
        var end = k
        var pendingSep: UInt8 = 0
        while k < n, k - s < 32 {
            let ch = b[k]
            if ScanByte.isDigit(ch) {
                var g = k
                while g < n, ScanByte.isDigit(b[g]) { g += 1 }
                c.addGroup(g - k)
                c.digits += g - k
                if pendingSep != 0 {
                    c.previousSeparator = c.lastSeparator
                    c.lastSeparator = pendingSep
                }
                pendingSep = 0
                k = g
                end = k
                // "(0)" trunk prefix and closing parenthesis.
                if k < n, b[k] == 0x29 {
                    c.parenthesised = true
                    k += 1
                    end = k
                    pendingSep = 0x29
                    if k < n, b[k] == 0x20 { k += 1 }
                    continue
                }
                continue
            }
            if ch == 0x28, pendingSep != 0x28 {  // (
                guard k + 1 < n, ScanByte.isDigit(b[k + 1]) else { break }
                pendingSep = 0x28
                k += 1
                continue
            }
            if (ch == 0x20 || ch == 0x2D || ch == 0x2E), pendingSep == 0 || pendingSep == 0x29 {
                guard k + 1 < n, ScanByte.isDigit(b[k + 1]) || b[k + 1] == 0x28 else { break }
                if pendingSep == 0 { pendingSep = ch }
                k += 1
                continue
            }
            break
        }
        // Extension: x123, ext 123, ext. 123
        var e = end
        if e < n, b[e] | 0x20 == 0x78 || ScanByte.hasPrefixFolded(b, at: e, "ext") || ScanByte.hasPrefixFolded(b, at: e, " ext") {
            var x = e
            while x < n, x - e < 6, !ScanByte.isDigit(b[x]), b[x] != 0x0A { x += 1 }
            var d = x
            while d < n, d - x < 7, ScanByte.isDigit(b[d]) { d += 1 }
            if d > x, d - x <= 6, d == n || !ScanByte.isAlnum(b[d]) { e = d }
        }
        c.range = s..<e
        return c
    }

    static func accept(_ b: UnsafeBufferPointer<UInt8>, _ c: Candidate) -> Bool {
        guard c.digits >= 7, c.digits <= 15 else { return false }
        let end = c.range.upperBound
        // Glued to letters or followed by more number-ish text: part of something else.
        if end < b.count, ScanByte.isAlpha(b[end]) || b[end] == 0x25 { return false }
        if end + 1 < b.count, b[end] == 0x3A || b[end] == 0x2F, ScanByte.isDigit(b[end + 1]) { return false }
        if looksLikeDate(c) { return false }
        if c.plus { return c.digits >= 8 }
        if isNorthAmerican(c) { return true }
        // Everything else needs a phone word nearby; one unbroken run must have 10–12 digits.
        if c.groupCount == 1, !(10...12).contains(c.digits) { return false }
        if c.groupCount > 1, c.groups.contains(where: { $0 > 8 }) { return false }
        return PhoneContext.hasPhoneContext(b, before: c.range.lowerBound, after: end)
    }

    static func isNorthAmerican(_ c: Candidate) -> Bool {
        var first = 0
        if c.groupCount == 4, (1...3).contains(c.group(0)) { first = 1 }  // 1-…, 001-…
        guard c.groupCount - first == 3, c.group(first) == 3, c.group(first + 1) == 3, c.group(first + 2) == 4 else { return false }
        if c.parenthesised { return true }
        let a = c.previousSeparator
        return a == c.lastSeparator && (a == 0x2D || a == 0x2E)
    }

    /// 2024-01-31, 31.01.2024, 01/31 style groups: a four-digit year with month/day groups.
    static func looksLikeDate(_ c: Candidate) -> Bool {
        guard c.groupCount == 3, !c.plus, !c.parenthesised else { return false }
        let g0 = c.group(0), g1 = c.group(1), g2 = c.group(2)
        return (g0 == 4 && g1 <= 2 && g2 <= 2) || (g0 <= 2 && g1 <= 2 && g2 == 4)
    }
}
