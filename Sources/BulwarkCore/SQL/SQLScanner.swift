/// The byte-level state machine behind `SQLTokenizer`. Every loop advances `index`, so the scan
/// is linear; the only look-ahead searches (closing `]`, closing dollar tag) are bounded or cached.
struct SQLScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let options: SQLTokenizer.Options
    var index = 0
    var tokens: [SQLToken] = []
    var ambiguities = SQLTokenizer.Ambiguities()

    private var pendingComment = false
    private var pendingWhitespace = false
    private var executableDepth = 0
    /// A search for `]` from this offset already reached the end of input without one.
    private var bracketSearchFailedFrom = Int.max

    static let maxDollarTag = 64

    init(bytes: UnsafeBufferPointer<UInt8>, options: SQLTokenizer.Options) {
        self.bytes = bytes
        self.options = options
        tokens.reserveCapacity(min(bytes.count / 4 + 4, 1 << 16))
    }

    mutating func run() {
        let n = bytes.count
        while index < n {
            let b = bytes[index]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                pendingWhitespace = true
                index += 1
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                skipLineComment()
            case UInt8(ascii: "#") where options.hashComments:
                ambiguities.hashComment = true
                skipLineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                skipBlockComment()
            case UInt8(ascii: "*") where peek(1) == UInt8(ascii: "/") && executableDepth > 0:
                executableDepth -= 1
                pendingComment = true
                index += 2
            case UInt8(ascii: "'"):
                scanQuoted(start: index, bodyStart: index + 1, quote: b, kind: .string, backslash: options.backslashEscapes)
            case UInt8(ascii: "\""):
                scanQuoted(start: index, bodyStart: index + 1, quote: b, kind: .quotedIdentifier, backslash: options.backslashEscapes)
            case UInt8(ascii: "`"):
                scanQuoted(start: index, bodyStart: index + 1, quote: b, kind: .quotedIdentifier, backslash: false)
            case UInt8(ascii: "["):
                scanBracket()
            case UInt8(ascii: "$"):
                scanDollar()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                scanNumber()
            case UInt8(ascii: ".") where isDigit(peek(1)):
                scanNumber()
            case UInt8(ascii: ";"):
                emit(.semicolon, from: index, to: index + 1)
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "."),
                UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                emit(.punctuation, from: index, to: index + 1)
            case UInt8(ascii: "?"):
                var end = index + 1
                while end < n, isDigit(bytes[end]) { end += 1 }
                emit(.parameter, from: index, to: end)
            case UInt8(ascii: ":") where isIdentifierStart(peek(1)):
                emit(.parameter, from: index, to: identifierEnd(from: index + 1))
            case UInt8(ascii: "@"):
                var start = index + 1
                if peek(1) == UInt8(ascii: "@") { start += 1 }
                if start < n, isIdentifierStart(bytes[start]) {
                    emit(.parameter, from: index, to: identifierEnd(from: start))
                } else {
                    scanOperator()
                }
            default:
                if isIdentifierStart(b) {
                    scanWord()
                } else {
                    scanOperator()
                }
            }
        }
    }

    // MARK: - Comments

    private mutating func skipLineComment() {
        while index < bytes.count, bytes[index] != 0x0A { index += 1 }
        pendingComment = true
    }

    private mutating func skipBlockComment() {
        pendingComment = true
        if peek(2) == UInt8(ascii: "!") {
            // MySQL executable comment: the content is code. Skip `/*!` and the optional version.
            index += 3
            var digits = 0
            while index < bytes.count, isDigit(bytes[index]), digits < 6 {
                index += 1
                digits += 1
            }
            executableDepth += 1
            return
        }
        index += 2
        var depth = 1
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                index += 2
                depth -= 1
                if depth == 0 { return }
            } else if b == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                ambiguities.nestedComment = true
                index += 2
                if options.nestedComments { depth += 1 }
            } else {
                index += 1
            }
        }
    }

    // MARK: - Quoted text

    /// Scans a quoted run where the quote is escaped by doubling (and by backslash when asked).
    private mutating func scanQuoted(start: Int, bodyStart: Int, quote: UInt8, kind: SQLToken.Kind, backslash: Bool) {
        var value: [UInt8] = []
        var i = bodyStart
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == quote {
                if i + 1 < n, bytes[i + 1] == quote {
                    value.append(quote)
                    i += 2
                    continue
                }
                emit(kind, from: start, to: i + 1, value: decode(value))
                return
            }
            if b == UInt8(ascii: "\\"), quote != UInt8(ascii: "`") {
                ambiguities.backslashInString = true
                if backslash, i + 1 < n {
                    value.append(unescape(bytes[i + 1]))
                    i += 2
                    continue
                }
            }
            value.append(b)
            i += 1
        }
        emit(kind, from: start, to: n, value: decode(value), unterminated: true)
    }

    private func unescape(_ b: UInt8) -> UInt8 {
        switch b {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "0"): 0x00
        default: b
        }
    }

    /// `[name]` (SQL Server). A `[` with no `]` anywhere after it is plain punctuation.
    private mutating func scanBracket() {
        let start = index
        if start >= bracketSearchFailedFrom {
            emit(.punctuation, from: start, to: start + 1)
            return
        }
        var value: [UInt8] = []
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "]") {
                if peek(at: i + 1) == UInt8(ascii: "]") {
                    value.append(UInt8(ascii: "]"))
                    i += 2
                    continue
                }
                emit(.quotedIdentifier, from: start, to: i + 1, value: decode(value))
                return
            }
            value.append(bytes[i])
            i += 1
        }
        bracketSearchFailedFrom = start
        emit(.punctuation, from: start, to: start + 1)
    }

    /// `$1` parameters and `$$…$$` / `$tag$…$tag$` dollar-quoted strings (PostgreSQL).
    private mutating func scanDollar() {
        let start = index
        let n = bytes.count
        if isDigit(peek(1)) {
            var end = start + 1
            while end < n, isDigit(bytes[end]) { end += 1 }
            emit(.parameter, from: start, to: end)
            return
        }
        var tagEnd = start + 1
        if tagEnd < n, isIdentifierStart(bytes[tagEnd]) {
            while tagEnd < n, tagEnd - start <= Self.maxDollarTag, isDollarTagByte(bytes[tagEnd]) { tagEnd += 1 }
        }
        guard tagEnd < n, bytes[tagEnd] == UInt8(ascii: "$") else {
            emit(.operator, from: start, to: start + 1)
            return
        }
        let tagLength = tagEnd - start + 1  // includes both dollars
        let bodyStart = tagEnd + 1
        var i = bodyStart
        while i < n {
            if bytes[i] == UInt8(ascii: "$"), i + tagLength <= n, matches(at: i, tagStart: start, length: tagLength) {
                emit(.string, from: start, to: i + tagLength, value: decode(bodyStart, i))
                return
            }
            i += 1
        }
        emit(.string, from: start, to: n, value: decode(bodyStart, n), unterminated: true)
    }

    private func matches(at i: Int, tagStart: Int, length: Int) -> Bool {
        for k in 0..<length where bytes[i + k] != bytes[tagStart + k] { return false }
        return true
    }

    // MARK: - Words, numbers, operators

    private mutating func scanWord() {
        let start = index
        let b = bytes[start]
        // String prefixes: E'…' (escapes), N'…', B'…', X'…', U&'…'.
        if peek(1) == UInt8(ascii: "'") {
            switch b | 0x20 {
            case UInt8(ascii: "e"):
                scanQuoted(start: start, bodyStart: start + 2, quote: UInt8(ascii: "'"), kind: .string, backslash: true)
                return
            case UInt8(ascii: "n"), UInt8(ascii: "b"), UInt8(ascii: "x"):
                scanQuoted(start: start, bodyStart: start + 2, quote: UInt8(ascii: "'"), kind: .string, backslash: options.backslashEscapes)
                return
            default: break
            }
        }
        if b | 0x20 == UInt8(ascii: "u"), peek(1) == UInt8(ascii: "&"), peek(2) == UInt8(ascii: "'") {
            scanQuoted(start: start, bodyStart: start + 3, quote: UInt8(ascii: "'"), kind: .string, backslash: false)
            return
        }
        let end = identifierEnd(from: start)
        var upper: [UInt8] = []
        upper.reserveCapacity(end - start)
        for i in start..<end {
            let c = bytes[i]
            upper.append(c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c)
        }
        emit(.word, from: start, to: end, value: decode(upper))
    }

    private mutating func scanNumber() {
        let start = index
        let n = bytes.count
        var i = start
        if bytes[i] == UInt8(ascii: "0"), i + 2 < n, bytes[i + 1] | 0x20 == UInt8(ascii: "x"), isHex(bytes[i + 2]) {
            i += 2
            while i < n, isHex(bytes[i]) { i += 1 }
            emit(.number, from: start, to: i)
            return
        }
        var seenDot = false
        while i < n {
            let c = bytes[i]
            if isDigit(c) || (c == UInt8(ascii: "_") && i > start && isDigit(peek(at: i + 1))) {
                i += 1
            } else if c == UInt8(ascii: "."), !seenDot {
                seenDot = true
                i += 1
            } else {
                break
            }
        }
        if i < n, bytes[i] | 0x20 == UInt8(ascii: "e") {
            var j = i + 1
            if j < n, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") { j += 1 }
            if j < n, isDigit(bytes[j]) {
                while j < n, isDigit(bytes[j]) { j += 1 }
                i = j
            }
        }
        emit(.number, from: start, to: i)
    }

    private static let threeByteOperators: [[UInt8]] = ["->>", "<=>"].map { Array($0.utf8) }
    private static let twoByteOperators: [[UInt8]] = [
        "::", "<=", ">=", "<>", "!=", "==", "||", "&&", ":=", "=>", "->", "<<", ">>", "!~", "~*", "@>", "<@",
    ].map { Array($0.utf8) }

    private mutating func scanOperator() {
        let start = index
        for op in Self.threeByteOperators where has(op, at: start) {
            emit(.operator, from: start, to: start + 3)
            return
        }
        for op in Self.twoByteOperators where has(op, at: start) {
            emit(.operator, from: start, to: start + 2)
            return
        }
        // A multi-byte scalar that is not an identifier start still counts as one token.
        var end = start + 1
        if bytes[start] >= 0xC0 {
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        emit(.operator, from: start, to: end)
    }

    private func has(_ op: [UInt8], at i: Int) -> Bool {
        guard i + op.count <= bytes.count else { return false }
        for k in 0..<op.count where bytes[i + k] != op[k] { return false }
        return true
    }

    // MARK: - Emission and byte classes

    private mutating func emit(_ kind: SQLToken.Kind, from start: Int, to end: Int, value: String? = nil, unterminated: Bool = false) {
        let text = decode(start, end)
        tokens.append(SQLToken(
            kind: kind, text: text, value: value ?? text, offset: start, length: end - start,
            commentBefore: pendingComment, whitespaceBefore: pendingWhitespace,
            inExecutableComment: executableDepth > 0, isUnterminated: unterminated
        ))
        pendingComment = false
        pendingWhitespace = false
        index = end
    }

    private func decode(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func decode(_ value: [UInt8]) -> String { String(decoding: value, as: UTF8.self) }

    private func identifierEnd(from start: Int) -> Int {
        var i = start
        while i < bytes.count, isIdentifierByte(bytes[i]) { i += 1 }
        return i
    }

    @inline(__always) private func peek(_ offset: Int) -> UInt8 { peek(at: index + offset) }
    @inline(__always) private func peek(at i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
    @inline(__always) private func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x66) }
    @inline(__always) private func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private func isIdentifierStart(_ b: UInt8) -> Bool {
        isLetter(b) || b == UInt8(ascii: "_") || b >= 0x80
    }
    @inline(__always) private func isIdentifierByte(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || isDigit(b) || b == UInt8(ascii: "$")
    }
    @inline(__always) private func isDollarTagByte(_ b: UInt8) -> Bool {
        isIdentifierStart(b) || isDigit(b)
    }
}
