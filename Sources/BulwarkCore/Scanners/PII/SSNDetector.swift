/// US Social Security numbers written `AAA-GG-SSSS` (dashes or single spaces), or nine digits
/// right after "SSN"/"social security". Area 000, 666 and 900–999, group 00 and serial 0000 are
/// never issued.
enum SSNDetector {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i + 9 <= n {
            guard ScanByte.isDigit(b[i]), PaymentCardDetector.startsNumber(b, i) else {
                i += 1
                continue
            }
            if i + 11 <= n, let sep = Optional(b[i + 3]), sep == 0x2D || sep == 0x20, b[i + 6] == sep,
                digits(b, i, 3), digits(b, i + 4, 2), digits(b, i + 7, 4), PaymentCardDetector.endsNumber(b, i + 11),
                valid(b, area: i, group: i + 4, serial: i + 7)
            {
                // Space-separated triples are common in other numbers; ask for context then.
                if sep == 0x2D || PhoneContext.hasSSNContext(b, before: i) {
                    out.append(ContentMatch(kind: .pii, type: "us_ssn", range: i..<(i + 11), confidence: 0.85, validated: true))
                    i += 11
                    continue
                }
            }
            if digits(b, i, 9), PaymentCardDetector.endsNumber(b, i + 9), PhoneContext.hasSSNContext(b, before: i),
                valid(b, area: i, group: i + 3, serial: i + 5)
            {
                out.append(ContentMatch(kind: .pii, type: "us_ssn", range: i..<(i + 9), confidence: 0.8, validated: true))
                i += 9
                continue
            }
            while i < n, ScanByte.isDigit(b[i]) { i += 1 }
        }
    }

    @inline(__always) static func digits(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ count: Int) -> Bool {
        guard s + count <= b.count else { return false }
        for k in s..<(s + count) where !ScanByte.isDigit(b[k]) { return false }
        return true
    }

    static func number(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ count: Int) -> Int {
        var v = 0
        for k in s..<(s + count) { v = v * 10 + Int(b[k] - 0x30) }
        return v
    }

    static func valid(_ b: UnsafeBufferPointer<UInt8>, area: Int, group: Int, serial: Int) -> Bool {
        let a = number(b, area, 3)
        // Nine identical digits (111-11-1111) are placeholders.
        if a % 111 == 0, number(b, group, 2) % 11 == 0, number(b, serial, 4) == (a / 111) * 1111, number(b, group, 2) == (a / 111) * 11 {
            return false
        }
        return a != 0 && a != 666 && a < 900 && number(b, group, 2) != 0 && number(b, serial, 4) != 0
    }
}
