/// A recursive-descent parser for the CEL subset, with CEL's precedence (loosest first):
/// `?:`, `||`, `&&`, relations (`== != < <= > >= in`), `+ -`, `* / %`, unary `! -`, member
/// access, calls and indexing. Binary operators associate to the left.
///
/// Limits: source of at most `maxSourceBytes` UTF-8 bytes and trees at most `maxDepth` deep
/// (a chain of `&&` or `||` counts once); both are compile errors, so evaluation recursion is bounded.
struct ExpressionParser {
    static let maxSourceBytes = 4096
    static let maxDepth = 64

    private let tokens: [ExpressionToken]
    private var index = 0
    /// Open syntactic constructs, bounding the parser's own recursion.
    private var nesting = 0

    private init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    static func parse(_ source: String) throws(ExpressionError) -> ExpressionSyntax {
        if source.utf8.count > maxSourceBytes {
            throw ExpressionError("expression is longer than \(maxSourceBytes) bytes", at: .start)
        }
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokenize(source))
        let tree = try parser.expression()
        let rest = parser.current
        if rest.kind != .end { throw ExpressionError("unexpected \(rest.display)", at: rest.position) }
        return tree
    }

    private var current: ExpressionToken { tokens[index] }

    private mutating func take() -> ExpressionToken {
        let t = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return t
    }

    private mutating func accept(_ symbol: String) -> Bool {
        if current.symbol == symbol { index += 1; return true }
        return false
    }

    private mutating func expect(_ symbol: String, _ context: String) throws(ExpressionError) {
        guard accept(symbol) else {
            throw ExpressionError("expected '\(symbol)' \(context), found \(current.display)", at: current.position)
        }
    }

    private func node(_ kind: ExpressionSyntax.Kind, _ position: ExpressionPosition, children: [ExpressionSyntax]) throws(ExpressionError) -> ExpressionSyntax {
        var depth = 0
        for c in children where c.depth > depth { depth = c.depth }
        // A chain of the same short-circuit operator is evaluated flat, so it adds no depth.
        if case .binary(let op, let lhs, _) = kind, op == "&&" || op == "||",
           case .binary(let inner, _, _) = lhs.kind, inner == op {
            depth = max(lhs.depth - 1, children.dropFirst().map(\.depth).max() ?? 0)
        }
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError("expression is nested more than \(Self.maxDepth) levels deep", at: position)
        }
        return ExpressionSyntax(kind: kind, position: position, depth: depth)
    }

    private mutating func enter() throws(ExpressionError) {
        nesting += 1
        if nesting > Self.maxDepth {
            throw ExpressionError("expression is nested more than \(Self.maxDepth) levels deep", at: current.position)
        }
    }

    // Expr = Or ["?" Or ":" Expr]
    private mutating func expression() throws(ExpressionError) -> ExpressionSyntax {
        try enter()
        defer { nesting -= 1 }
        let condition = try binary(level: 0)
        guard current.symbol == "?" else { return condition }
        let position = take().position
        let then = try binary(level: 0)
        try expect(":", "in conditional expression")
        let otherwise = try expression()
        return try node(.conditional(condition, then, otherwise), position, children: [condition, then, otherwise])
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["==", "!=", "<", "<=", ">", ">=", "in"], ["+", "-"], ["*", "/", "%"],
    ]

    private func binaryOperator(at level: Int) -> String? {
        let op: String
        switch current.kind {
        case .symbol(let s): op = s
        case .keywordIn: op = "in"
        default: return nil
        }
        return Self.levels[level].contains(op) ? op : nil
    }

    private mutating func binary(level: Int) throws(ExpressionError) -> ExpressionSyntax {
        if level == Self.levels.count { return try unary() }
        var lhs = try binary(level: level + 1)
        while let op = binaryOperator(at: level) {
            let position = take().position
            let rhs = try binary(level: level + 1)
            lhs = try node(.binary(op, lhs, rhs), position, children: [lhs, rhs])
        }
        return lhs
    }

    private mutating func unary() throws(ExpressionError) -> ExpressionSyntax {
        guard let op = current.symbol, op == "!" || op == "-" else { return try member() }
        let position = take().position
        try enter()
        defer { nesting -= 1 }
        // A negative integer literal: the magnitude 2^63 is only valid with its sign.
        if op == "-", case .int(let magnitude) = current.kind {
            let literalPosition = take().position
            if magnitude == UInt64(Int.max) + 1 {
                return try postfix(on: ExpressionSyntax(kind: .literal(.int(Int.min)), position: position, depth: 1))
            }
            guard magnitude <= UInt64(Int.max) else { throw ExpressionError("integer literal out of range", at: literalPosition) }
            let literal = try postfix(on: ExpressionSyntax(kind: .literal(.int(Int(magnitude))), position: literalPosition, depth: 1))
            return try node(.unary("-", literal), position, children: [literal])
        }
        let operand = try unary()
        return try node(.unary(op, operand), position, children: [operand])
    }

    private mutating func member() throws(ExpressionError) -> ExpressionSyntax {
        try postfix(on: try primary())
    }

    private mutating func postfix(on base: ExpressionSyntax) throws(ExpressionError) -> ExpressionSyntax {
        var expr = base
        while true {
            if current.symbol == "." {
                let position = take().position
                guard case .identifier(let name) = current.kind else {
                    throw ExpressionError("expected a field or method name after '.', found \(current.display)", at: current.position)
                }
                _ = take()
                if accept("(") {
                    let args = try arguments(closing: ")")
                    expr = try node(.call(name: name, target: expr, arguments: args), position, children: [expr] + args)
                } else {
                    expr = try node(.select(expr, name), position, children: [expr])
                }
            } else if current.symbol == "[" {
                let position = take().position
                try enter()
                let index = try expression()
                nesting -= 1
                try expect("]", "to close the index")
                expr = try node(.index(expr, index), position, children: [expr, index])
            } else {
                return expr
            }
        }
    }

    private mutating func arguments(closing: String) throws(ExpressionError) -> [ExpressionSyntax] {
        try enter()
        defer { nesting -= 1 }
        var args: [ExpressionSyntax] = []
        if accept(closing) { return args }
        while true {
            args.append(try expression())
            if accept(closing) { return args }
            try expect(",", "between arguments")
            if closing == "]", accept(closing) { return args }
        }
    }

    private mutating func primary() throws(ExpressionError) -> ExpressionSyntax {
        let token = take()
        let position = token.position
        func leaf(_ value: ExpressionValue) -> ExpressionSyntax {
            ExpressionSyntax(kind: .literal(value), position: position, depth: 1)
        }
        switch token.kind {
        case .int(let magnitude):
            guard magnitude <= UInt64(Int.max) else { throw ExpressionError("integer literal out of range", at: position) }
            return leaf(.int(Int(magnitude)))
        case .double(let v): return leaf(.double(v))
        case .string(let s): return leaf(.string(s))
        case .keywordTrue: return leaf(.bool(true))
        case .keywordFalse: return leaf(.bool(false))
        case .keywordNull: return leaf(.null)
        case .identifier(let name):
            if accept("(") {
                let args = try arguments(closing: ")")
                return try node(.call(name: name, target: nil, arguments: args), position, children: args)
            }
            return ExpressionSyntax(kind: .identifier(name), position: position, depth: 1)
        case .symbol("("):
            try enter()
            let inner = try expression()
            nesting -= 1
            try expect(")", "to close '(' at \(position.line):\(position.column)")
            return inner
        case .symbol("["):
            let items = try arguments(closing: "]")
            return try node(.list(items), position, children: items)
        case .symbol("{"):
            try enter()
            defer { nesting -= 1 }
            var entries: [(key: ExpressionSyntax, value: ExpressionSyntax)] = []
            var children: [ExpressionSyntax] = []
            while !accept("}") {
                let key = try expression()
                try expect(":", "after a map key")
                let value = try expression()
                entries.append((key, value))
                children += [key, value]
                if accept("}") { break }
                try expect(",", "between map entries")
            }
            return try node(.map(entries), position, children: children)
        case .symbol("."):
            throw ExpressionError("leading '.' (qualified names) is not supported", at: position)
        case .end:
            throw ExpressionError("unexpected end of expression", at: position)
        default:
            throw ExpressionError("unexpected \(token.display)", at: position)
        }
    }
}
