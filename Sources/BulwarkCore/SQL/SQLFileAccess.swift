/// Code execution or server-side file access reachable from SQL: `COPY … PROGRAM`,
/// `LOAD DATA INFILE`, `INTO OUTFILE`, `pg_read_file`, `lo_import`, `xp_cmdshell`, `ATTACH '/path'`…
public struct SQLFileAccess: Sendable, Equatable, Hashable {
    /// What the construct gives the caller.
    public enum Kind: String, Sendable, Hashable {
        /// Runs an operating-system command or loads native code.
        case codeExecution = "code_execution"
        /// Reads a file on the database server.
        case fileRead = "file_read"
        /// Writes a file on the database server.
        case fileWrite = "file_write"
    }

    public var kind: Kind
    /// The construct, normalized: `COPY PROGRAM`, `INTO OUTFILE`, `PG_READ_FILE`…
    public var indicator: String
    /// The path or command when it is a literal in the statement.
    public var argument: String?

    public init(kind: Kind, indicator: String, argument: String? = nil) {
        self.kind = kind
        self.indicator = indicator
        self.argument = argument
    }
}
