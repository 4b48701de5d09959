/// IPv4 dotted quads (each part 0–255, no leading zeros) and IPv6 addresses (eight groups, or
/// fewer with one `::`). Version strings (`v1.2.3.4`, `version 10.0.0.1`) are skipped.
enum IPAddressDetector {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if ScanByte.isDigit(c), i == 0 || !(ScanByte.isAlnum(b[i - 1]) || b[i - 1] == 0x2E), let e = v4(b, i) {
                if !isVersion(b, i) {
                    out.append(ContentMatch(kind: .pii, type: "ip_address", range: i..<e, confidence: 0.8))
                }
                i = e
                continue
            }
            if ScanByte.isHex(c) || c == 0x3A, i == 0 || !(ScanByte.isAlnum(b[i - 1]) || b[i - 1] == 0x3A), mayBeV6(b, i),
                let e = v6(b, i)
            {
                out.append(ContentMatch(kind: .pii, type: "ip_address", range: i..<e, confidence: 0.75))
                i = e
                continue
            }
            i += 1
        }
    }

    static func v4(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Int? {
        var k = s
        for part in 0..<4 {
            let start = k
            var v = 0
            while k < b.count, k - start < 4, ScanByte.isDigit(b[k]) {
                v = v * 10 + Int(b[k] - 0x30)
                k += 1
            }
            let len = k - start
            guard len >= 1, len <= 3, v <= 255, !(len > 1 && b[start] == 0x30) else { return nil }
            if part < 3 {
                guard k < b.count, b[k] == 0x2E else { return nil }
                k += 1
            }
        }
        if k < b.count {
            let c = b[k]
            if ScanByte.isAlnum(c) { return nil }
            if c == 0x2E, k + 1 < b.count, ScanByte.isDigit(b[k + 1]) { return nil }
        }
        return k
    }

    static func isVersion(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        if s > 0, b[s - 1] | 0x20 == 0x76 { return true }
        var k = s
        while k > 0, s - k < 2, ScanByte.isSpace(b[k - 1]) { k -= 1 }
        return k >= 7 && ScanByte.hasPrefixFolded(b, at: k - 7, "version")
    }

    /// A colon within the first five bytes: cheap pre-check before the full parse.
    @inline(__always) static func mayBeV6(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Bool {
        var k = s
        while k < b.count, k - s < 5 {
            if b[k] == 0x3A { return true }
            if !ScanByte.isHex(b[k]) { return false }
            k += 1
        }
        return false
    }

    static func v6(_ b: UnsafeBufferPointer<UInt8>, _ s: Int) -> Int? {
        var k = s
        var groups = 0
        var doubleColon = false
        var letters = false
        var digits = false
        var groupLength = 0
        var colonsInRow = 0
        while k < b.count, k - s < 45 {
            let c = b[k]
            if ScanByte.isHex(c) {
                guard groupLength < 4 else { return nil }
                if groupLength == 0 { groups += 1 }
                groupLength += 1
                colonsInRow = 0
                if ScanByte.isAlpha(c) { letters = true } else { digits = true }
            } else if c == 0x3A {
                colonsInRow += 1
                if colonsInRow == 2 {
                    if doubleColon { return nil }
                    doubleColon = true
                } else if colonsInRow > 2 {
                    return nil
                }
                groupLength = 0
            } else {
                break
            }
            k += 1
        }
        if k < b.count, ScanByte.isAlnum(b[k]) || b[k] == 0x2E { return nil }
        // A single trailing ':' is punctuation.
        if colonsInRow == 1 { k -= 1 }
        guard groups <= 8, groups == 8 || (doubleColon && (groups >= 3 || digits)) else { return nil }
        // Times (12:30:45) and plain numbers are not addresses: ask for hex letters or eight groups.
        guard letters || groups == 8 else { return nil }
        return k
    }
}
