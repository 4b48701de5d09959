/// A compile-time problem in an expression: syntax, type or limit. `line` and `column` are
/// 1-based and relative to the expression source (columns count Unicode scalars); the policy
/// loader offsets them to the file.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    init(_ message: String, at position: ExpressionPosition) {
        self.init(message: message, line: position.line, column: position.column)
    }

    public var description: String { "\(line):\(column): \(message)" }
}
