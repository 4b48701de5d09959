/// Splits expression source into tokens: identifiers, numbers, strings (single, double or triple
/// quoted, raw with an `r` prefix, with CEL's escapes), keywords and operators.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1

    /// Words CEL reserves: they cannot name a variable, a field or a function.
    static let reserved: Set<String> = [
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    ]

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    static func tokenize(_ source: String) throws(ExpressionError) -> [ExpressionToken] {
        var lexer = ExpressionLexer(source)
        var tokens: [ExpressionToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var position: ExpressionPosition { ExpressionPosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipTrivia() {
        while let c = peek() {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" {
                advance()
            } else if c == "/", peek(1) == "/" {
                while let d = peek(), d != "\n" { advance() }
            } else {
                return
            }
        }
    }

    private static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }

    private static func isDigit(_ c: Unicode.Scalar?) -> Bool {
        guard let c else { return false }
        return c >= "0" && c <= "9"
    }

    mutating func next() throws(ExpressionError) -> ExpressionToken {
        skipTrivia()
        let start = position
        guard let c = peek() else { return ExpressionToken(kind: .end, position: start) }
        if (c == "r" || c == "R"), let q = peek(1), q == "\"" || q == "'" {
            advance()
            return ExpressionToken(kind: .string(try string(raw: true, start: start)), position: start)
        }
        if Self.isIdentStart(c) {
            var name = ""
            while let d = peek(), Self.isIdentStart(d) || Self.isDigit(d) {
                name.unicodeScalars.append(d)
                advance()
            }
            let kind: ExpressionToken.Kind
            switch name {
            case "true": kind = .keywordTrue
            case "false": kind = .keywordFalse
            case "null": kind = .keywordNull
            case "in": kind = .keywordIn
            default:
                if Self.reserved.contains(name) { throw ExpressionError("'\(name)' is a reserved word", at: start) }
                kind = .identifier(name)
            }
            return ExpressionToken(kind: kind, position: start)
        }
        if Self.isDigit(c) { return ExpressionToken(kind: try number(start: start), position: start) }
        if c == "\"" || c == "'" {
            return ExpressionToken(kind: .string(try string(raw: false, start: start)), position: start)
        }
        let two: [String] = ["==", "!=", "<=", ">=", "&&", "||"]
        if let d = peek(1) {
            var pair = String(c)
            pair.unicodeScalars.append(d)
            if two.contains(pair) {
                advance(); advance()
                return ExpressionToken(kind: .symbol(pair), position: start)
            }
        }
        if "()[]{}.,:?!-+*/%<>".unicodeScalars.contains(c) {
            advance()
            return ExpressionToken(kind: .symbol(String(c)), position: start)
        }
        if c == "=" { throw ExpressionError("unexpected '=' (did you mean '=='?)", at: start) }
        if c == "&" || c == "|" { throw ExpressionError("unexpected '\(c)' (did you mean '\(c)\(c)'?)", at: start) }
        throw ExpressionError("unexpected character '\(c.escaped(asASCII: true))'", at: start)
    }

    private mutating func number(start: ExpressionPosition) throws(ExpressionError) -> ExpressionToken.Kind {
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            advance(); advance()
            var value: UInt64 = 0
            var digits = 0
            while let d = peek(), let v = d.hexDigitValue {
                let (m, o1) = value.multipliedReportingOverflow(by: 16)
                let (s, o2) = m.addingReportingOverflow(UInt64(v))
                if o1 || o2 { throw ExpressionError("integer literal out of range", at: start) }
                value = s
                digits += 1
                advance()
            }
            if digits == 0 { throw ExpressionError("malformed hexadecimal literal", at: start) }
            try rejectSuffix(start: start)
            return .int(value)
        }
        var text = ""
        var isDouble = false
        while Self.isDigit(peek()) { text.unicodeScalars.append(peek()!); advance() }
        if peek() == ".", Self.isDigit(peek(1)) {
            isDouble = true
            text += "."
            advance()
            while Self.isDigit(peek()) { text.unicodeScalars.append(peek()!); advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            var look = 1
            if let s = peek(1), s == "+" || s == "-" { look = 2 }
            if Self.isDigit(peek(look)) {
                isDouble = true
                for _ in 0..<look { text.unicodeScalars.append(peek()!); advance() }
                while Self.isDigit(peek()) { text.unicodeScalars.append(peek()!); advance() }
            }
        }
        try rejectSuffix(start: start)
        if isDouble {
            guard let v = Double(text), v.isFinite else { throw ExpressionError("double literal out of range", at: start) }
            return .double(v)
        }
        guard let v = UInt64(text) else { throw ExpressionError("integer literal out of range", at: start) }
        return .int(v)
    }

    private func rejectSuffix(start: ExpressionPosition) throws(ExpressionError) {
        if let u = peek(), u == "u" || u == "U" {
            throw ExpressionError("unsigned integers are not supported", at: start)
        }
        if let c = peek(), Self.isIdentStart(c) || Self.isDigit(c) || c == "." {
            throw ExpressionError("malformed number", at: start)
        }
    }

    private mutating func string(raw: Bool, start: ExpressionPosition) throws(ExpressionError) -> String {
        let quote = peek()!
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        var out = ""
        while true {
            guard let c = peek() else { throw ExpressionError("unterminated string literal", at: start) }
            if c == quote, !triple || (peek(1) == quote && peek(2) == quote) {
                for _ in 0..<(triple ? 3 : 1) { advance() }
                return out
            }
            if !triple, c == "\n" || c == "\r" { throw ExpressionError("unterminated string literal", at: start) }
            if c == "\\", !raw {
                let at = position
                advance()
                out.unicodeScalars.append(try escape(at: at))
                continue
            }
            out.unicodeScalars.append(c)
            advance()
        }
    }

    private mutating func escape(at: ExpressionPosition) throws(ExpressionError) -> Unicode.Scalar {
        guard let c = peek() else { throw ExpressionError("unterminated string literal", at: at) }
        advance()
        switch c {
        case "\\": return "\\"
        case "\"": return "\""
        case "'": return "'"
        case "`": return "`"
        case "?": return "?"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "a": return "\u{07}"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "v": return "\u{0B}"
        case "x", "X": return try hexEscape(digits: 2, at: at)
        case "u": return try hexEscape(digits: 4, at: at)
        case "U": return try hexEscape(digits: 8, at: at)
        case "0"..."3":
            var value = c.value - 48
            for _ in 0..<2 {
                guard let d = peek(), d >= "0" && d <= "7" else { throw ExpressionError("malformed octal escape", at: at) }
                value = value * 8 + d.value - 48
                advance()
            }
            return Unicode.Scalar(value)!
        default:
            throw ExpressionError("unknown escape sequence '\\\(c.escaped(asASCII: true))'", at: at)
        }
    }

    private mutating func hexEscape(digits: Int, at: ExpressionPosition) throws(ExpressionError) -> Unicode.Scalar {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let d = peek(), let v = d.hexDigitValue else { throw ExpressionError("malformed hexadecimal escape", at: at) }
            value = value &* 16 &+ UInt32(v)
            advance()
        }
        guard let scalar = Unicode.Scalar(value) else { throw ExpressionError("escape is not a Unicode scalar", at: at) }
        return scalar
    }
}

extension Unicode.Scalar {
    /// The value of a hexadecimal digit, or `nil`.
    var hexDigitValue: Int? {
        switch self {
        case "0"..."9": Int(value - 48)
        case "a"..."f": Int(value - 87)
        case "A"..."F": Int(value - 55)
        default: nil
        }
    }
}
