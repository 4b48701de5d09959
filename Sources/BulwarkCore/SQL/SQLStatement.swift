/// One SQL statement, classified from its tokens by `SQLParser`.
public struct SQLStatement: Sendable, Equatable {
    /// What the statement does, from its leading keyword.
    public var verb: Verb
    /// The statement's source text, without the terminating `;`.
    public var text: String
    /// The kind of object for DDL and privilege statements: `TABLE`, `DATABASE`, `SCHEMA`, `USER`,
    /// `ROLE`, `INDEX`, `VIEW`, `MATERIALIZED VIEW`… (upper-case), `nil` when there is none.
    public var objectType: String?
    /// The tables or objects the statement acts on (`public.users`, `orders`), as written.
    public var targets: [String]
    /// The statement has a top-level `WHERE` clause (subquery `WHERE`s do not count).
    public var hasWhere: Bool
    /// The top-level `WHERE` is always true (`WHERE 1=1`, `WHERE true`, `WHERE 'a'='a'`,
    /// `WHERE id = 5 OR 1=1`, `WHERE x = x`), so it filters nothing.
    public var whereIsTautology: Bool
    /// The statement bounds its rows (`LIMIT`, `TOP`, `FETCH FIRST`).
    public var hasLimit: Bool
    /// The verb that decides the statement's effect: the main statement after a `WITH` list
    /// (`WITH old AS (…) DELETE FROM …` is a `delete`), otherwise `verb`.
    public var effectiveVerb: Verb
    /// Users or roles a `GRANT` gives to or a `REVOKE` takes from.
    public var grantees: [String]
    /// Structural facts the rules read (comments used as whitespace, dropped columns…).
    public var flags: Set<Flag>
    /// Code execution or server file access reachable from this statement.
    public var fileAccess: [SQLFileAccess]
    /// Statements that run as part of this one: data-modifying CTE bodies
    /// (`WITH d AS (DELETE FROM t RETURNING *) SELECT …`), the statement under `EXPLAIN ANALYZE`,
    /// and dynamic SQL in string literals (`EXEC('DROP TABLE t')`, `DO $$ … $$`).
    public var nested: [SQLStatement]
    /// The tokens after the verb have the shape the verb requires (`DELETE FROM name`,
    /// `UPDATE name SET`, `DROP TABLE name`…). Prose that happens to start with a verb does not.
    public var isRecognized: Bool

    /// A statement with the given facts; `effectiveVerb` defaults to `verb`.
    public init(
        verb: Verb, text: String, objectType: String? = nil, targets: [String] = [], hasWhere: Bool = false,
        whereIsTautology: Bool = false, hasLimit: Bool = false, effectiveVerb: Verb? = nil, grantees: [String] = [],
        flags: Set<Flag> = [], fileAccess: [SQLFileAccess] = [], nested: [SQLStatement] = [], isRecognized: Bool = false
    ) {
        self.verb = verb
        self.text = text
        self.objectType = objectType
        self.targets = targets
        self.hasWhere = hasWhere
        self.whereIsTautology = whereIsTautology
        self.hasLimit = hasLimit
        self.effectiveVerb = effectiveVerb ?? verb
        self.grantees = grantees
        self.flags = flags
        self.fileAccess = fileAccess
        self.nested = nested
        self.isRecognized = isRecognized
    }

    /// The `WHERE` clause restricts rows: present and not a tautology.
    public var hasEffectiveWhere: Bool { hasWhere && !whereIsTautology }

    /// This statement and, depth first, every statement nested in it.
    public var flattened: [SQLStatement] {
        var out: [SQLStatement] = [self]
        for inner in nested { out += inner.flattened }
        return out
    }
}
