extension SQLTokenizer {
    /// Dialect switches where SQL engines disagree on what is a comment or a string.
    ///
    /// `SQLParser` reads ambiguous text under every combination the text actually triggers and
    /// keeps the most dangerous reading, so an attacker cannot hide a statement in the gap
    /// between Bulwark's dialect and the database's.
    public struct Options: Sendable, Equatable, Hashable {
        /// `#` starts a comment to end of line (MySQL). Otherwise it is an operator (PostgreSQL XOR).
        public var hashComments: Bool
        /// A backslash escapes the next character inside `'…'` and `"…"` (MySQL default).
        public var backslashEscapes: Bool
        /// `/* /* */ */` nests (PostgreSQL, SQL standard). MySQL ends the comment at the first `*/`.
        public var nestedComments: Bool

        public init(hashComments: Bool = true, backslashEscapes: Bool = false, nestedComments: Bool = true) {
            self.hashComments = hashComments
            self.backslashEscapes = backslashEscapes
            self.nestedComments = nestedComments
        }

        /// The default reading: standard strings, nested comments, `#` comments.
        public static let standard = Options()
    }

    /// Which dialect ambiguities a piece of text actually ran into while being tokenized.
    struct Ambiguities: Sendable, Equatable {
        var hashComment = false
        var backslashInString = false
        var nestedComment = false
    }
}
