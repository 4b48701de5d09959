/// One instruction of the Pike VM program.
enum LinearRegexInstruction: Sendable {
    case scalar(UInt32)
    case set(LinearRegexClass)
    /// Asserts the start of the text.
    case begin
    /// Asserts the end of the text.
    case end
    /// Continue at both targets.
    case split(Int, Int)
    case jump(Int)
    case match
}
