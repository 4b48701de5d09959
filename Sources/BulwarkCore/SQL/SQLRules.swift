/// Impact rules over parsed SQL statements. Rule ids are stable:
///
/// | rule | fires on | severity |
/// |---|---|---|
/// | `sql.drop` | `DROP TABLE/DATABASE/SCHEMA…` (critical); other objects, `TEMPORARY` tables (high) | critical / high |
/// | `sql.truncate` | `TRUNCATE` | critical |
/// | `sql.delete_without_where` | `DELETE` with no `WHERE`, or an always-true one | critical |
/// | `sql.update_without_where` | `UPDATE` with no `WHERE`, or an always-true one | critical |
/// | `sql.grant` / `sql.revoke` | privilege changes (score 80 for superuser, `*.*`, `PUBLIC`, `WITH GRANT OPTION`) | high |
/// | `sql.alter_user` / `sql.create_user` | `ALTER/CREATE USER|ROLE|LOGIN` (score 80 with superuser attributes) | high |
/// | `sql.alter_table_drop` | `ALTER TABLE … DROP [COLUMN]`, `DROP PARTITION` | high |
/// | `sql.multi_statement` | several statements, a later one writing (stacked injection) | high |
/// | `sql.file_access` | command execution / native code (critical); server file read or write (high) | critical / high |
/// | `sql.comment_obfuscation` | comments splitting a keyword, or standing in for spaces in a destructive statement | medium |
///
/// Reads (`SELECT`, `SHOW`, `EXPLAIN`) and writes restricted by a real `WHERE` raise nothing.
/// Statements nested in others (data-modifying CTEs, `EXPLAIN ANALYZE`, dynamic SQL) are judged too.
/// The rules trust that the input is SQL; gate free text with `SQLParser.looksLikeSQL` first.
/// Duplicates are dropped and each rule reports at most `maxFindingsPerRule` findings.
public enum SQLRules {
    /// Findings for every statement (and the statements nested in them), plus `sql.multi_statement`.
    public static func findings(for statements: [SQLStatement]) -> [Finding] {
        var out: [Finding] = []
        for top in statements {
            for s in top.flattened { out += findings(for: s) }
        }
        if statements.count > 1, let later = statements.dropFirst().first(where: writes) {
            out.append(Finding(
                layer: .impact, rule: "sql.multi_statement", severity: .high,
                message: "\(statements.count) stacked statements; statement \(statements.firstIndex(of: later).map { $0 + 1 } ?? 2) "
                    + "(\(describe(later))) changes data after the first — the shape of stacked SQL injection",
                evidence: later.text, category: .destructiveSQL
            ))
        }
        return dedupe(out)
    }

    /// The findings for one statement, ignoring the statements nested in it.
    static func findings(for s: SQLStatement) -> [Finding] {
        var out: [Finding] = []
        let names = s.targets.isEmpty ? "(unnamed)" : s.targets.joined(separator: ", ")
        let type = s.objectType ?? ""
        func add(_ rule: RuleID, _ severity: Severity, score: Int? = nil, _ message: String, _ category: ImpactCategory) {
            out.append(Finding(layer: .impact, rule: rule, severity: severity, score: score, message: message, evidence: s.text, category: category))
        }
        switch s.effectiveVerb {
        case .drop where s.objectType != nil:
            if SQLKeywords.dataObjectTypes.contains(type), !s.flags.contains(.temporary) {
                add("sql.drop", .critical, "DROP \(type) \(names) permanently destroys the \(type.lowercased()) and its data", .destructiveSQL)
            } else {
                add("sql.drop", .high, "DROP \(type) \(names) removes the \(type.lowercased())", .destructiveSQL)
            }
        case .truncate:
            add("sql.truncate", .critical, "TRUNCATE \(names) deletes every row of the table", .destructiveSQL)
        case .delete where !s.hasEffectiveWhere:
            add("sql.delete_without_where", .critical, "DELETE FROM \(names) \(whereProblem(s)): it deletes every row", .destructiveSQL)
        case .update where !s.hasEffectiveWhere:
            add("sql.update_without_where", .critical, "UPDATE \(names) \(whereProblem(s)): it overwrites every row", .destructiveSQL)
        case .grant:
            let broad = s.flags.contains(.broadGrant) || s.flags.contains(.grantsSuperuser)
            add("sql.grant", .high, score: broad ? 80 : nil,
                "GRANT on \(type.isEmpty ? "" : type + " ")\(names) to \(grantees(s))\(broad ? " (superuser-level or unrestricted)" : "")", .privilegeEscalation)
        case .revoke:
            add("sql.revoke", .high, "REVOKE on \(type.isEmpty ? "" : type + " ")\(names) from \(grantees(s))", .privilegeEscalation)
        case .alter where SQLKeywords.principalTypes.contains(type):
            let superuser = s.flags.contains(.grantsSuperuser)
            add("sql.alter_user", .high, score: superuser ? 80 : nil,
                "ALTER \(type) \(names)\(attributes(s)) changes an account's privileges or credentials", .privilegeEscalation)
        case .alter where s.flags.contains(.dropsColumn) || s.flags.contains(.dropsPartition):
            let what = s.flags.contains(.dropsPartition) ? "a partition and its rows" : "a column and its data"
            add("sql.alter_table_drop", .high, "ALTER TABLE \(names) drops \(what)", .destructiveSQL)
        case .create where SQLKeywords.principalTypes.contains(type):
            let superuser = s.flags.contains(.grantsSuperuser)
            add("sql.create_user", .high, score: superuser ? 80 : nil,
                "CREATE \(type) \(names)\(attributes(s)) adds a database account", .privilegeEscalation)
        default:
            break
        }
        for access in s.fileAccess {
            let arg = access.argument.map { " '\($0)'" } ?? ""
            switch access.kind {
            case .codeExecution:
                add("sql.file_access", .critical, "\(access.indicator)\(arg) runs operating-system commands or native code from SQL", .remoteCodeExecution)
            case .fileRead:
                add("sql.file_access", .high, "\(access.indicator)\(arg) reads files on the database server", .exfiltration)
            case .fileWrite:
                add("sql.file_access", .high, "\(access.indicator)\(arg) writes a file on the database server", .persistence)
            }
        }
        let dangerous = s.effectiveVerb.isDestructive || !s.fileAccess.isEmpty || !out.isEmpty
        if s.flags.contains(.splitKeyword) {
            add("sql.comment_obfuscation", .medium, "A comment splits an SQL keyword in two, a filter-evasion trick", .defenseEvasion)
        } else if dangerous, s.flags.contains(.commentAsWhitespace) || s.flags.contains(.executableComment) {
            let how = s.flags.contains(.executableComment) ? "MySQL executable comments (/*! */) hide" : "Inline comments stand in for spaces in"
            add("sql.comment_obfuscation", .medium, "\(how) a destructive \(s.effectiveVerb.rawValue.uppercased()) statement", .defenseEvasion)
        }
        return out
    }

    private static func writes(_ s: SQLStatement) -> Bool {
        s.flattened.contains { $0.effectiveVerb.isWrite || !$0.fileAccess.isEmpty }
    }

    private static func describe(_ s: SQLStatement) -> String {
        let verb = s.effectiveVerb.rawValue.uppercased()
        let type = s.objectType.map { " \($0)" } ?? ""
        return s.targets.isEmpty ? verb + type : "\(verb)\(type) \(s.targets.joined(separator: ", "))"
    }

    private static func whereProblem(_ s: SQLStatement) -> String {
        s.hasWhere ? "has a WHERE clause that is always true" : "has no WHERE clause"
    }

    private static func grantees(_ s: SQLStatement) -> String {
        s.grantees.isEmpty ? "(unnamed)" : s.grantees.joined(separator: ", ")
    }

    private static func attributes(_ s: SQLStatement) -> String {
        var parts: [String] = []
        if s.flags.contains(.grantsSuperuser) { parts.append("superuser-level attributes") }
        if s.flags.contains(.setsPassword) { parts.append("password") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    /// At most this many findings per rule: a megabyte of `DROP TABLE t;` is one story, not 70,000.
    static let maxFindingsPerRule = 16

    private static func dedupe(_ findings: [Finding]) -> [Finding] {
        var out: [Finding] = []
        var seen: Set<String> = []
        var perRule: [RuleID: Int] = [:]
        for f in findings where seen.insert(f.rule.rawValue + "\u{0}" + f.message + "\u{0}" + f.evidence).inserted {
            let n = perRule[f.rule, default: 0]
            guard n < maxFindingsPerRule else { continue }
            perRule[f.rule] = n + 1
            out.append(f)
        }
        return out
    }
}
