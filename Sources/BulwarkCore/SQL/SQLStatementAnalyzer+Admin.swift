/// Administrative statements: `COPY`, `LOAD`, `ATTACH`, `EXEC`/`CALL`, `SET`, `DESCRIBE`, transactions.
extension SQLStatementAnalyzer {
    /// `COPY t TO|FROM 'file' | PROGRAM 'cmd' | STDIN | STDOUT`, and `BULK INSERT t FROM 'file'`.
    mutating func analyzeCopy() {
        if isWord(0, "BULK") {
            guard isWord(1, "INSERT"), let (n, next) = name(at: 2, lenient: true) else { return }
            statement.targets = [n]
            if isWord(next, "FROM"), next + 1 < count, tokens[next + 1].kind == .string {
                statement.fileAccess.append(SQLFileAccess(kind: .fileRead, indicator: "BULK INSERT", argument: tokens[next + 1].value))
                statement.isRecognized = true
            }
            return
        }
        var i = 1
        if isPunct(i, "(") {
            i = afterParentheses(i)
        } else if let (n, next) = name(at: i, lenient: true) {
            statement.targets = [n]
            i = next
            if isPunct(i, "(") { i = afterParentheses(i) }
        } else {
            return
        }
        guard let direction = word(i), direction == "TO" || direction == "FROM" else { return }
        let reading = direction == "FROM"
        let j = i + 1
        if isWord(j, "PROGRAM") {
            statement.fileAccess.append(SQLFileAccess(kind: .codeExecution, indicator: "COPY \(direction) PROGRAM", argument: stringAfter(j, window: 1)))
            statement.isRecognized = true
        } else if j < count, tokens[j].kind == .string {
            statement.fileAccess.append(SQLFileAccess(kind: reading ? .fileRead : .fileWrite, indicator: "COPY \(direction) FILE", argument: tokens[j].value))
            statement.isRecognized = true
        } else if let w = word(j), w == "STDIN" || w == "STDOUT" {
            statement.isRecognized = true
        }
    }

    /// `LOAD DATA [LOCAL] INFILE 'f' INTO TABLE t` (MySQL) and `LOAD 'library'` (PostgreSQL).
    mutating func analyzeLoad() {
        if count > 1, tokens[1].kind == .string {
            statement.fileAccess.append(SQLFileAccess(kind: .codeExecution, indicator: "LOAD LIBRARY", argument: tokens[1].value))
            statement.isRecognized = true
            return
        }
        guard let w = word(1), w == "DATA" || w == "XML" else { return }
        guard let infile = topLevel("INFILE", from: 2) else { return }
        let local = (2..<infile).contains { isWord($0, "LOCAL") }
        statement.fileAccess.append(SQLFileAccess(kind: .fileRead, indicator: local ? "LOAD DATA LOCAL INFILE" : "LOAD DATA INFILE", argument: stringAfter(infile, window: 1)))
        if let into = topLevel("INTO", from: infile), let (n, _) = name(at: skip(["TABLE"], from: into + 1), lenient: true) {
            statement.targets = [n]
        }
        statement.isRecognized = true
    }

    /// `ATTACH [DATABASE] 'path' AS name` (SQLite): creates or opens a file at any path.
    mutating func analyzeAttach() {
        let i = skip(["DATABASE"], from: 1)
        guard i < count else { return }
        if let asIndex = topLevel("AS", from: i), let (n, _) = name(at: asIndex + 1, lenient: true) {
            statement.targets = [n]
            statement.isRecognized = true
        }
        if tokens[i].kind == .string {
            let path = tokens[i].value
            if !path.isEmpty, path != ":memory:", !path.hasPrefix("file::memory:") {
                statement.fileAccess.append(SQLFileAccess(kind: .fileWrite, indicator: "ATTACH DATABASE", argument: path))
            }
        } else if statement.isRecognized {
            // ATTACH of a computed path: still a file, of unknown name.
            statement.fileAccess.append(SQLFileAccess(kind: .fileWrite, indicator: "ATTACH DATABASE"))
        }
    }

    /// `EXEC proc`, `EXEC('sql')`, `EXECUTE IMMEDIATE 'sql'`, `CALL proc(…)`.
    mutating func analyzeExec() {
        var i = 1
        if isWord(i, "IMMEDIATE") {
            statement.isRecognized = i + 1 < count
            return
        }
        if isPunct(i, "(") {
            statement.isRecognized = i + 1 < count && (tokens[i + 1].kind == .string || tokens[i + 1].kind == .parameter)
            return
        }
        if i < count, tokens[i].kind == .parameter, isOperator(i + 1, "=") { i += 2 }  // EXEC @rc = proc
        guard let (n, next) = name(at: i, lenient: true) else { return }
        statement.targets = [n]
        if statement.verb == .call {
            statement.isRecognized = isPunct(next, "(") || (next >= count && terminated)
            return
        }
        let lower = n.lowercased()
        let lastPart = lower.split(separator: ".").last.map(String.init) ?? lower
        let procedureLike = lastPart.hasPrefix("sp_") || lastPart.hasPrefix("xp_") || lower.contains(".")
        let argumentsFollow = next < count && [.parameter, .string, .number].contains(tokens[next].kind)
        statement.isRecognized = isNameToken(i) && (procedureLike || argumentsFollow || (next >= count && terminated))
    }

    /// `SET name = value`, `SET GLOBAL general_log_file = '/var/www/x.php'`.
    mutating func analyzeSet() {
        let start = skip(["GLOBAL", "SESSION", "LOCAL", "PERSIST", "PERSIST_ONLY"], from: 1)
        guard start < count, tokens[start].isName || tokens[start].kind == .parameter else { return }
        var i = start
        while i < count, i < start + 6, !(isOperator(i, "=") || isOperator(i, ":=") || isWord(i, "TO")) { i += 1 }
        guard i < count, i > start else { return }
        let variable = tokens[start..<i]
        statement.targets = [variable.map(\.text).joined()]
        statement.isRecognized = i + 1 < count && (!isWord(i, "TO") || terminated)
        if let logFile = variable.first(where: { ["GENERAL_LOG_FILE", "SLOW_QUERY_LOG_FILE"].contains($0.value.uppercased()) }),
            let path = stringAfter(i, window: 1)
        {
            statement.fileAccess.append(SQLFileAccess(kind: .fileWrite, indicator: "SET \(logFile.value.uppercased())", argument: path))
        }
    }

    mutating func analyzeDescribe() {
        guard let (n, next) = name(at: 1) else { return }
        statement.targets = [n]
        statement.isRecognized = next >= count || (next + 1 == count && isNameToken(next))
    }

    mutating func analyzeTransaction() {
        let words: Set<String> = [
            "TRANSACTION", "WORK", "TRAN", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "ISOLATION", "READ", "TO", "SAVEPOINT",
            "AND", "PREPARED",
        ]
        if count == 1 {
            statement.isRecognized = terminated
        } else if let w = word(1) {
            statement.isRecognized = words.contains(w)
        }
    }
}
