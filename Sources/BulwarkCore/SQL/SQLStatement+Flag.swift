extension SQLStatement {
    /// Structural facts about a statement that rules act on.
    public enum Flag: String, Sendable, Hashable, CaseIterable {
        /// A block comment stands in for whitespace between two tokens (`DROP/**/TABLE`).
        case commentAsWhitespace = "comment_as_whitespace"
        /// A comment splits a keyword in two (`DR/**/OP`); the parser reads the joined keyword.
        case splitKeyword = "split_keyword"
        /// Part of the statement sits in a MySQL executable comment (`/*!50000 DROP */`).
        case executableComment = "executable_comment"
        /// `ALTER TABLE … DROP [COLUMN] c`.
        case dropsColumn = "drops_column"
        /// `ALTER TABLE … DROP PARTITION p` (deletes the partition's rows).
        case dropsPartition = "drops_partition"
        /// A superuser-class attribute or role: `SUPERUSER`, `CREATEROLE`, `BYPASSRLS`, `sysadmin`…
        case grantsSuperuser = "grants_superuser"
        /// Sets or changes a password (`PASSWORD`, `IDENTIFIED BY`).
        case setsPassword = "sets_password"
        /// `WITH GRANT OPTION` / `WITH ADMIN OPTION`, or a grant to `PUBLIC` or on `*.*`.
        case broadGrant = "broad_grant"
        /// `TEMPORARY` / `TEMP` object.
        case temporary
        /// `EXPLAIN ANALYZE`: the explained statement really runs.
        case explainAnalyze = "explain_analyze"
    }
}
