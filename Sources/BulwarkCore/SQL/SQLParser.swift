/// Splits SQL text into statements and classifies each one.
///
/// Engines disagree on a few lexical points (`#` comments, backslash escapes, nested comments).
/// When the text actually meets one of them, it is read under each combination of the
/// disputed switches and the most dangerous reading is kept, so a payload cannot hide a
/// statement in the gap between dialects (`SELECT 'a\'; DROP TABLE t; -- '`). At most eight
/// readings, each linear in the input.
public enum SQLParser {
    /// The statements in `text`, split at `;` outside strings and comments, in order.
    /// Empty statements are dropped.
    public static func statements(in text: String) -> [SQLStatement] {
        var (best, ambiguities) = parseReporting(text, options: .standard, nesting: 0)
        var bestRisk = risk(best)
        // A switch can reveal an ambiguity the standard reading never reached (a `#` comment can
        // hide a nested comment), so readings are explored until no new switch turns up.
        var tried: Set<SQLTokenizer.Options> = [.standard]
        var pending = alternatives(for: ambiguities)
        while let options = pending.popLast() {
            guard tried.insert(options).inserted else { continue }
            let (candidate, more) = parseReporting(text, options: options, nesting: 0)
            let r = risk(candidate)
            if r > bestRisk {
                best = candidate
                bestRisk = r
            }
            let union = SQLTokenizer.Ambiguities(
                hashComment: ambiguities.hashComment || more.hashComment,
                backslashInString: ambiguities.backslashInString || more.backslashInString,
                nestedComment: ambiguities.nestedComment || more.nestedComment
            )
            if union != ambiguities {
                ambiguities = union
                pending = alternatives(for: ambiguities).filter { !tried.contains($0) }
            }
        }
        return best
    }

    /// Whether `text` is SQL rather than prose: some statement in it starts with a verb followed by
    /// what that verb requires (`SELECT … FROM`, `DELETE FROM t`, `DROP TABLE t`, `UPDATE t SET`,
    /// `INSERT INTO t`, `TRUNCATE [TABLE] t`, `GRANT … TO`, `ALTER TABLE|USER …`).
    /// "Please select the best option from the list", "update me when done" and
    /// "I will drop by later" are prose.
    public static func looksLikeSQL(_ text: String) -> Bool {
        statements(in: text).contains { $0.isRecognized }
    }

    // MARK: - Internals

    static func parse(_ text: String, options: SQLTokenizer.Options, nesting: Int) -> [SQLStatement] {
        parseReporting(text, options: options, nesting: nesting).statements
    }

    static func parseReporting(_ text: String, options: SQLTokenizer.Options, nesting: Int) -> (statements: [SQLStatement], ambiguities: SQLTokenizer.Ambiguities) {
        var text = text
        return text.withUTF8 { source in
            var scanner = SQLScanner(bytes: source, options: options)
            scanner.run()
            let tokens = scanner.tokens
            var out: [SQLStatement] = []
            var start = 0
            for i in 0...tokens.count {
                let atEnd = i == tokens.count
                guard atEnd || tokens[i].kind == .semicolon else { continue }
                if i > start {
                    var analyzer = SQLStatementAnalyzer(
                        tokens: tokens[start..<i], source: source, terminated: !atEnd, nesting: nesting, options: options
                    )
                    let statement = analyzer.run()
                    if !statement.text.isEmpty { out.append(statement) }
                }
                start = i + 1
            }
            return (out, scanner.ambiguities)
        }
    }

    /// Every reading that flips a subset of the switches the text actually ran into.
    static func alternatives(for ambiguities: SQLTokenizer.Ambiguities) -> [SQLTokenizer.Options] {
        var out: [SQLTokenizer.Options] = []
        let standard = SQLTokenizer.Options.standard
        for mask in 1..<8 {
            if mask & 1 != 0, !ambiguities.hashComment { continue }
            if mask & 2 != 0, !ambiguities.backslashInString { continue }
            if mask & 4 != 0, !ambiguities.nestedComment { continue }
            var o = standard
            if mask & 1 != 0 { o.hashComments.toggle() }
            if mask & 2 != 0 { o.backslashEscapes.toggle() }
            if mask & 4 != 0 { o.nestedComments.toggle() }
            out.append(o)
        }
        return out
    }

    /// How dangerous a reading is: destructive statements and file access weigh most.
    static func risk(_ statements: [SQLStatement]) -> Int {
        var total = 0
        for top in statements {
            for s in top.flattened {
                let v = s.effectiveVerb
                total += v.isDestructive ? 10 : v.isWrite ? 4 : v == .other ? 0 : 1
                total += 10 * s.fileAccess.count
            }
        }
        return total
    }
}
