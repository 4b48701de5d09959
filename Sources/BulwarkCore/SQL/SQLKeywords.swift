/// Keyword tables shared by the SQL analyzer. All entries are upper-case.
enum SQLKeywords {
    /// Object types after `DROP`, `CREATE`, `ALTER` (single words; two-word types are handled apart).
    static let objectTypes: Set<String> = [
        "TABLE", "DATABASE", "SCHEMA", "USER", "ROLE", "LOGIN", "INDEX", "VIEW", "FUNCTION", "PROCEDURE",
        "TRIGGER", "SEQUENCE", "TYPE", "EXTENSION", "TABLESPACE", "DOMAIN", "EVENT", "SERVER", "COLLECTION",
        "KEYSPACE", "OWNED", "POLICY", "RULE", "PUBLICATION", "SUBSCRIPTION", "AGGREGATE", "OPERATOR",
        "CAST", "COLLATION", "CONVERSION", "LANGUAGE", "STATISTICS", "SYNONYM", "PACKAGE", "GROUP",
        "SYSTEM", "CATALOG", "STAGE", "WAREHOUSE", "STREAM", "TASK", "PIPE", "CONSTRAINT", "ASSEMBLY",
        "CERTIFICATE", "CREDENTIAL", "PARTITION", "FILEGROUP", "DICTIONARY",
    ]

    /// First words of two-word object types, with the second word they take.
    static let twoWordTypes: [String: Set<String>] = [
        "MATERIALIZED": ["VIEW"], "FOREIGN": ["TABLE", "DATA"], "EVENT": ["TRIGGER"], "ACCESS": ["METHOD"],
        "TEXT": ["SEARCH"], "EXTERNAL": ["TABLE"], "VIRTUAL": ["TABLE"], "RESOURCE": ["POOL", "GROUP"],
        "USER": ["MAPPING"], "DATABASE": ["LINK"], "ROW": ["ACCESS"], "PUBLIC": ["SYNONYM"],
    ]

    /// Object types whose loss is the loss of data: dropping one is critical.
    static let dataObjectTypes: Set<String> = [
        "TABLE", "DATABASE", "SCHEMA", "TABLESPACE", "OWNED", "COLLECTION", "KEYSPACE", "FOREIGN TABLE",
        "EXTERNAL TABLE", "VIRTUAL TABLE", "MATERIALIZED VIEW", "CATALOG", "PARTITION", "FILEGROUP",
    ]

    /// Principals: `CREATE USER`, `ALTER ROLE`…
    static let principalTypes: Set<String> = ["USER", "ROLE", "LOGIN", "GROUP"]

    /// Attributes and roles that amount to superuser.
    static let superuserMarkers: Set<String> = [
        "SUPERUSER", "CREATEROLE", "BYPASSRLS", "REPLICATION", "SYSADMIN", "DB_OWNER", "SECURITYADMIN",
        "SERVERADMIN", "DBA", "RDS_SUPERUSER", "CLOUDSQLSUPERUSER", "ACCOUNTADMIN", "SECURITYADMIN",
        "SUPER", "CONTROL",
    ]

    /// Modifiers that may sit between a verb and the thing it acts on.
    static let modifiers: Set<String> = [
        "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "QUICK", "ONLY", "OR", "REPLACE", "ABORT", "FAIL",
        "ROLLBACK", "TEMP", "TEMPORARY", "UNIQUE", "GLOBAL", "LOCAL", "UNLOGGED", "RECURSIVE", "CONCURRENTLY",
        "CLUSTERED", "NONCLUSTERED", "SECURE", "TRANSIENT", "VOLATILE", "SQL", "SECURITY", "ALGORITHM",
        "DEFINER", "INVOKER", "UNDEFINED", "MERGE", "TEMPTABLE", "FORCE", "NOFORCE", "EDITIONABLE",
        "NONEDITIONABLE", "TRUSTED", "PROCEDURAL", "CONSTRAINT", "FULLTEXT", "SPATIAL", "AGGREGATE",
    ]

    /// Words that end a top-level clause (for the extent of a `WHERE` expression).
    static let clauseEnders: Set<String> = [
        "ORDER", "LIMIT", "RETURNING", "GROUP", "HAVING", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT",
        "WINDOW", "FOR", "OPTION", "OUTPUT", "INTO",
    ]

    /// Reserved words: none can be a bare table, column or user name.
    static let reservedWords: Set<String> = [
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "IS", "NULL", "INTO", "VALUES", "SET", "TABLE",
        "ON", "TO", "BY", "FOR", "WITH", "AS", "JOIN", "ORDER", "GROUP", "HAVING", "LIMIT", "UNION", "ALL",
        "DISTINCT", "CASE", "WHEN", "THEN", "ELSE", "END", "LIKE", "BETWEEN", "EXISTS", "INSERT", "UPDATE",
        "DELETE", "DROP", "CREATE", "ALTER", "GRANT", "REVOKE", "TRUNCATE", "USING", "IF", "OF",
    ]

    /// English function words (articles, pronouns, particles). Prose puts them where SQL needs a
    /// name: `delete the file`, `update me when done`, `drop by later`.
    static let englishWords: Set<String> = [
        "THE", "A", "AN", "MY", "YOUR", "OUR", "THEIR", "HIS", "HER", "ITS", "THIS", "THAT", "THESE",
        "THOSE", "ME", "YOU", "HIM", "THEM", "US", "I", "WE", "IT", "THEY", "HE", "SHE", "SOME", "ANY",
        "EVERY", "EACH", "EVERYTHING", "SOMETHING", "NOTHING", "ANYTHING", "YOURSELF", "MYSELF", "ITSELF",
        "WHICH", "WHAT", "WHO", "WHOM", "WHOSE", "WHY", "HOW", "HERE", "THERE", "PLEASE", "NOW", "LATER",
        "BACK", "AWAY", "AGAIN", "TOO", "VERY", "JUST", "ALSO", "NO", "YES", "ONE", "BOTH", "AT", "BUT", "SO",
        "UP", "OUT", "OFF", "OVER", "THAN", "DOWN", "ABOUT", "AFTER", "BEFORE", "OF", "TO", "FOR", "BY",
        "WITH", "AND", "OR", "IN", "ON", "FROM", "INTO", "IS", "ARE", "WAS", "BE", "WILL", "CAN", "SHOULD",
        "WOULD", "COULD", "MUST", "DO", "DOES", "DID", "HAS", "HAVE", "HAD", "NOT",
    ]

    /// Words that cannot be a bare name where SQL requires one.
    static let notNames: Set<String> = reservedWords.union(englishWords)

    /// Words that may follow `ALTER <type> <name>`.
    static let alterActions: Set<String> = [
        "ADD", "DROP", "ALTER", "RENAME", "MODIFY", "CHANGE", "SET", "RESET", "OWNER", "ENABLE", "DISABLE",
        "WITH", "PASSWORD", "IDENTIFIED", "ATTACH", "DETACH", "VALIDATE", "INHERIT", "NO", "CONNECTION",
        "REFRESH", "ACCOUNT", "REQUIRE", "DEFAULT", "CONVERT", "ENGINE", "AUTO_INCREMENT", "COMMENT",
        "CHARACTER", "CHARSET", "COLLATE", "UPGRADE", "NOSUPERUSER", "LOGIN", "NOLOGIN", "CREATEDB",
        "NOCREATEDB", "NOCREATEROLE", "VALID", "REBUILD", "REORGANIZE", "SWITCH", "TRUNCATE", "PARTITION",
        "ROW_FORMAT", "LOCK", "ALGORITHM", "FORCE", "CLUSTER", "COLUMN", "NOCHECK", "CHECK", "INHERIT",
        "NOINHERIT", "ENCRYPTED", "UNENCRYPTED", "IN", "DEPENDS", "OPTIONS", "EXCHANGE", "COALESCE",
        "DISCARD", "IMPORT", "REMOVE", "ANALYZE", "OPTIMIZE", "REPAIR", "SPLIT", "MERGE", "ORDER", "ONLINE",
        "OFFLINE", "READ", "UNLOCK", "TO", "DEFAULT_ROLE", "NOREPLICATION", "BYPASSRLS", "NOBYPASSRLS",
        "CONNECTION", "RESOURCE", "QUOTA", "PROFILE", "GRANT", "CURRENT", "FAILED_LOGIN_ATTEMPTS", "(",
    ]

    /// Words that may follow `CREATE <type> <name>`.
    static let createTails: Set<String> = [
        "AS", "LIKE", "ON", "WITH", "PASSWORD", "IDENTIFIED", "LOGIN", "NOLOGIN", "FROM", "IN", "USING",
        "RETURNS", "ENCRYPTED", "DEFAULT", "INHERITS", "PARTITION", "ENGINE", "OPTIONS", "AUTHORIZATION",
        "OWNED", "INCREMENT", "START", "MINVALUE", "MAXVALUE", "CACHE", "CYCLE", "BEFORE", "AFTER", "INSTEAD",
        "FOR", "REQUIRE", "VALID", "CREATEDB", "CREATEROLE", "INHERIT", "CONNECTION", "ADMIN", "ROLE",
        "IMMEDIATE", "DEFERRED", "TABLESPACE", "CLONE", "COPY", "SELECT", "WITHOUT", "CLUSTER", "LANGUAGE",
        "SONAME", "BEGIN", "RETURN", "COMMENT", "DETERMINISTIC", "READS", "MODIFIES", "CONTAINS", "NO",
        "EXTERNAL", "SCHEMA", "VERSION", "CASCADE", "TYPE", "SERVER", "HANDLER", "VALIDATOR", "DATA", "PUBLIC",
    ]

    /// Words that may follow a table reference in a `FROM` list.
    static let afterTableReference: Set<String> = [
        "WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "OUTER", "ON", "USING", "GROUP",
        "ORDER", "LIMIT", "HAVING", "UNION", "EXCEPT", "INTERSECT", "OFFSET", "FETCH", "FOR", "WINDOW", "INTO",
        "AS", "STRAIGHT_JOIN", "PARTITION", "WITH", "TABLESAMPLE", "RETURNING", "OUTPUT", "SET", "LATERAL",
        "USE", "FORCE", "IGNORE", "PIVOT", "UNPIVOT", "QUALIFY", "CONNECT", "START", "OPTION", "FINAL",
        "SAMPLE", "VALUES", "DEFAULT", "SELECT", "OVERRIDING", "ALLOW", "LOCK", "IN",
    ]

    /// Words that may start the expression list of a `SELECT` without being names.
    static let selectExpressionWords: Set<String> = [
        "DISTINCT", "ALL", "TOP", "CASE", "WHEN", "THEN", "ELSE", "END", "AND", "OR", "NOT", "IS", "NULL",
        "AS", "IN", "LIKE", "ILIKE", "BETWEEN", "EXISTS", "CAST", "TRUE", "FALSE", "INTERVAL", "DATE", "TIME",
        "TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "SESSION_USER",
        "USER", "SQL_CALC_FOUND_ROWS", "SQL_NO_CACHE", "HIGH_PRIORITY", "STRAIGHT_JOIN", "PERCENT", "WITH",
        "TIES", "ON", "OVER", "PARTITION", "BY", "ORDER", "ASC", "DESC", "FILTER", "WITHIN", "COLLATE",
        "ESCAPE", "ANY", "SOME", "ARRAY", "ROW", "EXTRACT", "SUBSTRING", "TRIM", "POSITION", "LEADING",
        "TRAILING", "BOTH", "FOR", "UNIQUE", "DISTINCTROW", "SQL_SMALL_RESULT", "SQL_BIG_RESULT",
    ]

    /// What `SHOW` may be followed by.
    static let showTargets: Set<String> = [
        "TABLES", "DATABASES", "SCHEMAS", "COLUMNS", "FIELDS", "GRANTS", "VARIABLES", "STATUS", "PROCESSLIST",
        "FULL", "CREATE", "INDEX", "INDEXES", "KEYS", "TRIGGERS", "WARNINGS", "ERRORS", "ENGINES", "ENGINE",
        "PRIVILEGES", "ALL", "SEARCH_PATH", "SERVER_VERSION", "TABLE", "GLOBAL", "SESSION", "USERS", "ROLES",
        "PROCEDURE", "FUNCTION", "EVENTS", "PLUGINS", "MASTER", "SLAVE", "REPLICA", "BINARY", "CHARACTER",
        "COLLATION", "OPEN", "PROFILES", "TIMEZONE", "TRANSACTION", "DATABASE", "SCHEMA", "VIEWS", "WAREHOUSES",
        "STAGES", "KEYSPACES", "EXTENDED", "CURRENT_USER", "CLIENT_ENCODING", "DATESTYLE", "MAX_CONNECTIONS",
    ]

    /// Routines that run operating-system commands or load native code.
    static let codeExecutionRoutines: Set<String> = [
        "XP_CMDSHELL", "SP_OACREATE", "SP_OAMETHOD", "SYS_EXEC", "SYS_EVAL", "LOAD_EXTENSION",
        "SP_EXECUTE_EXTERNAL_SCRIPT", "DBMS_SCHEDULER", "DBMS_JAVA", "XP_REGWRITE", "SP_ADDEXTENDEDPROC",
        "PG_EXECUTE_SERVER_PROGRAM",
    ]

    /// Routines that read server files or directories.
    static let fileReadRoutines: Set<String> = [
        "PG_READ_FILE", "PG_READ_BINARY_FILE", "PG_LS_DIR", "PG_STAT_FILE", "LO_IMPORT", "LOAD_FILE",
        "XP_DIRTREE", "XP_FILEEXIST", "XP_SUBDIRS", "UTL_FILE", "OPENROWSET", "OPENDATASOURCE", "READFILE",
        "PG_LS_LOGDIR", "PG_LS_WALDIR", "BFILENAME",
    ]

    /// Routines that write server files.
    static let fileWriteRoutines: Set<String> = [
        "LO_EXPORT", "PG_FILE_WRITE", "WRITEFILE", "LO_FROM_BYTEA",
    ]

    /// Procedural languages that can reach the operating system.
    static let untrustedLanguages: Set<String> = [
        "C", "PLPYTHONU", "PLPYTHON3U", "PLPYTHON2U", "PLPERLU", "PLTCLU", "PLSH", "PLRUBYU", "PLJAVAU",
        "INTERNAL",
    ]

    /// Words that introduce dynamic SQL carried in a string literal.
    static let dynamicSQLMarkers: Set<String> = [
        "EXEC", "EXECUTE", "SP_EXECUTESQL", "PREPARE", "DO", "IMMEDIATE", "EVAL",
    ]

    /// Keywords that a comment might split to slip past a filter (`DR/**/OP`).
    static let splittable: Set<String> = [
        "SELECT", "INSERT", "UPDATE", "DELETE", "DROP", "TRUNCATE", "ALTER", "CREATE", "GRANT", "REVOKE",
        "REPLACE", "MERGE", "COPY", "LOAD", "ATTACH", "EXEC", "EXECUTE", "UNION", "FROM", "WHERE", "INTO",
        "TABLE", "DATABASE", "SCHEMA", "USER", "ROLE", "SET", "OUTFILE", "DUMPFILE", "INFILE", "PROGRAM",
        "XP_CMDSHELL", "VALUES", "SLEEP", "BENCHMARK",
    ]
}
