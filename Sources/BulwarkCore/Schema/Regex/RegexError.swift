/// Why a regular expression could not be compiled, and where.
public struct RegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad reason a pattern was refused.
    public enum Kind: String, Sendable, Equatable {
        /// The pattern is not valid ECMA-262 syntax.
        case syntax
        /// Valid ECMA-262, but a feature this engine refuses (backreferences, lookaround, scripts).
        case unsupported
        /// The compiled program would exceed the size bound (for example nested counted repetition).
        case tooLarge
    }

    public let kind: Kind
    public let message: String
    /// Offset of the problem in the pattern, counted in Unicode scalars.
    public let offset: Int

    public init(_ kind: Kind, _ message: String, at offset: Int) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(kind.rawValue): \(message) at offset \(offset)" }
}
