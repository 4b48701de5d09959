/// One way an instance fails its schema.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// RFC 6901 JSON pointer into the instance ("" is the whole instance).
    public let instancePointer: String
    /// JSON pointer of the failing keyword in the schema (registry documents are prefixed with their URI and `#`).
    public let schemaPointer: String
    /// The keyword that failed (`type`, `required`, `anyOf`, `false` for a false schema…).
    public let keyword: String
    public let message: String

    public init(instancePointer: String, schemaPointer: String, keyword: String, message: String) {
        self.instancePointer = instancePointer
        self.schemaPointer = schemaPointer
        self.keyword = keyword
        self.message = message
    }

    public var description: String {
        "\(instancePointer.isEmpty ? "(root)" : instancePointer): \(message) [\(schemaPointer)]"
    }
}
