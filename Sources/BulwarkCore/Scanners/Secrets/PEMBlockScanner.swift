/// PEM private key blocks: `-----BEGIN … PRIVATE KEY-----` (RSA, EC, DSA, OPENSSH, ENCRYPTED,
/// PGP `PRIVATE KEY BLOCK`) followed by key material, up to the matching `-----END` line (or the
/// end of the text when the block is cut off).
enum PEMBlockScanner {
    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("-----END".utf8)
    private static let dashes = Array("-----".utf8)

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        let begin = Self.begin
        let end = Self.end
        let dashes = Self.dashes
        var i = 0
        while i + begin.count < n {
            guard b[i] == 0x2D, ScanByte.hasPrefix(b, at: i, begin) else {
                i += 1
                continue
            }
            // Header label: uppercase words up to the closing dashes, on one line.
            var j = i + begin.count
            let labelStart = j
            while j < n, j - labelStart < 80, ScanByte.isUpper(b[j]) || ScanByte.isDigit(b[j]) || b[j] == 0x20 { j += 1 }
            let label = labelStart..<j
            guard ScanByte.hasPrefix(b, at: j, dashes), isPrivateLabel(b, label) else {
                i = j + 1
                continue
            }
            let bodyStart = j + 5
            // Body: up to -----END, counting base64 key material.
            var k = bodyStart
            var material = 0
            var run = 0
            var lastMaterialEnd = bodyStart
            var stop = -1
            while k < n {
                if b[k] == 0x2D, ScanByte.hasPrefix(b, at: k, end) {
                    // Include the END line's label and closing dashes.
                    var e = k + end.count
                    while e < n, e - k < 100, b[e] != 0x0A, !ScanByte.hasPrefix(b, at: e, dashes) { e += 1 }
                    if ScanByte.hasPrefix(b, at: e, dashes) { e += 5 }
                    stop = e
                    break
                }
                // Another BEGIN: this block was cut off; each byte is read once.
                if b[k] == 0x2D, ScanByte.hasPrefix(b, at: k, begin) {
                    stop = k
                    break
                }
                // Key material: runs of at least 16 base64 characters (prose words are shorter).
                if ScanByte.isBase64(b[k]) || b[k] == 0x3D {
                    run += 1
                    if run >= 16 { lastMaterialEnd = k + 1 }
                    if run == 16 { material += 16 } else if run > 16 { material += 1 }
                } else {
                    run = 0
                }
                k += 1
            }
            if stop < 0 { stop = lastMaterialEnd }
            if material >= 16 {
                out.append(ContentMatch(kind: .secret, type: "private_key_pem", range: i..<stop, confidence: 0.97))
                i = stop
            } else {
                i = max(bodyStart, k)
            }
        }
    }

    /// `… PRIVATE KEY` or `… PRIVATE KEY BLOCK`.
    static func isPrivateLabel(_ b: UnsafeBufferPointer<UInt8>, _ label: Range<Int>) -> Bool {
        let needle = Array("PRIVATE KEY".utf8)
        return PrefixTokenScanner.contains(b, label, needle)
    }
}
