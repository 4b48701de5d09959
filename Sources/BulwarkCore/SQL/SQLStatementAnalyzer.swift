/// Classifies the tokens of one statement into an `SQLStatement`.
///
/// It reads only what the rules need: the verb, the object type, the target names, the top-level
/// `WHERE`/`LIMIT`, a few structural flags, file and code access, and statements that run inside
/// this one. `isRecognized` records whether the tokens have the shape the verb requires, which is
/// how `SQLParser.looksLikeSQL` tells `DELETE FROM users` from "delete the file".
struct SQLStatementAnalyzer {
    /// Dynamic SQL, CTE bodies and `EXPLAIN ANALYZE` nest at most this deep.
    static let maxNesting = 4

    var tokens: [SQLToken]
    /// Parenthesis depth of each token (a `(` and its `)` sit at the outer depth).
    let level: [Int]
    let source: UnsafeBufferPointer<UInt8>
    let terminated: Bool
    let nesting: Int
    let options: SQLTokenizer.Options

    var statement: SQLStatement

    init(tokens: ArraySlice<SQLToken>, source: UnsafeBufferPointer<UInt8>, terminated: Bool, nesting: Int, options: SQLTokenizer.Options) {
        var flags: Set<SQLStatement.Flag> = []
        // A statement wrapped in parentheses, `(SELECT …) UNION (SELECT …)`, is read from inside.
        var body = tokens
        while let first = body.first, first.kind == .punctuation, first.text == "(" { body = body.dropFirst() }
        let merged = Self.mergeSplitKeywords(body, flags: &flags)
        self.tokens = merged
        self.level = Self.levels(merged)
        self.source = source
        self.terminated = terminated
        self.nesting = nesting
        self.options = options
        let text: String
        if let first = tokens.first, let last = tokens.last {
            text = String(decoding: UnsafeBufferPointer(rebasing: source[first.offset..<(last.offset + last.length)]), as: UTF8.self)
        } else {
            text = ""
        }
        let verb = merged.first.map { $0.kind == .word ? SQLStatement.Verb(keyword: $0.value) : .other } ?? .other
        statement = SQLStatement(verb: verb, text: text, flags: flags)
    }

    /// Analyzes and returns the statement.
    mutating func run() -> SQLStatement {
        guard !tokens.isEmpty else { return statement }
        noteComments()
        switch statement.verb {
        case .select: analyzeSelect(from: 0)
        case .insert, .replace: analyzeInsert()
        case .update: analyzeUpdate()
        case .delete: analyzeDelete()
        case .drop: analyzeDrop()
        case .truncate: analyzeTruncate()
        case .alter: analyzeAlter()
        case .create: analyzeCreate()
        case .grant, .revoke: analyzeGrant()
        case .merge: analyzeMerge()
        case .copy: analyzeCopy()
        case .load: analyzeLoad()
        case .attach: analyzeAttach()
        case .with: analyzeWith()
        case .explain: analyzeExplain()
        case .exec, .call: analyzeExec()
        case .set: analyzeSet()
        case .show: statement.isRecognized = word(1).map(SQLKeywords.showTargets.contains) ?? false
        case .describe: analyzeDescribe()
        case .pragma: statement.isRecognized = isNameToken(1)
        case .use: statement.isRecognized = (isNameToken(1) && tokens.count == 2 && terminated) || tokens.count == 2 && tokens[1].kind == .quotedIdentifier
        case .detach: statement.isRecognized = isWord(1, "DATABASE") || (terminated && isNameToken(1))
        case .begin, .commit, .rollback: analyzeTransaction()
        case .vacuum: statement.isRecognized = tokens.count == 1 ? terminated : (["FULL", "ANALYZE", "VERBOSE", "FREEZE", "INTO"].contains(word(1) ?? "") || isPunct(1, "("))
        case .other: break
        }
        scanFileAccess()
        scanDynamicSQL()
        return statement
    }

    // MARK: - Token helpers

    var count: Int { tokens.count }

    func word(_ i: Int) -> String? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].value : nil
    }

    func isWord(_ i: Int, _ w: String) -> Bool { word(i) == w }

    func isPunct(_ i: Int, _ p: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .punctuation && tokens[i].text == p
    }

    func isOperator(_ i: Int, _ p: String) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].kind == .operator && tokens[i].text == p
    }

    /// A bare word that can be a name, or a quoted identifier.
    func isNameToken(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        if t.kind == .quotedIdentifier { return true }
        return t.kind == .word && !SQLKeywords.notNames.contains(t.value)
    }

    /// A dotted name starting at `i` (`db.schema.table`, `master..xp_cmdshell`, `"My Table"`).
    /// With `lenient`, reserved words are accepted as parts (the engine will reject them anyway).
    func name(at i: Int, lenient: Bool = false, allowString: Bool = false) -> (name: String, next: Int)? {
        guard i < tokens.count else { return nil }
        let first = tokens[i]
        let ok = isNameToken(i) || (lenient && first.isName) || (allowString && first.kind == .string)
            || (first.kind == .operator && first.text == "*")
        guard ok else { return nil }
        var parts = [first.kind == .operator ? "*" : first.nameText]
        var j = i + 1
        while isPunct(j, ".") {
            j += 1
            if j < tokens.count, tokens[j].isName || (tokens[j].kind == .operator && tokens[j].text == "*") {
                parts.append(tokens[j].kind == .operator ? "*" : tokens[j].nameText)
                j += 1
            } else if isPunct(j, ".") {
                parts.append("")
            } else {
                break
            }
        }
        // MySQL account names: 'user'@'host'
        if allowString, first.kind == .string, isOperator(j, "@"), j + 1 < tokens.count,
            tokens[j + 1].kind == .string || tokens[j + 1].isName
        {
            return (parts.joined(separator: ".") + "@" + tokens[j + 1].nameText, j + 2)
        }
        if allowString, j < tokens.count, tokens[j].kind == .parameter, tokens[j].text.hasPrefix("@") {
            return (parts.joined(separator: ".") + tokens[j].text, j + 1)
        }
        return (parts.joined(separator: "."), j)
    }

    /// Comma-separated names from `i`.
    func nameList(at i: Int, lenient: Bool = false, allowString: Bool = false) -> (names: [String], next: Int) {
        var names: [String] = []
        var j = i
        while let (n, next) = name(at: j, lenient: lenient, allowString: allowString) {
            names.append(n)
            j = next
            guard isPunct(j, ",") else { break }
            j += 1
        }
        return (names, j)
    }

    func skip(_ words: Set<String>, from i: Int) -> Int {
        var j = i
        while let w = word(j), words.contains(w) { j += 1 }
        return j
    }

    /// Skips `IF EXISTS` / `IF NOT EXISTS`.
    func skipIfExists(_ i: Int) -> Int {
        guard isWord(i, "IF") else { return i }
        var j = i + 1
        if isWord(j, "NOT") { j += 1 }
        return isWord(j, "EXISTS") ? j + 1 : i
    }

    /// The index after the `)` matching the `(` at `i`.
    func afterParentheses(_ i: Int) -> Int {
        guard isPunct(i, "(") else { return i }
        let base = level[i]
        var j = i + 1
        while j < tokens.count {
            if isPunct(j, ")"), level[j] == base { return j + 1 }
            j += 1
        }
        return j
    }

    /// The first top-level word `w` at or after `from`.
    func topLevel(_ w: String, from: Int) -> Int? {
        var j = from
        while j < tokens.count {
            if level[j] == 0, tokens[j].kind == .word, tokens[j].value == w { return j }
            j += 1
        }
        return nil
    }

    /// The end of a clause that starts at `from`: the next top-level clause keyword, or the end.
    func clauseEnd(from: Int) -> Int {
        var j = from
        while j < tokens.count {
            if level[j] == 0, let w = word(j), SQLKeywords.clauseEnders.contains(w) { return j }
            j += 1
        }
        return j
    }

    /// The first string literal within `window` tokens after `i`.
    func stringAfter(_ i: Int, window: Int = 4) -> String? {
        var j = i + 1
        while j < tokens.count, j <= i + window {
            if tokens[j].kind == .string { return tokens[j].value }
            j += 1
        }
        return nil
    }

    // MARK: - Shared clause readers

    /// Reads the top-level `WHERE`, `LIMIT`/`FETCH` after `from`.
    mutating func readWhereAndLimit(from: Int) {
        if let w = topLevel("WHERE", from: from) {
            statement.hasWhere = true
            let end = clauseEnd(from: w + 1)
            statement.whereIsTautology = SQLTautology.isTautology(tokens[(w + 1)..<end])
        }
        if topLevel("LIMIT", from: from) != nil || topLevel("FETCH", from: from) != nil || topLevel("ROWNUM", from: from) != nil {
            statement.hasLimit = true
        }
    }

    /// `TOP (n)` / `TOP n` right after the verb (SQL Server).
    mutating func skipTop(_ i: Int) -> Int {
        guard isWord(i, "TOP") else { return i }
        statement.hasLimit = true
        var j = i + 1
        if isPunct(j, "(") { j = afterParentheses(j) } else if j < count { j += 1 }
        if isWord(j, "PERCENT") { j += 1 }
        return j
    }

    /// The object type at `i` (`TABLE`, `MATERIALIZED VIEW`…) and the index after it.
    func objectType(at i: Int) -> (type: String, next: Int)? {
        guard let w = word(i) else { return nil }
        if let seconds = SQLKeywords.twoWordTypes[w], let second = word(i + 1), seconds.contains(second) {
            return ("\(w) \(second)", i + 2)
        }
        if w == "SERVER", isWord(i + 1, "ROLE") { return ("ROLE", i + 2) }
        if SQLKeywords.objectTypes.contains(w) { return (w, i + 1) }
        return nil
    }

    // MARK: - Structure

    static func levels(_ tokens: [SQLToken]) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(tokens.count)
        var depth = 0
        for t in tokens {
            if t.kind == .punctuation, t.text == ")" { depth = max(0, depth - 1) }
            out.append(depth)
            if t.kind == .punctuation, t.text == "(" { depth += 1 }
        }
        return out
    }

    /// Joins words split by a comment alone (`DR/**/OP` → `DROP`) when the joined word is a
    /// keyword worth hiding. Engines that strip comments before lexing read it that way.
    static func mergeSplitKeywords(_ tokens: ArraySlice<SQLToken>, flags: inout Set<SQLStatement.Flag>) -> [SQLToken] {
        guard tokens.contains(where: \.isGluedByComment) else { return Array(tokens) }
        var out: [SQLToken] = []
        out.reserveCapacity(tokens.count)
        for t in tokens {
            if t.kind == .word, t.isGluedByComment, var previous = out.last, previous.kind == .word {
                let joined = previous.value + t.value
                if SQLKeywords.splittable.contains(joined) || SQLKeywords.splittable.contains(where: { $0.hasPrefix(joined) }) {
                    previous.value = joined
                    previous.text += t.text
                    previous.length = t.offset + t.length - previous.offset
                    out[out.count - 1] = previous
                    if SQLKeywords.splittable.contains(joined) { flags.insert(.splitKeyword) }
                    continue
                }
            }
            out.append(t)
        }
        return out
    }

    mutating func noteComments() {
        for (i, t) in tokens.enumerated() {
            if i > 0, t.isGluedByComment { statement.flags.insert(.commentAsWhitespace) }
            if t.inExecutableComment { statement.flags.insert(.executableComment) }
        }
    }
}
