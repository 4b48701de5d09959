/// Data statements: `SELECT`, `INSERT`/`REPLACE`, `UPDATE`, `DELETE`, `MERGE`, `WITH`, `EXPLAIN`.
extension SQLStatementAnalyzer {
    mutating func analyzeSelect(from s: Int) {
        let listStart = skipTop(skip(["DISTINCT", "ALL", "DISTINCTROW", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_NO_CACHE", "SQL_CALC_FOUND_ROWS"], from: s + 1))
        let from = topLevel("FROM", from: listStart)
        var listEnd = from ?? count
        for w in ["WHERE", "INTO", "GROUP", "ORDER", "LIMIT", "UNION"] {
            if let j = topLevel(w, from: listStart), j < listEnd { listEnd = j }
        }
        var fromOK = false
        var j = listStart
        while let f = topLevel("FROM", from: j) {
            let (names, next, ok) = tableReferences(at: f + 1)
            statement.targets += names
            if f == from { fromOK = ok }
            j = next > f ? next : f + 1
        }
        j = listStart
        while let join = topLevel("JOIN", from: j) {
            if let (n, _) = name(at: skip(["LATERAL"], from: join + 1), lenient: true) { statement.targets.append(n) }
            j = join + 1
        }
        readWhereAndLimit(from: listStart)
        let list = tokens[listStart..<listEnd]
        let listOK = selectListLooksLikeSQL(list)
        statement.isRecognized = listOK && (from != nil ? fromOK : list.contains { $0.kind != .word })
    }

    /// Table references after `FROM`: names with optional aliases, comma-separated. `ok` says the
    /// list is well formed and followed by something that may follow it.
    func tableReferences(at i: Int) -> (names: [String], next: Int, ok: Bool) {
        var names: [String] = []
        var j = skip(["ONLY", "LATERAL"], from: i)
        while j < count {
            if isPunct(j, "(") {
                j = afterParentheses(j)
            } else if let (n, next) = name(at: j) {
                names.append(n)
                j = next
                if isPunct(j, "(") { j = afterParentheses(j) }  // table function
            } else if j < count, tokens[j].kind == .parameter {
                j += 1
            } else {
                return (names, j, false)
            }
            // optional alias
            if isWord(j, "AS") { j += 1 }
            if j < count, isNameToken(j), !SQLKeywords.afterTableReference.contains(tokens[j].value) { j += 1 }
            guard isPunct(j, ",") else { break }
            j = skip(["ONLY", "LATERAL"], from: j + 1)
        }
        let ok = j >= count || isPunct(j, ")") || isPunct(j, "(") || (word(j).map(SQLKeywords.afterTableReference.contains) ?? false)
        return (names, j, ok)
    }

    /// The select list is expressions, not words of a sentence (`the best option`).
    func selectListLooksLikeSQL(_ list: ArraySlice<SQLToken>) -> Bool {
        guard !list.isEmpty else { return false }
        var items: [ArraySlice<SQLToken>] = []
        var start = list.startIndex
        for i in list.indices where level[i] == 0 && list[i].kind == .punctuation && list[i].text == "," {
            items.append(list[start..<i])
            start = i + 1
        }
        items.append(list[start..<list.endIndex])
        for item in items {
            guard !item.isEmpty else { return false }
            var run = 0
            for i in item.indices {
                let t = item[i]
                let plain = t.kind == .word && !SQLKeywords.selectExpressionWords.contains(t.value)
                    && !isPunct(i + 1, "(") && !isPunct(i + 1, ".") && !isPunct(i - 1, ".")
                if plain {
                    if SQLKeywords.englishWords.contains(t.value) { return false }
                    run += 1
                    if run >= 3 { return false }
                } else {
                    run = 0
                }
            }
        }
        return true
    }

    mutating func analyzeInsert() {
        var i = skip(["LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE"], from: 1)
        if isWord(i, "OR"), word(i + 1) != nil { i += 2 }  // INSERT OR REPLACE (SQLite)
        let hasInto = isWord(i, "INTO")
        if hasInto { i += 1 }
        i = skip(["TABLE"], from: i)
        guard let (n, next) = name(at: i, lenient: hasInto) else { return }
        statement.targets = [n]
        var j = next
        if isWord(j, "AS"), isNameToken(j + 1) { j += 2 }
        if isWord(j, "PARTITION") { j = afterParentheses(j + 1) }
        let bodies: Set<String> = ["VALUES", "VALUE", "SELECT", "SET", "DEFAULT", "WITH", "OVERRIDING", "TABLE", "EXEC", "EXECUTE", "OUTPUT"]
        let bodyOK = isPunct(j, "(") || (word(j).map(bodies.contains) ?? false)
        statement.isRecognized = bodyOK && (hasInto || !isPunct(j, "(") || isWord(afterParentheses(j), "VALUES"))
        if let select = topLevel("SELECT", from: j) { readWhereAndLimit(from: select) }
    }

    mutating func analyzeUpdate() {
        var i = skip(["LOW_PRIORITY", "IGNORE", "ONLY"], from: 1)
        if isWord(i, "OR"), word(i + 1) != nil { i += 2 }
        i = skipTop(i)
        guard let (n, next) = name(at: i) ?? name(at: i, lenient: true) else { return }
        statement.targets = [n]
        guard let set = topLevel("SET", from: next) else { return }
        readWhereAndLimit(from: set)
        let assignmentOK = (name(at: set + 1, lenient: true).map { isOperator($0.next, "=") } ?? false) || isPunct(set + 1, "(")
            || (set + 1 < count && tokens[set + 1].kind == .parameter)
        statement.isRecognized = isNameToken(i) && assignmentOK
    }

    mutating func analyzeDelete() {
        var i = skip(["LOW_PRIORITY", "QUICK", "IGNORE"], from: 1)
        i = skipTop(i)
        if isWord(i, "FROM") {
            let (names, next, ok) = tableReferences(at: i + 1)
            statement.targets = names
            statement.isRecognized = !names.isEmpty && ok
            readWhereAndLimit(from: next)
            return
        }
        // DELETE t1, t2 FROM … (MySQL) or DELETE t WHERE … (SQL Server, Oracle)
        let (names, next) = nameList(at: i)
        statement.targets = names
        readWhereAndLimit(from: next)
        guard !names.isEmpty else { return }
        if isWord(next, "FROM") {
            statement.isRecognized = true
        } else if let w = word(next), ["WHERE", "OUTPUT", "RETURNING"].contains(w) {
            statement.isRecognized = true
        } else {
            statement.isRecognized = next >= count && terminated
        }
    }

    mutating func analyzeMerge() {
        var i = skipTop(1)
        if isWord(i, "INTO") { i += 1 }
        if let (n, _) = name(at: i) { statement.targets = [n] }
        statement.isRecognized = !statement.targets.isEmpty && topLevel("USING", from: i) != nil
    }

    /// `WITH a AS (…), b AS (…) <main statement>`: the main statement decides the effective verb;
    /// CTE bodies that write (PostgreSQL data-modifying CTEs) run too and become nested statements.
    mutating func analyzeWith() {
        var i = skip(["RECURSIVE"], from: 1)
        var writes: [SQLStatement] = []
        while i < count {
            guard tokens[i].isName else { break }
            i += 1
            if isPunct(i, "(") { i = afterParentheses(i) }
            guard isWord(i, "AS") else { break }
            i = skip(["NOT", "MATERIALIZED"], from: i + 1)
            guard isPunct(i, "(") else { break }
            let close = afterParentheses(i)
            let body = sub(tokens[(i + 1)..<max(i + 1, close - 1)])
            if body.effectiveVerb.isWrite || !body.fileAccess.isEmpty || !body.nested.isEmpty { writes.append(body) }
            i = close
            guard isPunct(i, ",") else { break }
            i += 1
        }
        let main = sub(tokens[min(i, count)..<count])
        let text = statement.text
        let flags = statement.flags
        statement = main
        statement.text = text
        statement.verb = .with
        statement.effectiveVerb = main.effectiveVerb
        statement.flags.formUnion(flags)
        statement.nested = writes + main.nested
    }

    /// `EXPLAIN [ANALYZE] stmt`: only reads a plan, unless `ANALYZE` makes the statement run.
    mutating func analyzeExplain() {
        var i = 1
        var runs = false
        if isPunct(i, "(") {
            let close = afterParentheses(i)
            for j in (i + 1)..<max(i + 1, close) where isWord(j, "ANALYZE") || isWord(j, "ANALYSE") {
                runs = !(["FALSE", "OFF"].contains(word(j + 1) ?? "") || (j + 1 < count && tokens[j + 1].text == "0"))
            }
            i = close
        }
        while let w = word(i), ["ANALYZE", "ANALYSE", "VERBOSE", "EXTENDED", "PARTITIONS", "QUERY", "PLAN", "FORMAT", "COSTS", "BUFFERS"].contains(w) {
            if w == "ANALYZE" || w == "ANALYSE" { runs = true }
            i += 1
            if w == "FORMAT" {
                if isOperator(i, "=") { i += 1 }
                i += 1
            }
        }
        guard i < count else {
            statement.isRecognized = false
            return
        }
        let inner = sub(tokens[i..<count])
        statement.targets = inner.targets
        statement.isRecognized = inner.isRecognized
        if runs, inner.effectiveVerb != .select || !inner.nested.isEmpty || !inner.fileAccess.isEmpty {
            statement.flags.insert(.explainAnalyze)
            statement.nested = [inner]
        }
    }

    /// Analyzes a run of tokens as a statement of its own.
    /// Past `maxNesting` only the leading keyword is read, so hostile nesting stays bounded.
    func sub(_ slice: ArraySlice<SQLToken>) -> SQLStatement {
        guard nesting < Self.maxNesting else {
            let verb = slice.first.map { $0.kind == .word ? SQLStatement.Verb(keyword: $0.value) : .other } ?? .other
            return SQLStatement(verb: verb, text: "")
        }
        var analyzer = SQLStatementAnalyzer(
            tokens: slice, source: source, terminated: terminated, nesting: nesting + 1, options: options
        )
        return analyzer.run()
    }
}
