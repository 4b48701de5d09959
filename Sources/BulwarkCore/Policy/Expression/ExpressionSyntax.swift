/// The parsed, unchecked form of an expression: a tree that mirrors the source.
struct ExpressionSyntax: Sendable {
    indirect enum Kind: Sendable {
        case literal(ExpressionValue)
        case identifier(String)
        /// `operand.field`
        case select(ExpressionSyntax, String)
        /// `operand[index]`
        case index(ExpressionSyntax, ExpressionSyntax)
        /// `name(args)` or `target.name(args)`.
        case call(name: String, target: ExpressionSyntax?, arguments: [ExpressionSyntax])
        /// `!` or `-`.
        case unary(String, ExpressionSyntax)
        /// Every binary operator, spelled as in the source (`in` included).
        case binary(String, ExpressionSyntax, ExpressionSyntax)
        case conditional(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax)
        case list([ExpressionSyntax])
        case map([(key: ExpressionSyntax, value: ExpressionSyntax)])
    }

    var kind: Kind
    var position: ExpressionPosition
    /// The height of the tree below and including this node.
    var depth: Int

    /// Where the whole expression starts in the source (the position of a postfix or binary
    /// node is its operator's; this walks down to the leftmost operand).
    var start: ExpressionPosition {
        var node = self
        while true {
            switch node.kind {
            case .select(let operand, _), .index(let operand, _), .binary(_, let operand, _),
                 .conditional(let operand, _, _):
                node = operand
            case .call(_, let target?, _):
                node = target
            default:
                return node.position
            }
        }
    }
}
