/// JSON Web Tokens: three base64url parts separated by dots, whose header decodes to a JSON
/// object with an `"alg"` member (the signature part may be empty for `alg: none`).
enum JWTScanner {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i + 3 < n {
            guard b[i] == 0x65, b[i + 1] == 0x79, b[i + 2] == 0x4A, PrefixTokenScanner.startsWord(b, i) else {  // "eyJ"
                i += 1
                continue
            }
            let h = part(b, from: i)
            guard h.count >= 10, h.upperBound < n, b[h.upperBound] == 0x2E else {
                i = max(i + 1, h.upperBound)
                continue
            }
            let p = part(b, from: h.upperBound + 1)
            guard p.count >= 2, p.upperBound < n, b[p.upperBound] == 0x2E else {
                i = max(i + 1, p.upperBound)
                continue
            }
            let s = part(b, from: p.upperBound + 1)
            if let header = Base64Decoder.decode(b, h, limit: 512), Base64BlobScanner.containsASCII(header, "\"alg\"") {
                out.append(ContentMatch(kind: .secret, type: "jwt", range: i..<s.upperBound, confidence: 0.9))
            }
            i = max(i + 1, s.upperBound)
        }
    }

    @inline(__always) static func part(_ b: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int> {
        var k = from
        while k < b.count, ScanByte.isURLSafe(b[k]) || b[k] == 0x3D || b[k] == 0x2B || b[k] == 0x2F { k += 1 }
        return from..<k
    }
}
