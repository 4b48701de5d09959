/// E-mail addresses: a local part of letters, digits and `._%+-`, `@`, and a domain of at least
/// two labels whose last label is alphabetic.
enum EmailDetector {
    @inline(__always) static func isLocal(_ c: UInt8) -> Bool {
        ScanByte.isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        var floor = 0  // never re-read bytes already inside an earlier match
        while i < n {
            guard b[i] == 0x40 else {
                i += 1
                continue
            }
            var s = i
            while s > floor, i - s < 64, isLocal(b[s - 1]) { s -= 1 }
            while s < i, b[s] == 0x2E { s += 1 }
            var e = i + 1
            var lastDot = -1
            while e < n, e - i < 255, ScanByte.isAlnum(b[e]) || b[e] == 0x2D || b[e] == 0x2E {
                if b[e] == 0x2E { lastDot = e }
                e += 1
            }
            // A sentence's full stop is not part of the domain.
            while e > i + 1, b[e - 1] == 0x2E || b[e - 1] == 0x2D { e -= 1 }
            if lastDot >= e {
                lastDot = -1
                for k in (i + 1)..<e where b[k] == 0x2E { lastDot = k }
            }
            let tld = (lastDot + 1)..<e
            if s < i, lastDot > i + 1, tld.count >= 2, tld.count <= 24, tld.allSatisfy({ ScanByte.isAlpha(b[$0]) }),
                b[i - 1] != 0x2E, b[i + 1] != 0x2E, b[i + 1] != 0x2D
            {
                out.append(ContentMatch(kind: .pii, type: "email", range: s..<e, confidence: 0.95))
                floor = e
                i = e
                continue
            }
            i += 1
        }
    }
}
