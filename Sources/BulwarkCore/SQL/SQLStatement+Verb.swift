extension SQLStatement {
    /// The leading keyword of a statement.
    public enum Verb: String, Sendable, CaseIterable {
        case select, insert, update, delete, drop, truncate, alter, create, grant, revoke, replace, merge, copy, load
        case attach, detach, pragma, set, call, exec, with, show, describe, explain, use, begin, commit, rollback
        case vacuum, other

        /// The verb a leading keyword (upper-case) stands for.
        public init(keyword: String) {
            switch keyword {
            case "SELECT": self = .select
            case "INSERT": self = .insert
            case "UPDATE": self = .update
            case "DELETE": self = .delete
            case "DROP": self = .drop
            case "TRUNCATE": self = .truncate
            case "ALTER": self = .alter
            case "CREATE": self = .create
            case "GRANT": self = .grant
            case "REVOKE": self = .revoke
            case "REPLACE": self = .replace
            case "MERGE", "UPSERT": self = .merge
            case "COPY", "BULK": self = .copy
            case "LOAD": self = .load
            case "ATTACH": self = .attach
            case "DETACH": self = .detach
            case "PRAGMA": self = .pragma
            case "SET": self = .set
            case "CALL": self = .call
            case "EXEC", "EXECUTE": self = .exec
            case "WITH": self = .with
            case "SHOW": self = .show
            case "DESCRIBE", "DESC": self = .describe
            case "EXPLAIN": self = .explain
            case "USE": self = .use
            case "BEGIN", "START": self = .begin
            case "COMMIT", "END": self = .commit
            case "ROLLBACK", "ABORT": self = .rollback
            case "VACUUM": self = .vacuum
            default: self = .other
            }
        }

        /// Only reads data or metadata.
        public var isRead: Bool {
            switch self {
            case .select, .show, .describe, .explain: true
            default: false
            }
        }

        /// Changes data, schema, privileges, or runs code.
        public var isWrite: Bool {
            switch self {
            case .insert, .update, .delete, .drop, .truncate, .alter, .create, .grant, .revoke, .replace, .merge,
                .copy, .load, .attach, .detach, .call, .exec:
                true
            default: false
            }
        }

        /// Destroys data or access outright.
        public var isDestructive: Bool {
            switch self {
            case .drop, .truncate, .delete, .update, .alter, .grant, .revoke: true
            default: false
            }
        }
    }
}
