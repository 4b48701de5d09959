/// A run-time error inside the evaluator; it surfaces as `ExpressionResult.error`.
struct ExpressionFailure: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
