/// One node of a compiled program, flattened: operands are indices (into the program's nodes,
/// constants, names, regular expressions or operand lists), so evaluating touches no reference
/// counts for the tree itself.
enum ExpressionInstruction: Sendable {
    case constant(Int)
    case variable(Int)
    case local(Int)
    /// Operand node, name index.
    case select(Int, Int)
    /// Operand node, name index.
    case presence(Int, Int)
    case slotPresence(Int)
    case index(Int, Int)
    case not(Int)
    case negate(Int)
    /// Start and count in the operand list.
    case and(Int, Int)
    case or(Int, Int)
    case binary(ExpressionOperator, Int, Int)
    case conditional(Int, Int, Int)
    /// Start and count in the operand list.
    case list(Int, Int)
    /// Start and number of entries (keys and values alternate) in the operand list.
    case map(Int, Int)
    /// Function, first argument, second argument (or -1).
    case call(ExpressionFunction, Int, Int)
    /// Text node, regex index.
    case matches(Int, Int)
    /// Macro, range node, local slot, body node, transform node (or -1).
    case comprehension(ExpressionMacro, Int, Int, Int, Int)
    /// Fused `variable <op> constant` (a comparison or `in`): slot, constant index. The most
    /// common shape of a policy condition in one dispatch.
    case slotCompare(ExpressionOperator, Int, Int)
    /// Fused `variable.startsWith(constant)` and the other string predicates: slot, constant.
    case slotCall(ExpressionFunction, Int, Int)
    /// Fused `local <op> constant` and `local.fn(constant)` inside a macro: local slot, constant.
    case localCompare(ExpressionOperator, Int, Int)
    case localCall(ExpressionFunction, Int, Int)
    /// Fused `local.field` (a field of the element a macro visits): local slot, name index.
    case localField(Int, Int)
    /// Fused `<operand> <op> constant` for any other operand: operand node, constant index.
    case compareConstant(ExpressionOperator, Int, Int)
    /// Fused `local.field <op> constant` and `local.field.fn(constant)`: local slot, name
    /// index, constant index.
    case localFieldCompare(ExpressionOperator, Int, Int, Int)
    case localFieldCall(ExpressionFunction, Int, Int, Int)
    /// Fused `variable <op> int constant`, the commonest condition (`risk > 70`): slot, the
    /// integer itself.
    case slotIntCompare(ExpressionOperator, Int, Int)

    /// Yields a bool whenever it yields a value.
    var isPredicate: Bool {
        switch self {
        case .not, .and, .or, .slotPresence, .presence, .matches, .slotCompare, .slotCall, .localCompare, .localCall, .compareConstant,
             .localFieldCompare, .localFieldCall, .slotIntCompare: true
        case .binary(let op, _, _): op.isPredicate
        case .call(let f, _, _): f.isPredicate
        default: false
        }
    }
}
