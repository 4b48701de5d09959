/// A syntax problem met while parsing. Parsing recovers and goes on, so a script with errors
/// still yields every command that could be read.
public struct ShellSyntaxError: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case unterminatedQuote = "unterminated quote"
        case unterminatedSubstitution = "unterminated substitution"
        case unterminatedHeredoc = "unterminated heredoc"
        case unexpectedToken = "unexpected token"
        case tooDeep = "nesting too deep"
        case tooLarge = "script too large"
    }
    public var kind: Kind
    public var offset: Int
}

public struct ShellParseResult: Sendable {
    public var script: ShellScript
    public var errors: [ShellSyntaxError]
    /// Names of the shell functions the script defines.
    public var functionNames: Set<String> = []
    /// The source of each function's bodies (`{ … }` or `( … )` without the brackets; every
    /// definition of a name, at most 4), for calls to be judged with their arguments. At most 32
    /// definitions; bodies over 64 KiB are not kept.
    public var functionBodies: [String: [String]] = [:]

    /// True when a limit (depth or size) stopped the parser: the script was not fully read.
    public var hitLimit: Bool { errors.contains { $0.kind == .tooDeep || $0.kind == .tooLarge } }
}

/// A POSIX/bash parser for the command lines agents send. It handles quoting (`'…'`, `"…"`,
/// `$'…'`, backslashes), pipelines and lists, subshells and groups, `$(…)`, backticks,
/// process substitution, arithmetic, parameters, redirections, heredocs and the compound
/// commands (flattened). It never recurses deeper than `maxDepth` and runs in linear time.
public enum ShellParser {
    public static let defaultMaxDepth = 40
    public static let maxBytes = 4 << 20

    public static func parse(_ source: String, maxDepth: Int = defaultMaxDepth) -> ShellParseResult {
        let bytes = Array(source.utf8)
        return parse(bytes: bytes, maxDepth: maxDepth)
    }

    public static func parse(bytes: [UInt8], maxDepth: Int = defaultMaxDepth) -> ShellParseResult {
        if bytes.count > maxBytes {
            return ShellParseResult(script: ShellScript(), errors: [ShellSyntaxError(kind: .tooLarge, offset: maxBytes)])
        }
        var state = ShellParserState(bytes: bytes, depth: 0, maxDepth: maxDepth)
        let script = state.parseList(untilParen: false)
        var result = ShellParseResult(script: script, errors: state.errors, functionNames: state.functionNames)
        for (name, body) in state.functionDefinitions where (result.functionBodies[name]?.count ?? 0) < 4 {
            result.functionBodies[name, default: []].append(body)
        }
        return result
    }
}

private let reservedSkip: Set<String> = ["if", "then", "elif", "else", "fi", "do", "done", "while", "until", "!", "{", "}", "time"]

struct ShellParserState {
    let b: [UInt8]
    var i = 0
    let depth: Int
    let maxDepth: Int
    var errors: [ShellSyntaxError] = []
    /// Heredoc bodies are cut out of the stream: reaching `heredocNewline` jumps to `heredocResume`.
    var heredocNewline = -1
    var heredocResume = -1
    var caseDepth = 0
    var expectCasePattern = false
    var functionNames: Set<String> = []
    /// Function bodies cut out of the script, in order: they are judged where they are called
    /// (or, never called, once at the end), not where they are defined.
    var functionDefinitions: [(String, String)] = []

    /// Takes the `{ … }` body that follows a definition out of the stream. A body that cannot be
    /// cut (unbalanced, too large, or past 32 definitions) stays in the stream and is judged inline.
    mutating func takeFunctionBody(_ name: String) {
        guard functionDefinitions.count < 32, let (body, end) = FunctionBody.extract(b, from: i) else { return }
        functionDefinitions.append((name, body))
        i = end
    }

    init(bytes: [UInt8], depth: Int, maxDepth: Int) {
        self.b = bytes
        self.depth = depth
        self.maxDepth = maxDepth
    }

    var atEnd: Bool { i >= b.count }

    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
        let j = i + offset
        return j < b.count ? b[j] : 0
    }

    static let maxErrors = 16

    mutating func error(_ kind: ShellSyntaxError.Kind) {
        if errors.count < Self.maxErrors { errors.append(ShellSyntaxError(kind: kind, offset: i)) }
    }

    /// Takes up to four errors of a nested parse (a backtick or heredoc body), within the cap:
    /// an uncapped list would be copied into every deeper state, quadratically.
    mutating func adoptErrors(of sub: ShellParserState) {
        for e in sub.errors.prefix(4) where errors.count < Self.maxErrors { errors.append(e) }
    }

    // MARK: Lists and pipelines

    /// Parses commands until the end, or until an unmatched `)` when `untilParen`, or until the
    /// `}` that closes a group when `untilBrace`.
    mutating func parseList(untilParen: Bool, untilBrace: Bool = false) -> ShellScript {
        var script = ShellScript()
        while true {
            skipSeparators()
            if atEnd { break }
            if untilBrace, atClosingBrace { break }
            if peek() == UInt8(ascii: ")") {
                if untilParen { break }
                error(.unexpectedToken)
                i += 1
                continue
            }
            let before = i
            var pipeline = parsePipeline()
            var connector = ShellListItem.Connector.sequence
            skipBlanks()
            if peek() == UInt8(ascii: "&"), peek(1) == UInt8(ascii: "&") {
                connector = .and; i += 2
            } else if peek() == UInt8(ascii: "|"), peek(1) == UInt8(ascii: "|") {
                connector = .or; i += 2
            } else if peek() == UInt8(ascii: "&"), peek(1) != UInt8(ascii: ">") {
                connector = .background; i += 1
            }
            if !pipeline.commands.isEmpty {
                script.items.append(ShellListItem(pipeline: pipeline, connector: connector))
            } else {
                pipeline.negated = false
            }
            if i == before {
                // No progress: skip the offending byte so the parser always terminates.
                error(.unexpectedToken)
                i += 1
            }
        }
        return script
    }

    /// A `}` in command position that ends a word: the end of a `{ …; }` group.
    var atClosingBrace: Bool {
        guard peek() == UInt8(ascii: "}") else { return false }
        switch peek(1) {
        case 0, 0x20, 0x09, 0x0A, UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            return true
        default:
            return false
        }
    }

    /// Skips blanks, newlines and `;` / `;;` separators (flattened `case` arms).
    mutating func skipSeparators() {
        while !atEnd {
            skipBlanks()
            let c = peek()
            if c == UInt8(ascii: "\n") {
                consumeNewline()
            } else if c == UInt8(ascii: ";") {
                i += 1
                if peek() == UInt8(ascii: ";") { i += 1; if caseDepth > 0 { expectCasePattern = true } }
                if peek() == UInt8(ascii: "&") { i += 1 }
            } else {
                return
            }
        }
    }

    mutating func consumeNewline() {
        if i == heredocNewline {
            i = heredocResume
            heredocNewline = -1
        } else {
            i += 1
        }
    }

    mutating func parsePipeline() -> ShellPipeline {
        var pipeline = ShellPipeline()
        while true {
            skipBlanks()
            if let command = parseCommand() {
                pipeline.commands.append(command)
            }
            skipBlanks()
            if peek() == UInt8(ascii: "|"), peek(1) != UInt8(ascii: "|") {
                i += 1
                if peek() == UInt8(ascii: "&") { i += 1 }
                // A pipe may be followed by newlines.
                while !atEnd {
                    skipBlanks()
                    if peek() == UInt8(ascii: "\n") { consumeNewline() } else { break }
                }
                continue
            }
            return pipeline
        }
    }

    // MARK: Commands

    mutating func parseCommand() -> ShellCommand? {
        var command = ShellCommand()
        while true {
            skipBlanks()
            if atEnd { break }
            let c = peek()
            let processSubstitution = (c == UInt8(ascii: "<") || c == UInt8(ascii: ">")) && peek(1) == UInt8(ascii: "(")
            if isCommandTerminator(c) && !processSubstitution {
                if c == UInt8(ascii: "("), command.words.isEmpty, command.assignments.isEmpty {
                    if peek(1) == UInt8(ascii: "(") {
                        // Arithmetic command `(( … ))`.
                        i += 2
                        _ = readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), initialDepth: 2)
                        continue
                    }
                    if expectCasePattern { i += 1; continue }
                    i += 1
                    guard let inner = nested({ $0.parseList(untilParen: true) }) else { return nil }
                    if peek() == UInt8(ascii: ")") { i += 1 } else { error(.unexpectedToken) }
                    command.kind = .subshell(inner)
                    continue
                }
                if let redirect = parseRedirect(fd: nil) {
                    command.redirects.append(redirect)
                    continue
                }
                break
            }
            // A word, an assignment, an fd-prefixed redirect or a reserved word.
            let start = i
            if let fd = peekFDRedirect() {
                i = fd.end
                if let redirect = parseRedirect(fd: fd.number) {
                    command.redirects.append(redirect)
                    continue
                }
                i = start
            }
            guard let word = parseWord() else { break }
            if command.words.isEmpty, case .simple = command.kind {
                if let reserved = reservedWord(word) {
                    // `{ a; b; } | c`: a group, so its output feeds the pipe as a whole.
                    if reserved == "{", !expectCasePattern, command.assignments.isEmpty {
                        guard let inner = nested({ $0.parseList(untilParen: false, untilBrace: true) }) else { return nil }
                        if atClosingBrace { i += 1 } else { error(.unexpectedToken) }
                        command.kind = .group(inner)
                        continue
                    }
                    if expectCasePattern && reserved != "esac" {
                        // fallthrough to case pattern handling below
                    } else {
                        switch handleReserved(reserved, into: &command) {
                        case .consumed: continue
                        case .endCommand: return command
                        case .notReserved: break
                        }
                    }
                }
                if expectCasePattern {
                    skipCasePattern()
                    continue
                }
                if let assignment = assignment(from: word) {
                    command.assignments.append(assignment)
                    continue
                }
            }
            // `{ a; } b` and `(a) b`: a word after a compound command is a syntax error.
            if case .simple = command.kind {} else { error(.unexpectedToken) }
            command.words.append(word)
            // `name () { … }` function definition: drop the name, the body follows.
            if command.words.count == 1 {
                let save = i
                skipBlanks()
                if peek() == UInt8(ascii: "("), peek(1) == UInt8(ascii: ")") {
                    i += 2
                    if let name = literalText(command.words[0]), functionNames.count < 64 {
                        functionNames.insert(name)
                        takeFunctionBody(name)
                    }
                    command.words.removeAll()
                    continue
                }
                i = save
            }
            if command.words.count == 1, literalText(word) == "[[" {
                parseTestExpression(into: &command)
            }
        }
        if command.words.isEmpty, command.assignments.isEmpty, command.redirects.isEmpty {
            if case .simple = command.kind { return nil }
        }
        return command
    }

    enum ReservedOutcome { case consumed, endCommand, notReserved }

    /// Handles a reserved word at command position.
    mutating func handleReserved(_ word: String, into command: inout ShellCommand) -> ReservedOutcome {
        switch word {
        case _ where reservedSkip.contains(word):
            return .consumed
        case "esac":
            caseDepth = max(0, caseDepth - 1)
            expectCasePattern = false
            return .consumed
        case "function":
            skipBlanks()
            let nameWord = parseWord()
            let name = nameWord.flatMap { literalText($0) }
            if let name, functionNames.count < 64 { functionNames.insert(name) }
            skipBlanks()
            if peek() == UInt8(ascii: "("), peek(1) == UInt8(ascii: ")") { i += 2 }
            if let name { takeFunctionBody(name) }
            return .consumed
        case "for", "select":
            skipBlanks()
            if peek() == UInt8(ascii: "("), peek(1) == UInt8(ascii: "(") {
                i += 2
                _ = readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), initialDepth: 2)
                return .consumed
            }
            // `for name in words…`: keep the words (they may hold substitutions) as a `for` command.
            command.words.append(ShellWord(literal: word))
            _ = parseWord()
            return .consumed
        case "case":
            skipBlanks()
            if let subject = parseWord() {
                command.words = [ShellWord(literal: "case"), subject]
            }
            while !atEnd {
                skipBlanks()
                if peek() == UInt8(ascii: "\n") { consumeNewline() } else { break }
            }
            if let inWord = parseWord(), literalText(inWord) == "in" {
                caseDepth += 1
                expectCasePattern = true
            }
            return .endCommand
        default:
            return .notReserved
        }
    }

    mutating func skipCasePattern() {
        // The first word of the pattern was already read; read up to the closing `)`.
        while !atEnd {
            let c = peek()
            if c == UInt8(ascii: ")") { i += 1; break }
            if c == UInt8(ascii: "\n") { consumeNewline(); continue }
            if c == UInt8(ascii: "|") || c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "(") {
                i += 1
                continue
            }
            if parseWord() == nil { i += 1 }
        }
        expectCasePattern = false
    }

    /// `[[ … ]]`: operators inside are words, not redirects or list separators.
    mutating func parseTestExpression(into command: inout ShellCommand) {
        while !atEnd {
            skipBlanks()
            let c = peek()
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: ";") { break }
            if isCommandTerminator(c) {
                var op: [UInt8] = []
                while !atEnd, isCommandTerminator(peek()), peek() != UInt8(ascii: "\n"), peek() != UInt8(ascii: ";") {
                    op.append(peek())
                    i += 1
                }
                command.words.append(ShellWord(literal: String(decoding: op, as: UTF8.self)))
                continue
            }
            guard let word = parseWord() else { break }
            command.words.append(word)
            if literalText(word) == "]]" { break }
        }
    }

    func reservedWord(_ word: ShellWord) -> String? {
        guard word.parts.count == 1, case .literal(let text) = word.parts[0] else { return nil }
        // Reserved words are short and start with one of a few letters: reject the rest cheaply.
        guard text.utf8.count <= 8, let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "i"), UInt8(ascii: "t"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "d"), UInt8(ascii: "w"),
            UInt8(ascii: "u"), UInt8(ascii: "s"), UInt8(ascii: "c"), UInt8(ascii: "!"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            break
        default:
            return nil
        }
        switch text {
        case "if", "then", "elif", "else", "fi", "do", "done", "while", "until", "for", "select", "in",
            "case", "esac", "function", "!", "{", "}", "time":
            return text
        default:
            return nil
        }
    }

    func literalText(_ word: ShellWord) -> String? {
        guard word.parts.count == 1, case .literal(let text) = word.parts[0] else { return nil }
        return text
    }

    func assignment(from word: ShellWord) -> ShellAssignment? {
        guard case .literal(let first)? = word.parts.first else { return nil }
        let utf8 = Array(first.utf8)
        guard let eq = utf8.firstIndex(of: UInt8(ascii: "=")), eq > 0 else { return nil }
        var nameEnd = eq
        var append = false
        if utf8[eq - 1] == UInt8(ascii: "+") { nameEnd = eq - 1; append = true }
        guard nameEnd > 0, isNameStart(utf8[0]) else { return nil }
        for k in 1..<nameEnd where !isNameChar(utf8[k]) { return nil }
        let name = String(decoding: utf8[0..<nameEnd], as: UTF8.self)
        var parts = Array(word.parts.dropFirst())
        let rest = String(decoding: utf8[(eq + 1)...], as: UTF8.self)
        if !rest.isEmpty { parts.insert(.literal(rest), at: 0) }
        return ShellAssignment(name: name, value: ShellWord(parts: parts), append: append)
    }

    // MARK: Redirections

    /// `2>`, `10>>`: a run of digits directly followed by `<` or `>`.
    func peekFDRedirect() -> (number: Int, end: Int)? {
        var j = i
        var n = 0
        while j < b.count, b[j] >= 0x30, b[j] <= 0x39, j - i < 4 {
            n = n * 10 + Int(b[j] - 0x30)
            j += 1
        }
        guard j > i, j < b.count, b[j] == UInt8(ascii: "<") || b[j] == UInt8(ascii: ">") else { return nil }
        if j + 1 < b.count, b[j + 1] == UInt8(ascii: "(") { return nil }
        return (n, j)
    }

    mutating func parseRedirect(fd: Int?) -> ShellRedirect? {
        let c0 = peek(), c1 = peek(1), c2 = peek(2)
        let op: ShellRedirect.Operator
        var length: Int
        switch (c0, c1) {
        case (UInt8(ascii: "<"), UInt8(ascii: "(")), (UInt8(ascii: ">"), UInt8(ascii: "(")):
            return nil  // process substitution: a word
        case (UInt8(ascii: "<"), UInt8(ascii: "<")):
            if c2 == UInt8(ascii: "<") { op = .herestring; length = 3 } else { op = .heredoc; length = 2 }
        case (UInt8(ascii: "<"), UInt8(ascii: "&")): op = .duplicateInput; length = 2
        case (UInt8(ascii: "<"), UInt8(ascii: ">")): op = .readWrite; length = 2
        case (UInt8(ascii: "<"), _): op = .input; length = 1
        case (UInt8(ascii: ">"), UInt8(ascii: ">")): op = .append; length = 2
        case (UInt8(ascii: ">"), UInt8(ascii: "&")): op = .duplicateOutput; length = 2
        case (UInt8(ascii: ">"), UInt8(ascii: "|")): op = .clobber; length = 2
        case (UInt8(ascii: ">"), _): op = .output; length = 1
        case (UInt8(ascii: "&"), UInt8(ascii: ">")):
            if c2 == UInt8(ascii: ">") { op = .appendAll; length = 3 } else { op = .outputAll; length = 2 }
        default:
            return nil
        }
        i += length
        var stripTabs = false
        if op == .heredoc, peek() == UInt8(ascii: "-") { stripTabs = true; i += 1 }
        skipBlanks()
        guard let target = parseWord() else {
            error(.unexpectedToken)
            return ShellRedirect(fd: fd, op: op, target: ShellWord(parts: []), heredoc: nil)
        }
        var redirect = ShellRedirect(fd: fd, op: op, target: target, heredoc: nil)
        if op == .heredoc {
            redirect.heredoc = readHeredocBody(delimiter: target, stripTabs: stripTabs)
        }
        return redirect
    }

    /// Reads the heredoc body that starts after the current line and arranges for the
    /// lexer to skip it when it reaches that newline.
    mutating func readHeredocBody(delimiter word: ShellWord, stripTabs: Bool) -> ShellWord {
        var quoted = false
        var delimiter = ""
        for part in word.parts {
            switch part {
            case .literal(let s): delimiter += s
            case .quoted(let s): delimiter += s; quoted = true
            case .doubleQuoted(let p): quoted = true; delimiter += p.compactMap { if case .literal(let s) = $0 { s } else { nil } }.joined()
            default: break
            }
        }
        let lineEnd: Int
        var bodyStart: Int
        if heredocNewline >= 0 {
            lineEnd = heredocNewline
            bodyStart = heredocResume
        } else {
            var j = i
            while j < b.count, b[j] != UInt8(ascii: "\n") { j += 1 }
            lineEnd = j
            bodyStart = min(j + 1, b.count)
        }
        let delimBytes = Array(delimiter.utf8)
        var lineStart = bodyStart
        var bodyEnd = b.count
        var resume = b.count
        var found = false
        while lineStart < b.count {
            var lineStop = lineStart
            while lineStop < b.count, b[lineStop] != UInt8(ascii: "\n") { lineStop += 1 }
            var s = lineStart
            if stripTabs { while s < lineStop, b[s] == UInt8(ascii: "\t") { s += 1 } }
            if lineStop - s == delimBytes.count, b[s..<lineStop].elementsEqual(delimBytes) {
                bodyEnd = lineStart
                resume = min(lineStop, b.count)
                found = true
                break
            }
            lineStart = lineStop + 1
        }
        if !found { error(.unterminatedHeredoc) }
        if lineEnd >= b.count {
            // The heredoc operator sits on the last line: nothing to skip.
            heredocNewline = -1
        } else {
            heredocNewline = lineEnd
            heredocResume = resume
        }
        guard bodyStart < bodyEnd else { return ShellWord(parts: [.quoted("")]) }
        let body = Array(b[bodyStart..<bodyEnd])
        if quoted { return ShellWord(parts: [.quoted(String(decoding: body, as: UTF8.self))]) }
        // An unquoted heredoc expands parameters and substitutions like a double-quoted string.
        guard depth < maxDepth else { return ShellWord(parts: [.quoted(String(decoding: body, as: UTF8.self))]) }
        var sub = ShellParserState(bytes: body, depth: depth + 1, maxDepth: maxDepth)
        let parts = sub.parseDoubleQuotedContent(untilQuote: false)
        adoptErrors(of: sub)
        return ShellWord(parts: [.doubleQuoted(parts)])
    }

    // MARK: Words

    @inline(__always) func isCommandTerminator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: ";"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\n"):
            return true
        default:
            return false
        }
    }

    /// Skips spaces, tabs, line continuations and comments.
    mutating func skipBlanks() {
        while !atEnd {
            let c = peek()
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\r") {
                i += 1
            } else if c == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "\n") {
                i += 2
            } else if c == UInt8(ascii: "#") {
                while !atEnd, peek() != UInt8(ascii: "\n") { i += 1 }
            } else {
                return
            }
        }
    }

    mutating func parseWord() -> ShellWord? {
        var parts: [ShellWordPart] = []
        var literal: [UInt8] = []
        let start = i
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal.removeAll(keepingCapacity: true)
            }
        }
        loop: while !atEnd {
            let c = peek()
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ";"),
                UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ")"):
                break loop
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                if i == start, peek(1) == UInt8(ascii: "(") {
                    let output = c == UInt8(ascii: ">")
                    i += 2
                    guard let inner = nested({ $0.parseList(untilParen: true) }) else { break loop }
                    if peek() == UInt8(ascii: ")") { i += 1 } else { error(.unterminatedSubstitution) }
                    parts.append(.processSubstitution(inner, output: output))
                    continue
                }
                break loop
            case UInt8(ascii: "("):
                // `a=(x y)` arrays and extglob `@(…)`: keep as literal text.
                if let last = literal.last, last == UInt8(ascii: "=") || last == UInt8(ascii: "@") || last == UInt8(ascii: "!")
                    || last == UInt8(ascii: "+") || last == UInt8(ascii: "*") || last == UInt8(ascii: "?")
                {
                    let s = i
                    i += 1
                    _ = readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), initialDepth: 1)
                    literal.append(contentsOf: b[s..<i])
                    continue
                }
                break loop
            case UInt8(ascii: "\\"):
                if peek(1) == UInt8(ascii: "\n") {
                    i += 2
                } else if i + 1 < b.count {
                    literal.append(b[i + 1])
                    i += 2
                } else {
                    i += 1
                }
            case UInt8(ascii: "'"):
                flush()
                i += 1
                let s = i
                while !atEnd, peek() != UInt8(ascii: "'") { i += 1 }
                if atEnd { error(.unterminatedQuote) }
                appendQuoted(String(decoding: b[s..<min(i, b.count)], as: UTF8.self), to: &parts)
                if !atEnd { i += 1 }
            case UInt8(ascii: "\""):
                flush()
                i += 1
                let inner = parseDoubleQuotedContent(untilQuote: true)
                if inner.allSatisfy({ if case .literal = $0 { true } else { false } }) {
                    let text = inner.map { if case .literal(let s) = $0 { s } else { "" } }.joined()
                    appendQuoted(text, to: &parts)
                } else {
                    parts.append(.doubleQuoted(inner))
                }
            case UInt8(ascii: "`"):
                flush()
                if let part = parseBacktick() { parts.append(part) }
            case UInt8(ascii: "$"):
                flush()
                if let part = parseDollar() {
                    if case .quoted(let s) = part { appendQuoted(s, to: &parts) } else { parts.append(part) }
                } else {
                    literal.append(UInt8(ascii: "$"))
                }
            default:
                literal.append(c)
                i += 1
            }
        }
        flush()
        if i == start { return nil }
        return ShellWord(parts: parts)
    }

    func appendQuoted(_ text: String, to parts: inout [ShellWordPart]) {
        if case .quoted(let previous)? = parts.last {
            parts[parts.count - 1] = .quoted(previous + text)
        } else {
            parts.append(.quoted(text))
        }
    }

    /// Parses the inside of `"…"` (or an unquoted heredoc body when `untilQuote` is false).
    mutating func parseDoubleQuotedContent(untilQuote: Bool) -> [ShellWordPart] {
        var parts: [ShellWordPart] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty {
                parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                literal.removeAll(keepingCapacity: true)
            }
        }
        var closed = !untilQuote
        while !atEnd {
            let c = peek()
            if untilQuote, c == UInt8(ascii: "\"") {
                i += 1
                closed = true
                break
            }
            switch c {
            case UInt8(ascii: "\\"):
                let n = peek(1)
                if n == UInt8(ascii: "$") || n == UInt8(ascii: "`") || n == UInt8(ascii: "\\") || (untilQuote && n == UInt8(ascii: "\"")) {
                    literal.append(n)
                    i += 2
                } else if n == UInt8(ascii: "\n") {
                    i += 2
                } else {
                    literal.append(c)
                    i += 1
                }
            case UInt8(ascii: "`"):
                flush()
                if let part = parseBacktick() { parts.append(part) }
            case UInt8(ascii: "$"):
                flush()
                if let part = parseDollar() {
                    if case .quoted(let s) = part { literal.append(contentsOf: s.utf8) } else { parts.append(part) }
                } else {
                    literal.append(c)
                }
            default:
                literal.append(c)
                i += 1
            }
        }
        if !closed { error(.unterminatedQuote) }
        flush()
        return parts
    }

    /// Parses what follows a `$`. Returns nil (and consumes the `$`) when it is a plain dollar sign.
    mutating func parseDollar() -> ShellWordPart? {
        let n = peek(1)
        switch n {
        case UInt8(ascii: "'"):
            i += 2
            return .quoted(decodeANSIC())
        case UInt8(ascii: "\""):
            i += 2
            let inner = parseDoubleQuotedContent(untilQuote: true)
            return .doubleQuoted(inner)
        case UInt8(ascii: "("):
            if peek(2) == UInt8(ascii: "(") {
                i += 3
                let s = i
                _ = readBalanced(open: UInt8(ascii: "("), close: UInt8(ascii: ")"), initialDepth: 2)
                let e = max(s, i - 2)
                return .arithmetic(String(decoding: b[s..<e], as: UTF8.self))
            }
            i += 2
            guard let inner = nested({ $0.parseList(untilParen: true) }) else { return .commandSubstitution(ShellScript()) }
            if peek() == UInt8(ascii: ")") { i += 1 } else { error(.unterminatedSubstitution) }
            return .commandSubstitution(inner)
        case UInt8(ascii: "{"):
            i += 2
            let s = i
            let closed = readBalanced(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), initialDepth: 1)
            let e = closed ? i - 1 : i
            let body = Array(b[s..<max(s, e)])
            var k = 0
            if k < body.count, body[k] == UInt8(ascii: "#") || body[k] == UInt8(ascii: "!") { k += 1 }
            let nameStart = k
            while k < body.count, isNameChar(body[k]) || (k == nameStart && isSpecialParameter(body[k])) {
                k += 1
                if k - nameStart == 1, isSpecialParameter(body[nameStart]), !isNameChar(body[nameStart]) { break }
            }
            let name = String(decoding: body[0..<k], as: UTF8.self)
            let modifier = k < body.count ? String(decoding: body[k...], as: UTF8.self) : nil
            return .parameter(name: name, modifier: modifier)
        default:
            if isNameStart(n) {
                i += 1
                let s = i
                while !atEnd, isNameChar(peek()) { i += 1 }
                return .parameter(name: String(decoding: b[s..<i], as: UTF8.self), modifier: nil)
            }
            if isSpecialParameter(n) {
                i += 2
                return .parameter(name: String(UnicodeScalar(n)), modifier: nil)
            }
            i += 1
            return nil
        }
    }

    mutating func parseBacktick() -> ShellWordPart? {
        i += 1
        var inner: [UInt8] = []
        var closed = false
        while !atEnd {
            let c = peek()
            if c == UInt8(ascii: "`") { i += 1; closed = true; break }
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                let n = b[i + 1]
                if n == UInt8(ascii: "`") || n == UInt8(ascii: "\\") || n == UInt8(ascii: "$") {
                    inner.append(n)
                    i += 2
                    continue
                }
            }
            inner.append(c)
            i += 1
        }
        if !closed { error(.unterminatedSubstitution) }
        guard depth < maxDepth else {
            error(.tooDeep)
            return .commandSubstitution(ShellScript())
        }
        var sub = ShellParserState(bytes: inner, depth: depth + 1, maxDepth: maxDepth)
        let script = sub.parseList(untilParen: false)
        adoptErrors(of: sub)
        return .commandSubstitution(script)
    }

    /// Decodes the body of `$'…'`, leaving `i` after the closing quote.
    mutating func decodeANSIC() -> String {
        var out: [UInt8] = []
        while !atEnd {
            let c = peek()
            if c == UInt8(ascii: "'") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            let e = peek(1)
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "v"): out.append(0x0B)
            case UInt8(ascii: "e"), UInt8(ascii: "E"): out.append(0x1B)
            case UInt8(ascii: "x"):
                var v = 0, n = 0
                while n < 2, let d = hexValue(peek()) { v = v * 16 + d; i += 1; n += 1 }
                if n == 0 { out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "x")]) } else { out.append(UInt8(v & 0xFF)) }
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let maxDigits = e == UInt8(ascii: "u") ? 4 : 8
                var v: UInt32 = 0, n = 0
                while n < maxDigits, let d = hexValue(peek()) { v = v * 16 + UInt32(d); i += 1; n += 1 }
                if let scalar = Unicode.Scalar(v) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = Int(e - 0x30), n = 1
                while n < 3, peek() >= 0x30, peek() <= 0x37 { v = v * 8 + Int(peek() - 0x30); i += 1; n += 1 }
                out.append(UInt8(v & 0xFF))
            case UInt8(ascii: "c"):
                out.append(peek() & 0x1F)
                i += 1
            case 0:
                break
            default:
                out.append(e)
            }
        }
        error(.unterminatedQuote)
        return String(decoding: out, as: UTF8.self)
    }

    /// Advances past the matching `close`, honouring quotes. Returns false if the input ended first.
    mutating func readBalanced(open: UInt8, close: UInt8, initialDepth: Int) -> Bool {
        var level = initialDepth
        let target = open == UInt8(ascii: "(") && initialDepth == 2 ? 1 : 0
        while !atEnd {
            let c = peek()
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "'") && open == UInt8(ascii: "{") {
                i += 1
                while !atEnd, peek() != UInt8(ascii: "'") { i += 1 }
                i += 1
                continue
            }
            if c == open { level += 1 } else if c == close {
                level -= 1
                if level == target {
                    i += 1
                    if target == 1 {
                        // `))` closes arithmetic; a lone `)` inside is already consumed.
                        if peek() == close { i += 1; return true }
                        level = 1
                        continue
                    }
                    return true
                }
            }
            i += 1
        }
        i = min(i, b.count)
        error(.unterminatedSubstitution)
        return false
    }

    /// Runs `body` one level deeper, or records `tooDeep` and skips the rest of the input.
    mutating func nested(_ body: (inout ShellParserState) -> ShellScript) -> ShellScript? {
        guard depth < maxDepth else {
            error(.tooDeep)
            i = b.count
            return nil
        }
        var deeper = withDepth(depth + 1)
        let script = body(&deeper)
        adopt(deeper)
        return script
    }

    func withDepth(_ newDepth: Int) -> ShellParserState {
        var s = ShellParserState(bytes: b, depth: newDepth, maxDepth: maxDepth)
        s.i = i
        s.errors = errors
        s.heredocNewline = heredocNewline
        s.heredocResume = heredocResume
        s.functionNames = functionNames
        s.functionDefinitions = functionDefinitions
        return s
    }

    mutating func adopt(_ other: ShellParserState) {
        i = other.i
        functionNames = other.functionNames
        functionDefinitions = other.functionDefinitions
        errors = other.errors
        heredocNewline = other.heredocNewline
        heredocResume = other.heredocResume
    }
}

@inline(__always) func isNameStart(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F
}

@inline(__always) func isNameChar(_ c: UInt8) -> Bool {
    isNameStart(c) || (c >= 0x30 && c <= 0x39)
}

@inline(__always) func isSpecialParameter(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"), UInt8(ascii: "$"),
        UInt8(ascii: "!"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return false
    }
}

@inline(__always) func hexValue(_ c: UInt8) -> Int? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - 0x30)
    case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - 0x61 + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - 0x41 + 10)
    default: nil
    }
}
