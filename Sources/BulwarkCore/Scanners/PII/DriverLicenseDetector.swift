/// US driver's licence numbers, only right after an explicit "driver's license" (or licence,
/// "driving licence", "DL#", "DL no") mention: the formats vary by state and are not distinctive
/// on their own.
enum DriverLicenseDetector {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i + 2 < n {
            let c = b[i] | 0x20
            var cueEnd = -1
            if c == 0x6C, ScanByte.hasPrefixFolded(b, at: i, "licen"), i + 7 <= n, b[i + 6] | 0x20 == 0x65,
                drivingBefore(b, i)
            {
                cueEnd = i + 7  // license / licence
            } else if c == 0x64, b[i + 1] | 0x20 == 0x6C, i == 0 || !ScanByte.isAlpha(b[i - 1]) {
                // DL#, DL #, DL no
                var k = i + 2
                while k < n, k - i < 4, b[k] == 0x20 { k += 1 }
                if k < n, b[k] == 0x23 { cueEnd = k + 1 } else if ScanByte.hasPrefixFolded(b, at: k, "no") { cueEnd = k + 2 }
            }
            guard cueEnd > 0, let m = number(b, after: cueEnd) else {
                i += 1
                continue
            }
            out.append(m)
            i = m.range.upperBound
        }
    }

    /// "driver's ", "drivers ", "driver " or "driving " right before `at`.
    static func drivingBefore(_ b: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        for cue: StaticString in ["driver's ", "drivers ", "driver ", "driving ", "driver’s "] {
            let n = cue.utf8CodeUnitCount
            if at >= n, ScanByte.hasPrefixFolded(b, at: at - n, cue) { return true }
        }
        return false
    }

    /// The licence number after the cue, skipping filler such as " number is " or ": ".
    static func number(_ b: UnsafeBufferPointer<UInt8>, after from: Int) -> ContentMatch? {
        var k = from
        while k < b.count, k - from < 24, !ScanByte.isDigit(b[k]) {
            if ScanByte.isUpper(b[k]), k + 1 < b.count, ScanByte.isDigit(b[k + 1]), k == 0 || !ScanByte.isAlpha(b[k - 1]) { break }
            k += 1
        }
        var e = k
        var digits = 0
        while e < b.count, e - k < 20,
            ScanByte.isAlnum(b[e]) || (b[e] == 0x2D && e + 1 < b.count && ScanByte.isDigit(b[e + 1]))
        {
            if ScanByte.isDigit(b[e]) { digits += 1 }
            e += 1
        }
        guard digits >= 5, e - k <= 20, e == b.count || !ScanByte.isAlnum(b[e]) else { return nil }
        return ContentMatch(kind: .pii, type: "us_driver_license", range: k..<e, confidence: 0.7)
    }
}
