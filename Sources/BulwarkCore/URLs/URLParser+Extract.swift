extension URLParser {
    /// Every `scheme://…` URL inside free text, in order, found by one linear scan.
    ///
    /// A URL also ends where another `scheme://` begins, so both URLs of
    /// `https://a.example/?next=https://b.example` are reported.
    /// A URL ends at a blank, a quote, `<`, `>`, a backtick, `{`, `}`, `|`, `\` or a typographic
    /// quote; trailing sentence punctuation (`.`, `,`, `;`, `:`, `!`, `?`) and unbalanced closing
    /// brackets are dropped. At most `limit` URLs are returned.
    public static func extract(from text: String, limit: Int = 256) -> [URLFacet] {
        let u = Array(text.utf8)
        var found: [URLFacet] = []
        var i = 0
        var resumeAt = 0
        while i + 2 < u.count && found.count < limit {
            guard u[i] == 0x3A, u[i + 1] == 0x2F, u[i + 2] == 0x2F else {
                i += 1
                continue
            }
            // Walk back over the scheme.
            var s = i
            while s > resumeAt && isSchemeByte(u[s - 1]) && i - s < 32 { s -= 1 }
            while s < i && !isAlpha(u[s]) { s += 1 }
            guard i - s >= 2 else {
                i += 3
                continue
            }
            // Walk forward to the end of the URL.
            var e = i + 3
            while e < u.count && !isTerminator(u, e) {
                // Another URL glued on (`…,http://…`, `?next=https://…`) starts a new candidate.
                if u[e] == 0x3A, e + 2 < u.count, u[e + 1] == 0x2F, u[e + 2] == 0x2F {
                    var t = e
                    while t > i + 3 && isAlpha(u[t - 1]) && e - t < 32 { t -= 1 }
                    if e - t >= 2 {
                        e = t
                        break
                    }
                }
                e += 1
            }
            e = trimTrailing(u, from: s, to: e)
            if let facet = parse(String(decoding: u[s..<e], as: UTF8.self)) { found.append(facet) }
            i = max(e, i + 3)
            resumeAt = i
        }
        return found
    }

    static func isSchemeByte(_ b: UInt8) -> Bool {
        isAlpha(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E
    }

    static func isTerminator(_ u: [UInt8], _ i: Int) -> Bool {
        let b = u[i]
        switch b {
        case 0x00...0x20, 0x7F, 0x22, 0x27, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7C, 0x5C:
            return true
        case 0xE2:
            // “ ” ‘ ’ (U+201C, U+201D, U+2018, U+2019)
            guard i + 2 < u.count, u[i + 1] == 0x80 else { return false }
            return u[i + 2] == 0x9C || u[i + 2] == 0x9D || u[i + 2] == 0x98 || u[i + 2] == 0x99
        default:
            return false
        }
    }

    /// Drops sentence punctuation and unbalanced `)`/`]` from the end of `u[s..<e]`.
    static func trimTrailing(_ u: [UInt8], from s: Int, to end: Int) -> Int {
        var e = end
        while e > s {
            let b = u[e - 1]
            if b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F {
                e -= 1
                continue
            }
            if b == 0x29 || b == 0x5D {
                let open: UInt8 = b == 0x29 ? 0x28 : 0x5B
                var balance = 0
                for k in s..<e {
                    if u[k] == open { balance += 1 } else if u[k] == b { balance -= 1 }
                }
                if balance < 0 {
                    e -= 1
                    continue
                }
            }
            break
        }
        return e
    }
}
