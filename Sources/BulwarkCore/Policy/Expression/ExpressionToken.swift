/// One lexical token of an expression, with where it starts.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case identifier(String)
        /// An integer literal's magnitude (the sign is a separate `-`).
        case int(UInt64)
        case double(Double)
        case string(String)
        case keywordTrue, keywordFalse, keywordNull, keywordIn
        /// Punctuation and operators, spelled as in the source: `(`, `==`, `&&`…
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: ExpressionPosition

    var symbol: String? {
        if case .symbol(let s) = kind { return s }
        return nil
    }

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .int(let v): "'\(v)'"
        case .double(let v): "'\(v)'"
        case .string: "string literal"
        case .keywordTrue: "'true'"
        case .keywordFalse: "'false'"
        case .keywordNull: "'null'"
        case .keywordIn: "'in'"
        case .symbol(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }
}
