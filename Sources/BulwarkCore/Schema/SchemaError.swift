/// Why a schema could not be compiled: an invalid keyword value, an unresolvable JSON-pointer
/// reference, a `$ref` cycle that never consumes the instance, or an oversize `pattern`.
public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// JSON pointer (RFC 6901) of the offending location in the schema document. For a location in
    /// a registry document it is prefixed with that document's URI and `#`.
    public let pointer: String
    public let message: String

    public init(pointer: String, message: String) {
        self.pointer = pointer
        self.message = message
    }

    public var description: String { "schema error at \(pointer.isEmpty ? "(root)" : pointer): \(message)" }
}
