/// The syntax tree of a parsed pattern. Capturing and non-capturing groups are the same node:
/// the engine only answers "is there a match".
indirect enum RegexNode: Sendable {
    case empty
    case set(ScalarSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    case inputStart
    case inputEnd
    case wordBoundary(negated: Bool)
}
