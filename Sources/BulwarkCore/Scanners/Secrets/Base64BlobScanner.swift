/// Secrets hidden in base64 runs: PEM private keys encoded once more (`LS0tLS1CRUdJTi…`),
/// DER private keys (`MII…` whose ASN.1 starts with a version integer), Atlassian personal access
/// tokens (the base64 of `<numeric id>:<random>`) and Azure identifiable storage keys (`JQQJ9`).
enum Base64BlobScanner {
    /// Decoding cap for a long run searched for an embedded PEM block.
    static let decodeLimit = 1 << 16

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i < n {
            guard ScanByte.isBase64(b[i]), i == 0 || !ScanByte.isBase64(b[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            while j < n, ScanByte.isBase64(b[j]) { j += 1 }
            var end = j
            while end < n, b[end] == 0x3D, end - j < 2 { end += 1 }
            if let m = classify(b, i..<j, padded: end) { out.append(m) } else { atlassianPieces(b, i..<j, into: &out) }
            i = max(end, i + 1)
        }
    }

    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, padded: Int) -> ContentMatch? {
        let length = run.count
        guard length >= 40 else { return nil }
        let s = run.lowerBound
        if ScanByte.hasPrefix(b, at: s, Array("LS0tLS1CRUdJTi".utf8)) {
            if let head = Base64Decoder.decode(b, run, limit: 80), containsASCII(head, "PRIVATE") {
                return ContentMatch(kind: .secret, type: "private_key_pem", range: s..<padded, confidence: 0.9)
            }
            return nil
        }
        if b[s] == 0x4D, isDERPrivateKey(b, run) {
            return ContentMatch(kind: .secret, type: "private_key_der", range: s..<padded, confidence: 0.85)
        }
        if (80...100).contains(length), PrefixTokenScanner.contains(b, run, Array("JQQJ9".utf8)) {
            return ContentMatch(kind: .secret, type: "azure_storage_key", range: s..<padded, confidence: 0.85)
        }
        if length >= 200, let decoded = Base64Decoder.decode(b, run, limit: decodeLimit),
            containsASCII(decoded, "PRIVATE KEY-----")
        {
            return ContentMatch(kind: .secret, type: "private_key_pem", range: s..<padded, confidence: 0.85)
        }
        return nil
    }

    /// ASN.1: SEQUENCE, a length, then INTEGER 0 or 1 (the version of PKCS#1, PKCS#8 and SEC1
    /// private keys). Public keys and certificates start with a nested SEQUENCE instead.
    static func isDERPrivateKey(_ b: UnsafeBufferPointer<UInt8>, _ run: Range<Int>) -> Bool {
        guard let d = Base64Decoder.decode(b, run.lowerBound..<min(run.upperBound, run.lowerBound + 16), limit: 9),
            d.count >= 5, d[0] == 0x30
        else { return false }
        var k = 2
        if d[1] == 0x81 { k = 3 } else if d[1] == 0x82 { k = 4 } else if d[1] >= 0x80 { return false }
        guard k + 2 < d.count else { return false }
        return d[k] == 0x02 && d[k + 1] == 0x01 && d[k + 2] <= 0x01
    }

    /// Atlassian (Jira/Confluence) PATs: 44 base64 characters, decoding to a numeric id and `:`.
    static func atlassianPieces(_ b: UnsafeBufferPointer<UInt8>, _ run: Range<Int>, into out: inout [ContentMatch]) {
        guard run.count >= 44 else { return }
        var p = run.lowerBound
        while p < run.upperBound {
            var q = p
            while q < run.upperBound, b[q] != 0x2F { q += 1 }
            if q - p == 44, let d = Base64Decoder.decode(b, p..<(p + 20), limit: 15) {
                var digits = 0
                while digits < d.count, ScanByte.isDigit(d[digits]) { digits += 1 }
                if (10...14).contains(digits), digits < d.count, d[digits] == 0x3A {
                    out.append(ContentMatch(kind: .secret, type: "atlassian_token", range: p..<q, confidence: 0.85))
                }
            }
            p = q + 1
        }
    }

    static func containsASCII(_ hay: [UInt8], _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard hay.count >= n else { return false }
        let p = needle.utf8Start
        var i = 0
        while i + n <= hay.count {
            var k = 0
            while k < n, hay[i + k] == p[k] { k += 1 }
            if k == n { return true }
            i += 1
        }
        return false
    }
}
