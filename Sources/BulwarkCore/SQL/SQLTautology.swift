/// Decides whether a `WHERE` expression is always true, without evaluating SQL in general.
///
/// The expression is split at top-level `OR` (any always-true branch makes the whole clause
/// true) and each branch at top-level `AND` (all factors must be always true). A factor is
/// always true when it is a true literal (`1`, `TRUE`), a comparison of two literals that holds
/// (`1=1`, `'a'='a'`, `2>1`), a name compared with itself (`id = id`), `x LIKE '%'`, or
/// `literal IS NOT NULL`, possibly wrapped in parentheses and `NOT`s. Work is linear per level and
/// the parenthesis depth it follows is capped.
enum SQLTautology {
    static let maxDepth = 16

    static func isTautology(_ tokens: ArraySlice<SQLToken>, depth: Int = 0) -> Bool {
        guard !tokens.isEmpty, depth < maxDepth else { return false }
        for branch in split(tokens, at: { $0.isWord("OR") || ($0.kind == .operator && $0.text == "||") }) {
            let factors = split(branch, at: { $0.isWord("AND") || ($0.kind == .operator && $0.text == "&&") })
            if !factors.isEmpty, factors.allSatisfy({ factorIsTrue($0, depth: depth) }) { return true }
        }
        return false
    }

    /// Splits at separators outside parentheses.
    private static func split(_ tokens: ArraySlice<SQLToken>, at isSeparator: (SQLToken) -> Bool) -> [ArraySlice<SQLToken>] {
        var parts: [ArraySlice<SQLToken>] = []
        var level = 0
        var start = tokens.startIndex
        for i in tokens.indices {
            let t = tokens[i]
            if t.kind == .punctuation {
                if t.text == "(" { level += 1 } else if t.text == ")" { level = max(0, level - 1) }
            } else if level == 0, isSeparator(t) {
                parts.append(tokens[start..<i])
                start = i + 1
            }
        }
        parts.append(tokens[start..<tokens.endIndex])
        return parts
    }

    private static func factorIsTrue(_ factor: ArraySlice<SQLToken>, depth: Int) -> Bool {
        var f = factor
        var negated = false
        while let first = f.first, first.isWord("NOT") || (first.kind == .operator && first.text == "!") {
            negated.toggle()
            f = f.dropFirst()
        }
        guard !f.isEmpty else { return false }
        if let inner = unwrapParentheses(f) {
            return negated ? isContradiction(inner) : isTautology(inner, depth: depth + 1)
        }
        guard let value = evaluate(f) else { return false }
        return value != negated
    }

    /// `NOT (…)` is always true when `…` is always false; only the simple cases are recognized.
    private static func isContradiction(_ tokens: ArraySlice<SQLToken>) -> Bool {
        evaluate(tokens) == false
    }

    /// The contents of `( … )` when the parentheses enclose the whole slice.
    private static func unwrapParentheses(_ tokens: ArraySlice<SQLToken>) -> ArraySlice<SQLToken>? {
        guard let first = tokens.first, let last = tokens.last, first.kind == .punctuation, first.text == "(",
            last.kind == .punctuation, last.text == ")", tokens.count >= 2
        else { return nil }
        var level = 0
        for i in tokens.indices {
            let t = tokens[i]
            guard t.kind == .punctuation else { continue }
            if t.text == "(" { level += 1 } else if t.text == ")" {
                level -= 1
                if level == 0, i != tokens.endIndex - 1 { return nil }
            }
        }
        return tokens.dropFirst().dropLast()
    }

    /// The constant truth value of a simple factor, `nil` when it depends on the row.
    private static func evaluate(_ f: ArraySlice<SQLToken>) -> Bool? {
        let t = Array(f)
        if t.count == 1 { return literalTruth(t[0]) }
        // literal IS [NOT] NULL
        if t.count >= 3, t[1].isWord("IS"), isLiteral(t[0]) {
            if t.count == 3, t[2].isWord("NULL") { return false }
            if t.count == 4, t[2].isWord("NOT"), t[3].isWord("NULL") { return true }
            return nil
        }
        // lhs op rhs with one comparison operator at top level
        guard let opIndex = t.firstIndex(where: isComparison), opIndex > 0, opIndex < t.count - 1 else { return nil }
        let lhs = t[..<opIndex]
        let rhs = t[(opIndex + 1)...]
        let op = t[opIndex].kind == .word ? t[opIndex].value : t[opIndex].text
        if lhs.count == 1, rhs.count == 1, isLiteral(lhs.first!), isLiteral(rhs.first!) {
            return compare(lhs.first!, op, rhs.first!)
        }
        if op == "LIKE" || op == "ILIKE", rhs.count == 1, let pattern = rhs.first, pattern.kind == .string,
            !pattern.value.isEmpty, pattern.value.allSatisfy({ $0 == "%" })
        {
            return true
        }
        if isPlainReference(lhs), lhs.map(\.value) == rhs.map(\.value) {
            switch op {
            case "=", "==", ">=", "<=", "<=>", "LIKE", "ILIKE": return true
            case "<>", "!=", "<", ">": return false
            default: return nil
            }
        }
        return nil
    }

    private static func isComparison(_ t: SQLToken) -> Bool {
        switch t.kind {
        case .operator: ["=", "==", "<>", "!=", "<", ">", "<=", ">=", "<=>"].contains(t.text)
        case .word: t.value == "LIKE" || t.value == "ILIKE"
        default: false
        }
    }

    private static func isLiteral(_ t: SQLToken) -> Bool {
        t.kind == .number || t.kind == .string || t.isWord("TRUE") || t.isWord("FALSE")
    }

    /// A column reference: names joined by dots.
    private static func isPlainReference(_ tokens: ArraySlice<SQLToken>) -> Bool {
        guard !tokens.isEmpty else { return false }
        for t in tokens where !(t.isName || (t.kind == .punctuation && t.text == ".")) { return false }
        return tokens.contains { $0.isName && !SQLKeywords.reservedWords.contains($0.value) }
    }

    private static func literalTruth(_ t: SQLToken) -> Bool? {
        if t.isWord("TRUE") { return true }
        if t.isWord("FALSE") { return false }
        if t.kind == .number, let n = number(t) { return n != 0 }
        return nil
    }

    private static func number(_ t: SQLToken) -> Double? {
        switch t.kind {
        case .number:
            if t.text.hasPrefix("0x") || t.text.hasPrefix("0X") { return UInt64(t.text.dropFirst(2), radix: 16).map(Double.init) }
            return Double(t.text.filter { $0 != "_" })
        case .string: return Double(t.value)
        case .word: return t.value == "TRUE" ? 1 : t.value == "FALSE" ? 0 : nil
        default: return nil
        }
    }

    private static func compare(_ a: SQLToken, _ op: String, _ b: SQLToken) -> Bool? {
        if let x = number(a), let y = number(b) {
            switch op {
            case "=", "==", "<=>": return x == y
            case "<>", "!=": return x != y
            case "<": return x < y
            case ">": return x > y
            case "<=": return x <= y
            case ">=": return x >= y
            default: break
            }
        }
        // Case-insensitive, as the common default collations compare.
        let x = a.value.lowercased()
        let y = b.value.lowercased()
        switch op {
        case "=", "==", "<=>", "LIKE", "ILIKE": return x == y
        case "<>", "!=": return x != y
        case "<": return x < y
        case ">": return x > y
        case "<=": return x <= y
        case ">=": return x >= y
        default: return nil
        }
    }
}
