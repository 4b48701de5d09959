/// The outcome of evaluating an expression: a value, or a run-time error (a missing field read
/// without `has`, a division by zero, a type mismatch on dynamic data…). Evaluation never traps.
public enum ExpressionResult: Sendable, Equatable {
    case value(ExpressionValue)
    case error(String)

    /// `true` only for the value `true`; errors and every other value are not true.
    public var isTrue: Bool {
        if case .value(.bool(true)) = self { return true }
        return false
    }
}
