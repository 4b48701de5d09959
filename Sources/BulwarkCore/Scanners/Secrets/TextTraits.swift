/// Cheap facts about a text, gathered in one pass, that let the scanners skip rules that cannot
/// match (no `@` means no e-mail; no 40-character base64 run means no AWS secret or key blob).
struct TextTraits {
    var digits = 0
    var colons = 0
    var hasAt = false
    var hasSchemeSeparator = false  // "://"
    var hasFiveDashes = false  // "-----"
    var hasJWTStart = false  // "eyJ"
    var longestBase64Run = 0

    init(_ b: UnsafeBufferPointer<UInt8>) {
        let n = b.count
        var run = 0
        var i = 0
        while i < n {
            let c = b[i]
            if ScanByte.isBase64(c) {
                run += 1
                if ScanByte.isDigit(c) { digits += 1 }
                if c == 0x65, i + 2 < n, b[i + 1] == 0x79, b[i + 2] == 0x4A { hasJWTStart = true }
            } else {
                if run > longestBase64Run { longestBase64Run = run }
                run = 0
                switch c {
                case 0x40: hasAt = true
                case 0x3A:
                    colons += 1
                    if i + 2 < n, b[i + 1] == 0x2F, b[i + 2] == 0x2F { hasSchemeSeparator = true }
                case 0x2D:
                    if i + 4 < n, b[i + 1] == 0x2D, b[i + 2] == 0x2D, b[i + 3] == 0x2D, b[i + 4] == 0x2D { hasFiveDashes = true }
                default: break
                }
            }
            i += 1
        }
        if run > longestBase64Run { longestBase64Run = run }
    }
}
