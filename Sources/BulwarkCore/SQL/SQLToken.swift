/// One lexical token of SQL text, as produced by `SQLTokenizer`.
///
/// Comments are not tokens; the token that follows a comment records it in `commentBefore`,
/// so rules can notice comments used as whitespace inside a statement (`DROP/**/TABLE`).
public struct SQLToken: Sendable, Equatable {
    /// The lexical class of a token.
    public enum Kind: String, Sendable {
        /// A keyword or bare identifier (`SELECT`, `users`). `value` is upper-cased.
        case word
        /// `"name"`, `` `name` `` or `[name]`. `value` is the unquoted name.
        case quotedIdentifier
        /// `'text'`, `E'text'`, `N'text'`, `$$text$$`, `$tag$text$tag$`. `value` is the unescaped text.
        case string
        /// `42`, `3.14`, `1e4`, `0xFF`.
        case number
        /// `?`, `?1`, `$1`, `:name`, `@name`, `@@name`.
        case parameter
        /// `=`, `<>`, `||`, `::`…
        case `operator`
        /// `(`, `)`, `,`, `.`, `[`, `]`, `{`, `}`.
        case punctuation
        /// `;`, the statement separator.
        case semicolon
    }

    public var kind: Kind
    /// The exact source text of the token.
    public var text: String
    /// The normalized value: upper-cased for words, unquoted and unescaped for identifiers and strings.
    public var value: String
    /// Byte offset of the token in the UTF-8 source.
    public var offset: Int
    /// Length of the token in UTF-8 bytes.
    public var length: Int
    /// A comment sits between this token and the previous one.
    public var commentBefore: Bool
    /// Whitespace sits between this token and the previous one.
    public var whitespaceBefore: Bool
    /// The token is inside a MySQL executable comment (`/*! … */`), which MySQL runs as code.
    public var inExecutableComment: Bool
    /// A string or quoted identifier that reached the end of the input without its closing quote.
    public var isUnterminated: Bool

    /// A token; `SQLTokenizer` builds these, tests and callers rarely need to.
    public init(
        kind: Kind, text: String, value: String, offset: Int, length: Int, commentBefore: Bool = false,
        whitespaceBefore: Bool = false, inExecutableComment: Bool = false, isUnterminated: Bool = false
    ) {
        self.kind = kind
        self.text = text
        self.value = value
        self.offset = offset
        self.length = length
        self.commentBefore = commentBefore
        self.whitespaceBefore = whitespaceBefore
        self.inExecutableComment = inExecutableComment
        self.isUnterminated = isUnterminated
    }

    /// The token is the word `keyword` (compare with an upper-case keyword).
    @inlinable
    public func isWord(_ keyword: String) -> Bool { kind == .word && value == keyword }

    /// A comment, and nothing else, separates this token from the previous one: the comment is
    /// standing in for whitespace, the classic `DROP/**/TABLE` filter evasion.
    public var isGluedByComment: Bool { commentBefore && !whitespaceBefore }

    /// The token names something: a bare word or a quoted identifier.
    public var isName: Bool { kind == .word || kind == .quotedIdentifier }

    /// The name as the database sees it: raw text for bare words, the unquoted value otherwise.
    public var nameText: String { kind == .quotedIdentifier || kind == .string ? value : text }
}
