/// A 1-based line and column within an expression's source.
struct ExpressionPosition: Sendable, Equatable {
    var line: Int
    var column: Int

    static let start = ExpressionPosition(line: 1, column: 1)
}
