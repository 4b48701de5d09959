/// IBANs: country code, two check digits and the national account number, in one run or in
/// groups of four separated by single spaces; the length must match the country and the
/// ISO 7064 mod-97 check must give 1.
enum IBANDetector {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i + 4 < n {
            guard ScanByte.isDigit(b[i + 2]), ScanByte.isDigit(b[i + 3]), ScanByte.isAlpha(b[i]), ScanByte.isAlpha(b[i + 1]),
                i == 0 || !ScanByte.isAlnum(b[i - 1]),
                ScanByte.isUpper(b[i]) == ScanByte.isUpper(b[i + 1])
            else {
                i += 1
                continue
            }
            let country = String(decoding: [b[i] & 0xDF, b[i + 1] & 0xDF], as: UTF8.self)
            guard let length = IBANRegistry.lengths[country], let m = match(b, i, length) else {
                i += 1
                continue
            }
            out.append(m)
            i = m.range.upperBound
        }
    }

    static func match(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ length: Int) -> ContentMatch? {
        let n = b.count
        var chars: [UInt8] = []
        chars.reserveCapacity(length)
        var k = s
        while k < n, chars.count < length {
            let c = b[k]
            if ScanByte.isAlnum(c) {
                chars.append(ScanByte.isLower(c) ? c & 0xDF : c)
                k += 1
            } else if c == 0x20, chars.count % 4 == 0, k + 1 < n, ScanByte.isAlnum(b[k + 1]) {
                k += 1
            } else {
                break
            }
        }
        guard chars.count == length, k == n || !ScanByte.isAlnum(b[k]) else { return nil }
        // Move the first four characters to the end; letters count as 10–35; remainder mod 97.
        var remainder = 0
        for idx in 0..<length {
            let c = chars[(idx + 4) % length]
            if ScanByte.isDigit(c) {
                remainder = (remainder * 10 + Int(c - 0x30)) % 97
            } else {
                remainder = (remainder * 100 + Int(c - 0x41 + 10)) % 97
            }
        }
        guard remainder == 1 else { return nil }
        return ContentMatch(kind: .pii, type: "iban", range: s..<k, confidence: 0.95, validated: true)
    }
}
