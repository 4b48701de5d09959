/// Database clients on the command line: the SQL they send is judged by the SQL rules.
extension ShellAnalyzer {
    mutating func databaseClient(_ inv: CommandInvocation) -> DataFlow? {
        var statements: [String] = []
        var databaseLabels: DataLabels = []
        switch inv.name {
        case "psql", "cockroach":
            let scan = OptionScan(inv.arguments, shortWithValue: ["c", "d", "h", "p", "U", "f", "v", "o"], longWithValue: ["command", "dbname", "host", "port", "username", "file", "set", "output"])
            statements = scan.allValues("c", "command")
        case "mysql", "mariadb":
            let scan = OptionScan(inv.arguments, shortWithValue: ["e", "h", "u", "P", "D", "S"], longWithValue: ["execute", "host", "user", "port", "database", "socket", "default-auth", "plugin-dir"])
            statements = scan.allValues("e", "execute")
            // The client loads its authentication plugin from a library path of the caller's choice.
            if let plugin = scan.value("default-auth"), plugin.contains("/") {
                add("shell.library_load", .high, score: 75, .execution, "\(inv.name) loads a client plugin from \(plugin.prefix(60))", evidence: inv.text)
            }
        case "sqlite3":
            let scan = OptionScan(inv.arguments)
            statements = Array(scan.operands.dropFirst())
            if var database = scan.operands.first {
                // `file:PATH?mode=ro` URIs name the same file.
                if database.hasPrefix("file:") { database.removeFirst(5) }
                if let q = database.firstIndex(of: "?") { database = String(database[..<q]) }
                let path = normalizer.normalize(database)
                fileAccess(raw: database, path: path, mode: .read, evidence: inv.text)
                databaseLabels = labelsForReading(path)
            }
        case "clickhouse-client":
            let scan = OptionScan(inv.arguments, shortWithValue: ["q"], longWithValue: ["query"])
            statements = scan.allValues("q", "query")
        default:
            break
        }
        if statements.isEmpty, let text = inv.stdinText { statements = [text] }
        for sql in statements.prefix(8) {
            for finding in SQLRules.findings(for: SQLParser.statements(in: sql)) {
                add(finding.rule, finding.severity, score: finding.score, finding.category ?? .destructiveSQL, finding.message, evidence: inv.text)
            }
        }
        return DataFlow(labels: inv.stdinLabels.union(databaseLabels))
    }
}
