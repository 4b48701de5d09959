/// Constructs that reach past the database, wherever they appear in a statement, and SQL that
/// runs from inside a string (`EXEC('…')`, `EXECUTE IMMEDIATE '…'`, `DO $$ … $$`).
extension SQLStatementAnalyzer {
    /// Dangerous routines by name (`xp_cmdshell`, `pg_read_file`, `load_extension`…) and
    /// `INTO OUTFILE` / `INTO DUMPFILE`.
    mutating func scanFileAccess() {
        var seen = Set(statement.fileAccess.map(\.indicator))
        for i in 0..<count {
            let t = tokens[i]
            guard t.isName else { continue }
            let v = t.kind == .word ? t.value : t.value.uppercased()
            var access: SQLFileAccess?
            if SQLKeywords.codeExecutionRoutines.contains(v) {
                access = SQLFileAccess(kind: .codeExecution, indicator: v, argument: stringAfter(i))
            } else if SQLKeywords.fileReadRoutines.contains(v) {
                access = SQLFileAccess(kind: .fileRead, indicator: v, argument: stringAfter(i))
            } else if SQLKeywords.fileWriteRoutines.contains(v) {
                access = SQLFileAccess(kind: .fileWrite, indicator: v, argument: stringAfter(i))
            } else if v == "INTO", let next = word(i + 1), next == "OUTFILE" || next == "DUMPFILE" {
                access = SQLFileAccess(kind: .fileWrite, indicator: "INTO \(next)", argument: stringAfter(i + 1, window: 1))
            }
            if let access, seen.insert(access.indicator).inserted { statement.fileAccess.append(access) }
        }
    }

    /// String literals after a dynamic-SQL keyword are parsed as SQL; statements that are
    /// recognized (or carry statements of their own) become nested statements.
    mutating func scanDynamicSQL() {
        // PostgreSQL anonymous code block: `DO [LANGUAGE l] $$ … $$`.
        if statement.verb == .other, isWord(0, "DO"), tokens.dropFirst().contains(where: { $0.kind == .string }) {
            statement.isRecognized = true
        }
        guard nesting < Self.maxNesting else { return }
        guard let marker = tokens.firstIndex(where: { $0.kind == .word && SQLKeywords.dynamicSQLMarkers.contains($0.value) })
            ?? (statement.verb == .exec ? 0 : nil)
        else { return }
        for j in marker..<count where tokens[j].kind == .string && !tokens[j].value.isEmpty {
            let inner = SQLParser.parse(tokens[j].value, options: options, nesting: nesting + 1)
            statement.nested += inner.filter { $0.isRecognized || !$0.nested.isEmpty || !$0.fileAccess.isEmpty }
        }
    }
}
