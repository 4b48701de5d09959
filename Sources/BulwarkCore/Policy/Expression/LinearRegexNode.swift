/// The parsed form of a regular expression.
indirect enum LinearRegexNode: Sendable {
    case empty
    case set(LinearRegexClass)
    case scalar(UInt32)
    case begin
    case end
    case concat([LinearRegexNode])
    case alternate([LinearRegexNode])
    /// `max == nil` is unbounded.
    case repetition(LinearRegexNode, min: Int, max: Int?)
}
