/// A record type: named fields with their types. At run time such a value is a map with
/// string keys (or a JSON object); the declaration only serves the type checker.
public struct ExpressionObjectType: Sendable, Equatable {
    /// Shown in type errors (`action`, `finding`).
    public var name: String
    public var fields: [String: ExpressionType]
    /// When `true`, a field that is not declared has type `dyn`; otherwise it is a compile error.
    public var isOpen: Bool

    public init(name: String, fields: [String: ExpressionType], isOpen: Bool = false) {
        self.name = name
        self.fields = fields
        self.isOpen = isOpen
    }

    /// The type of field `name`, `dyn` for an unknown field of an open record, `nil` if unknown.
    public func fieldType(_ name: String) -> ExpressionType? {
        if let t = fields[name] { return t }
        return isOpen ? .dyn : nil
    }
}
