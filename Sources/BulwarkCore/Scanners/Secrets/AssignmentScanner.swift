/// Generic secrets in assignments: `password=…`, `"api_key": "…"`, `token: …`, `--password …`,
/// `#define PASSWORD "…"`, `CURLOPT_PASSWORD, "…"`, comparisons such as `password == "…"`, in code,
/// config, env files, JSON, YAML, command lines and prose (`password is …`).
///
/// Each name-like word is read once; its separator and value are parsed forward with fixed
/// bounds, so the pass is linear. The match covers the value only, so redaction keeps the name.
enum AssignmentScanner {
    enum Separator {
        case symbol  // = : := => == != %3D
        case encodedEquals  // %3D inside a URL-encoded query
        case space  // flags and #define
        case comma  // CURLOPT_PASSWORD, "…"
        case isWord  // password is …
    }

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        var lineStart = 0
        var defineLine = false
        while i < n {
            let c = b[i]
            if c == 0x0A {
                lineStart = i + 1
                defineLine = false
                i += 1
                continue
            }
            if i == lineStart { defineLine = isDefineLine(b, i) }
            guard isNameByte(c), i == 0 || !isNameByte(b[i - 1]) else {
                i += 1
                continue
            }
            var e = i
            while e < n, isNameByte(b[e]) { e += 1 }
            // Trailing dots belong to prose, not the name.
            var nameEnd = e
            while nameEnd > i, b[nameEnd - 1] == 0x2E { nameEnd -= 1 }
            let isFlag = c == 0x2D
            var nameStart = i
            while nameStart < nameEnd, b[nameStart] == 0x2D { nameStart += 1 }
            if nameEnd - nameStart >= 2, nameEnd - nameStart <= 64,
                let (sep, valueStart) = separator(b, after: nameEnd, name: nameStart..<nameEnd, isFlag: isFlag, defineLine: defineLine),
                mayNameSecret(b, nameStart..<nameEnd),
                let category = SecretKeyword.classify(b, nameStart..<nameEnd),
                sep != .isWord || category == .password,
                let (value, quoted) = value(b, at: valueStart, sep: sep),
                sep != .comma || quoted
            {
                let ok =
                    category == .password
                    ? SecretValueFilter.acceptsPassword(b, value, quoted: quoted)
                    : SecretValueFilter.acceptsToken(b, value, quoted: quoted)
                if ok {
                    let type = category == .password ? "generic_password_assignment" : "generic_api_key_assignment"
                    out.append(ContentMatch(kind: .secret, type: type, range: value, confidence: quoted ? 0.8 : 0.7))
                    i = value.upperBound
                    continue
                }
            }
            i = max(e, i + 1)
        }
    }

    /// Cheap pre-check before `SecretKeyword.classify`: every secret name contains `pa`, `pw`,
    /// `ps`, `secret`, `token`, `key`, `auth`, `bearer` or `cred` (case-insensitive).
    static func mayNameSecret(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        while k + 1 < r.upperBound {
            let c = b[k] | 0x20
            let d = b[k + 1] | 0x20
            switch c {
            case 0x70: if d == 0x61 || d == 0x77 || d == 0x73 { return true }  // pa pw ps
            case 0x6B: if d == 0x65 { return true }  // ke
            case 0x73: if d == 0x65 { return true }  // se
            case 0x74: if d == 0x6F { return true }  // to
            case 0x61: if d == 0x75 { return true }  // au
            case 0x62: if d == 0x65 { return true }  // be
            case 0x63: if d == 0x72 { return true }  // cr
            default: break
            }
            k += 1
        }
        return false
    }

    /// Bytes of a name: letters, digits, `_`, `-`, `.`.
    @inline(__always) static func isNameByte(_ c: UInt8) -> Bool {
        ScanByte.isAlnum(c) || c == 0x5F || c == 0x2D || c == 0x2E
    }

    @inline(__always) static func isQuote(_ c: UInt8) -> Bool { c == 0x22 || c == 0x27 || c == 0x60 }

    /// `#define`, `%define`, `%global`, `set` and `SET` lines take `NAME value`.
    static func isDefineLine(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var k = start
        while k < b.count, k - start < 16, ScanByte.isSpace(b[k]) || isQuote(b[k]) || ScanByte.isDigit(b[k]) || b[k] == 0x2B { k += 1 }
        return ScanByte.hasPrefixFolded(b, at: k, "#define") || ScanByte.hasPrefixFolded(b, at: k, "%define")
            || ScanByte.hasPrefixFolded(b, at: k, "%global") || ScanByte.hasPrefixFolded(b, at: k, "set ")
    }

    /// The length of a quote at `k`: `"`, `'`, `` ` ``, `\"`, `\\\"`, `&quot;`; 0 when none.
    static func quoteLength(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        guard k < b.count else { return 0 }
        if isQuote(b[k]) { return 1 }
        if b[k] == 0x5C {
            var j = k
            while j < b.count, j - k < 4, b[j] == 0x5C { j += 1 }
            return j < b.count && isQuote(b[j]) ? j - k + 1 : 0
        }
        if b[k] == 0x26, ScanByte.hasPrefixFolded(b, at: k, "&quot;") { return 6 }
        return 0
    }

    static func separator(
        _ b: UnsafeBufferPointer<UInt8>, after nameEnd: Int, name: Range<Int>, isFlag: Bool, defineLine: Bool
    ) -> (Separator, Int)? {
        let n = b.count
        var k = nameEnd
        // A closing quote or bracket of the name: "password": / ['password'] / 'PASSWORD' ,
        var closed = false
        var guardCount = 0
        while k < n, guardCount < 3 {
            let q = quoteLength(b, k)
            if q > 0 {
                k += q
                closed = true
            } else if b[k] == 0x5D {
                k += 1
            } else {
                break
            }
            guardCount += 1
        }
        let afterName = k
        while k < n, k - afterName < 8, ScanByte.isSpace(b[k]) { k += 1 }
        guard k < n else { return nil }
        let c = b[k]
        let next: UInt8 = k + 1 < n ? b[k + 1] : 0
        switch c {
        case 0x3D:  // = == === =>
            var j = k + 1
            while j < n, j - k < 3, b[j] == 0x3D { j += 1 }
            if j < n, b[j] == 0x3E { j += 1 }
            return (.symbol, skipSpaces(b, j))
        case 0x3A:  // : := and "name: Type = value"
            var j = k + 1
            if next == 0x3D { j += 1 }
            if next == 0x3A { return nil }  // :: is a path or scope
            j = skipSpaces(b, j)
            return (.symbol, skipTypeAnnotation(b, j))
        case 0x21:  // != !==
            guard next == 0x3D else { return nil }
            var j = k + 1
            while j < n, j - k < 3, b[j] == 0x3D { j += 1 }
            return (.symbol, skipSpaces(b, j))
        case 0x2D:  // ->
            guard next == 0x3E else { break }
            return (.symbol, skipSpaces(b, k + 2))
        case 0x25:  // %3D
            guard k + 2 < n, next == 0x33, b[k + 2] | 0x20 == 0x64 else { return nil }
            return (.encodedEquals, k + 3)
        case 0x2C:  // , "value" after a quoted or UPPERCASE name
            guard isUpperConstant(b, name) else { return nil }
            let j = skipSpaces(b, k + 1)
            return quoteLength(b, j) > 0 ? (.comma, j) : nil
        default:
            break
        }
        // Whitespace separators.
        guard k > afterName else { return nil }
        if isFlag || defineLine { return (.space, k) }
        if quoteLength(b, k) > 0, !closed { return (.space, k) }
        if c | 0x20 == 0x69, next | 0x20 == 0x73, k + 2 < n, ScanByte.isSpace(b[k + 2]) {  // "is "
            return (.isWord, skipSpaces(b, k + 3))
        }
        return nil
    }

    @inline(__always) static func skipSpaces(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        while j < b.count, j - from < 8, ScanByte.isSpace(b[j]) { j += 1 }
        return j
    }

    /// `password: String = "…"` and `passwd: str = "…"`: skip the type to the `=`.
    static func skipTypeAnnotation(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var j = from
        guard j < b.count, ScanByte.isAlpha(b[j]) else { return from }
        while j < b.count, j - from < 32, ScanByte.isWord(b[j]) || b[j] == 0x3F || b[j] == 0x2E { j += 1 }
        // The type is followed by " = "; a value that merely ends in '=' (base64 padding) is not a type.
        let t = skipSpaces(b, j)
        guard t > j, t < b.count, b[t] == 0x3D, t + 1 >= b.count || b[t + 1] != 0x3D else { return from }
        return skipSpaces(b, t + 1)
    }

    static func isUpperConstant(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        for i in r where ScanByte.isLower(b[i]) { return false }
        return true
    }

    /// The value at `start`: a quoted string on one line, or a bare run up to a delimiter.
    static func value(_ b: UnsafeBufferPointer<UInt8>, at start: Int, sep: Separator) -> (Range<Int>, Bool)? {
        let n = b.count
        guard start < n else { return nil }
        let q = quoteLength(b, start)
        if q > 0 {
            let open = start + q - 1
            let quoteByte = b[open]
            let isEntity = quoteByte == 0x3B  // &quot;
            let s = start + q
            var k = s
            while k < n, k - s < 512, b[k] != 0x0A {
                if isEntity {
                    if b[k] == 0x26, ScanByte.hasPrefixFolded(b, at: k, "&quot;") { break }
                } else if b[k] == quoteByte {
                    break
                }
                k += 1
            }
            var e = k
            // An escaped closing quote: drop the backslashes before it.
            while e > s, b[e - 1] == 0x5C { e -= 1 }
            if k < n, k - s < 512, b[k] != 0x0A, e > s { return (s..<e, true) }
            // Unterminated: fall back to a bare value after the quote.
            return bare(b, from: s, sep: sep).map { ($0, false) }
        }
        return bare(b, from: start, sep: sep).map { ($0, false) }
    }

    static func bare(_ b: UnsafeBufferPointer<UInt8>, from s: Int, sep: Separator) -> Range<Int>? {
        let n = b.count
        var k = s
        while k < n, k - s < 256 {
            let c = b[k]
            if ScanByte.isWhite(c) || c == 0x2C || c == 0x3B || c == 0x29 || c == 0x7D || c == 0x5D || c == 0x3C
                || c == 0x22 || c == 0x27 || c == 0x60 || c == 0x5C
            { break }
            if c == 0x26 {
                // Keep HTML-escaped ampersands that are part of the value (&amp;), stop at markup.
                if !ScanByte.hasPrefixFolded(b, at: k, "&amp;") { break }
            }
            if c == 0x25, sep == .encodedEquals { break }
            k += 1
        }
        var e = k
        while e > s, b[e - 1] == 0x2E || b[e - 1] == 0x3A { e -= 1 }
        return e > s ? s..<e : nil
    }
}
