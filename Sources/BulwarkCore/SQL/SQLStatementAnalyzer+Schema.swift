/// Schema and privilege statements: `DROP`, `TRUNCATE`, `ALTER`, `CREATE`, `GRANT`, `REVOKE`.
extension SQLStatementAnalyzer {
    mutating func analyzeDrop() {
        var i = 1
        if let w = word(i), w == "TEMPORARY" || w == "TEMP" {
            statement.flags.insert(.temporary)
            i += 1
        }
        guard let (type, next) = objectType(at: i) else { return }
        statement.objectType = type
        i = skip(["CONCURRENTLY"], from: skipIfExists(next))
        if type == "OWNED", isWord(i, "BY") { i += 1 }
        let principal = SQLKeywords.principalTypes.contains(type)
        let (names, after) = nameList(at: i, lenient: !principal, allowString: principal)
        statement.targets = names
        let tails: Set<String> = ["CASCADE", "RESTRICT", "PURGE", "FORCE", "ON", "WITH", "FROM", "IN"]
        statement.isRecognized = !names.isEmpty && isNameToken(i) || (principal && !names.isEmpty)
        statement.isRecognized = statement.isRecognized && (after >= count || (word(after).map(tails.contains) ?? false) || isPunct(after, "("))
    }

    mutating func analyzeTruncate() {
        statement.objectType = "TABLE"
        var i = 1
        let explicit = isWord(i, "TABLE")
        if explicit { i += 1 }
        i = skip(["ONLY"], from: skipIfExists(i))
        let (names, after) = nameList(at: i, lenient: explicit)
        statement.targets = names
        var j = after
        if isOperator(j, "*") { j += 1 }
        let tails: Set<String> = ["CASCADE", "RESTRICT", "RESTART", "CONTINUE", "IDENTITY", "PARTITION", "WITH", "DROP", "REUSE", "PRESERVE", "PURGE"]
        statement.isRecognized = !names.isEmpty && (j >= count || (word(j).map(tails.contains) ?? false))
    }

    mutating func analyzeAlter() {
        guard let (type, next) = objectType(at: 1) else { return }
        statement.objectType = type
        let principal = SQLKeywords.principalTypes.contains(type)
        let i = skip(["ONLY"], from: skipIfExists(next))
        guard let (n, after) = name(at: i, allowString: principal) ?? name(at: i, lenient: true, allowString: principal) else { return }
        statement.targets = [n]
        let actionOK = after < count && (word(after).map { SQLKeywords.alterActions.contains($0) || SQLKeywords.superuserMarkers.contains($0) } ?? isPunct(after, "("))
        statement.isRecognized = isNameToken(i) || (principal && tokens[i].kind == .string) ? actionOK : false
        if type == "TABLE" { noteDroppedColumns(from: after) }
        if principal || type == "SYSTEM" { notePrivilegeAttributes(from: i) }
    }

    /// `ALTER TABLE t DROP [COLUMN] c` and `DROP PARTITION p`; not `DROP CONSTRAINT`, `DROP DEFAULT`…
    mutating func noteDroppedColumns(from start: Int) {
        let notColumns: Set<String> = [
            "CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "DEFAULT", "NOT", "CHECK", "IDENTITY", "EXPRESSION",
            "STATISTICS", "TRIGGER", "ROW", "SYSTEM", "PERIOD", "FULLTEXT", "UNIQUE", "CLUSTERING", "SEARCH",
        ]
        var j = start
        while let d = topLevel("DROP", from: j) {
            if isWord(d - 1, "ALTER") || isWord(d - 2, "ALTER") && isWord(d - 1, "COLUMN") {
                // ALTER COLUMN c DROP DEFAULT / DROP NOT NULL
            } else if isWord(d + 1, "PARTITION") || isWord(d + 1, "SUBPARTITION") {
                statement.flags.insert(.dropsPartition)
            } else if isWord(d + 1, "COLUMN") {
                statement.flags.insert(.dropsColumn)
            } else if let w = word(d + 1), !notColumns.contains(w) {
                statement.flags.insert(.dropsColumn)
            } else if d + 1 < count, tokens[d + 1].kind == .quotedIdentifier {
                statement.flags.insert(.dropsColumn)
            }
            j = d + 1
        }
    }

    /// `SUPERUSER`, `CREATEROLE`, `ADD MEMBER` to `sysadmin`, `PASSWORD`, `IDENTIFIED BY`…
    mutating func notePrivilegeAttributes(from start: Int) {
        for j in start..<count {
            let t = tokens[j]
            guard t.isName || t.kind == .string else { continue }
            let v = t.kind == .word ? t.value : t.value.uppercased()
            if SQLKeywords.superuserMarkers.contains(v), !(v == "CONTROL" || v == "SUPER") || t.kind == .word {
                statement.flags.insert(.grantsSuperuser)
            }
            if v == "PASSWORD" || v == "IDENTIFIED" { statement.flags.insert(.setsPassword) }
        }
    }

    mutating func analyzeCreate() {
        var i = 1
        if isWord(i, "OR"), isWord(i + 1, "REPLACE") || isWord(i + 1, "ALTER") { i += 2 }
        // Skip modifiers and `DEFINER = user@host` until the object type, within a small window.
        var found: (type: String, next: Int)?
        let limit = min(count, i + 12)
        while i < limit {
            if let t = objectType(at: i), !(t.type == "GROUP" && i > 1) {
                found = t
                break
            }
            if let w = word(i), w == "TEMPORARY" || w == "TEMP" { statement.flags.insert(.temporary) }
            i += 1
        }
        guard let (type, next) = found else { return }
        statement.objectType = type
        let principal = SQLKeywords.principalTypes.contains(type)
        let j = skipIfExists(next)
        guard let (n, after) = name(at: j, allowString: principal) ?? name(at: j, lenient: true, allowString: principal) else { return }
        statement.targets = [n]
        let tailOK = after >= count || isPunct(after, "(") || (word(after).map(SQLKeywords.createTails.contains) ?? false)
            || (type == "INDEX" && isWord(after, "ON"))
        statement.isRecognized = (isNameToken(j) || (principal && tokens[j].kind == .string)) && tailOK
        if principal { notePrivilegeAttributes(from: after) }
        if type == "FUNCTION" || type == "PROCEDURE" || type == "AGGREGATE" { noteNativeCode(from: after) }
    }

    /// `LANGUAGE plpython3u`, `LANGUAGE C`, `SONAME 'lib.so'`: native or unsandboxed code.
    mutating func noteNativeCode(from start: Int) {
        for j in start..<count {
            if isWord(j, "LANGUAGE"), j + 1 < count {
                let lang = tokens[j + 1].kind == .word ? tokens[j + 1].value : tokens[j + 1].value.uppercased()
                if SQLKeywords.untrustedLanguages.contains(lang) {
                    statement.fileAccess.append(SQLFileAccess(kind: .codeExecution, indicator: "LANGUAGE \(lang)"))
                }
            } else if isWord(j, "SONAME") {
                statement.fileAccess.append(SQLFileAccess(kind: .codeExecution, indicator: "SONAME", argument: stringAfter(j, window: 1)))
            }
        }
    }

    /// `GRANT privileges ON object TO grantee` / `GRANT role TO user`, and `REVOKE … FROM`.
    mutating func analyzeGrant() {
        let toWord = statement.verb == .grant ? "TO" : "FROM"
        var i = 1
        if statement.verb == .revoke, isWord(i + 1, "OPTION"), isWord(i + 2, "FOR") { i += 3 }
        let on = topLevel("ON", from: i)
        guard let to = topLevel(toWord, from: on ?? i) else { return }
        let privilegeEnd = on ?? to
        let privileges = tokens[i..<privilegeEnd]
        var privilegeOK = !privileges.isEmpty
        var run = 0
        for t in privileges {
            if t.kind == .word, SQLKeywords.englishWords.contains(t.value), !SQLKeywords.reservedWords.contains(t.value) { privilegeOK = false }
            if t.isName { run += 1 } else { run = 0 }
            if run > 3 { privilegeOK = false }
            if t.isName, SQLKeywords.superuserMarkers.contains(t.kind == .word ? t.value : t.value.uppercased()) {
                statement.flags.insert(.grantsSuperuser)
            }
        }
        if let on {
            var j = on + 1
            if let (type, next) = objectType(at: j) {
                statement.objectType = type
                j = next
            } else if isWord(j, "ALL") {
                statement.objectType = word(j + 1) ?? "ALL"
                j = topLevel("SCHEMA", from: j).map { $0 + 1 } ?? j + 2
            } else {
                statement.objectType = "TABLE"
            }
            statement.targets = nameList(at: j, lenient: true).names
            if statement.targets.contains(where: { $0 == "*" || $0 == "*.*" }) {
                statement.objectType = "ALL"
                statement.flags.insert(.broadGrant)
            }
            if privileges.contains(where: { $0.isWord("SUPER") || $0.isWord("FILE") || $0.isWord("PROCESS") || $0.isWord("SHUTDOWN") }) {
                statement.flags.insert(.grantsSuperuser)
            }
        } else {
            statement.objectType = "ROLE"
            statement.targets = nameList(at: i, lenient: true).names
        }
        let (grantees, after) = nameList(at: to + 1, lenient: true, allowString: true)
        statement.grantees = grantees
        if grantees.contains(where: { $0.uppercased() == "PUBLIC" }) { statement.flags.insert(.broadGrant) }
        if isWord(after, "WITH"), isWord(after + 1, "GRANT") || isWord(after + 1, "ADMIN") { statement.flags.insert(.broadGrant) }
        if isWord(after, "IDENTIFIED") { statement.flags.insert(.setsPassword) }
        statement.isRecognized = privilegeOK && !grantees.isEmpty
            && !grantees.contains { SQLKeywords.englishWords.contains($0.uppercased()) }
    }
}
