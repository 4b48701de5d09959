/// A keyword occurrence the validator cannot check. A schema with any of these must be reported as
/// "cannot be checked", never treated as satisfied: the validator skips the keyword.
public struct SchemaUnsupported: Sendable, Equatable {
    /// JSON pointer of the keyword in the schema.
    public let pointer: String
    public let keyword: String
    public let reason: String

    public init(pointer: String, keyword: String, reason: String) {
        self.pointer = pointer
        self.keyword = keyword
        self.reason = reason
    }
}
