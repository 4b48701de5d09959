/// The compiled, type-checked form of an expression: variables resolved to slots, macros
/// expanded, constant lists and maps folded, literal regular expressions compiled.
indirect enum ExpressionNode: Sendable {
    case constant(ExpressionValue)
    /// A schema variable, or a declared field of a record variable, by slot.
    case variable(Int)
    /// `has(record.field)` for a declared field with a slot of its own.
    case slotPresence(Int)
    /// A macro's iteration variable by local slot.
    case local(Int)
    case select(ExpressionNode, String)
    /// `has(operand.field)`.
    case presence(ExpressionNode, String)
    case index(ExpressionNode, ExpressionNode)
    case not(ExpressionNode)
    case negate(ExpressionNode)
    /// Operands of a `&&` chain, evaluated left to right, stopping at the first `false`.
    case and([ExpressionNode])
    /// Operands of a `||` chain, evaluated left to right, stopping at the first `true`.
    case or([ExpressionNode])
    case binary(ExpressionOperator, ExpressionNode, ExpressionNode)
    case conditional(ExpressionNode, ExpressionNode, ExpressionNode)
    case list([ExpressionNode])
    case map([(key: ExpressionNode, value: ExpressionNode)])
    /// A function of one or two arguments; a method's receiver is the first.
    case call(ExpressionFunction, ExpressionNode, ExpressionNode?)
    /// `text.matches(pattern)` with a pattern known at compile time.
    case matches(ExpressionNode, LinearRegex)
    /// A list macro: the range, the local slot of the iteration variable, the predicate (or,
    /// for a plain `map`, the transform) and the transform of a three-argument `map`.
    case comprehension(ExpressionMacro, ExpressionNode, Int, ExpressionNode, ExpressionNode?)
}

/// Binary operators other than `&&` and `||`.
enum ExpressionOperator: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case add, subtract, multiply, divide, remainder
    case isIn

    /// Comparisons and membership, which always yield a bool.
    var isPredicate: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .remainder: false
        default: true
        }
    }
}

/// Built-in functions, global or called as methods on their first argument.
enum ExpressionFunction: Sendable {
    case size, startsWith, endsWith, contains, matches
    case lowerAscii, upperAscii, lower, upper, trim
    case toInt, toDouble, toString, toBool, dyn

    /// The string predicates, which always yield a bool.
    var isPredicate: Bool {
        switch self {
        case .startsWith, .endsWith, .contains, .matches: true
        default: false
        }
    }
}

/// The list macros.
enum ExpressionMacro: Sendable {
    case exists, all, existsOne, map, filter
}
