/// One instruction of a compiled pattern (a Thompson NFA laid out as a program).
enum RegexInstruction: Sendable {
    /// Consume this scalar.
    case scalar(UInt32)
    /// Consume a scalar in the set at this index of the program's set table.
    case set(Int)
    /// Continue at both targets.
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case wordBoundary(negated: Bool)
    case match
}
