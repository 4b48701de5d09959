/// Type-checks a syntax tree against a schema and lowers it to `ExpressionNode`s: identifiers
/// become slots, macros get local slots, and every static type error is reported with its place.
struct ExpressionChecker {
    typealias Checked = (node: ExpressionNode, type: ExpressionType)

    let schema: ExpressionSchema
    /// Macro variables in scope, innermost last.
    var scope: [(name: String, type: ExpressionType, slot: Int)] = []
    /// Local slots handed out so far.
    var localCount = 0

    init(schema: ExpressionSchema) {
        self.schema = schema
    }

    mutating func check(_ syntax: ExpressionSyntax) throws(ExpressionError) -> Checked {
        let at = syntax.position
        switch syntax.kind {
        case .literal(let value):
            return (.constant(value), Self.type(of: value))
        case .identifier(let name):
            if let local = scope.last(where: { $0.name == name }) { return (.local(local.slot), local.type) }
            guard let slot = schema.slot(of: name) else {
                throw ExpressionError("unknown variable '\(name)'", at: at)
            }
            return (.variable(slot), schema.variables[slot].type)
        case .select(let operand, let field):
            let base = try check(operand)
            if case .variable(let slot) = base.node, let child = schema.slots[slot].children[field] {
                return (.variable(child), schema.slots[child].type)
            }
            return (.select(base.node, field), try Self.fieldType(of: base.type, field, at: at))
        case .index(let operand, let index):
            let base = try check(operand)
            let key = try check(index)
            return (.index(base.node, key.node), try Self.elementType(of: base.type, key: key.type, at: at))
        case .unary(let op, let operand):
            let inner = try check(operand)
            if op == "!" {
                try Self.require(inner.type, .bool, "operand of '!'", at: operand.start)
                return (.not(inner.node), .bool)
            }
            guard inner.type.isNumeric || inner.type.isDyn else {
                throw ExpressionError("operand of unary '-' must be a number, not \(inner.type)", at: at)
            }
            if case .constant(.int(let v)) = inner.node {
                guard v != Int.min else { throw ExpressionError("integer literal out of range", at: at) }
                return (.constant(.int(-v)), .int)
            }
            if case .constant(.double(let v)) = inner.node { return (.constant(.double(-v)), .double) }
            return (.negate(inner.node), inner.type)
        case .binary(let op, let lhs, let rhs):
            if op == "&&" || op == "||" { return try logical(op, syntax) }
            return try binary(op, lhs, rhs, at: at)
        case .conditional(let condition, let then, let otherwise):
            let c = try check(condition)
            try Self.require(c.type, .bool, "condition of '?:'", at: condition.start)
            let a = try check(then)
            let b = try check(otherwise)
            return (.conditional(c.node, a.node, b.node), a.type.joined(with: b.type))
        case .list(let items):
            var nodes: [ExpressionNode] = []
            var element: ExpressionType?
            for item in items {
                let c = try check(item)
                nodes.append(c.node)
                element = element.map { $0.joined(with: c.type) } ?? c.type
            }
            return (Self.foldList(nodes), .list(element ?? .dyn))
        case .map(let entries):
            var nodes: [(key: ExpressionNode, value: ExpressionNode)] = []
            var keyType: ExpressionType?
            var valueType: ExpressionType?
            for entry in entries {
                let k = try check(entry.key)
                switch k.type {
                case .string, .int, .bool, .dyn: break
                default: throw ExpressionError("map keys must be strings, integers or booleans, not \(k.type)", at: entry.key.start)
                }
                let v = try check(entry.value)
                nodes.append((k.node, v.node))
                keyType = keyType.map { $0.joined(with: k.type) } ?? k.type
                valueType = valueType.map { $0.joined(with: v.type) } ?? v.type
            }
            return (Self.foldMap(nodes), .map(keyType ?? .dyn, valueType ?? .dyn))
        case .call(let name, let target, let arguments):
            return try call(name, target: target, arguments: arguments, at: at)
        }
    }

    /// A `&&` or `||` chain, flattened without recursing down its left spine.
    private mutating func logical(_ op: String, _ syntax: ExpressionSyntax) throws(ExpressionError) -> Checked {
        var operands: [ExpressionSyntax] = []
        var cursor = syntax
        while case .binary(let inner, let lhs, let rhs) = cursor.kind, inner == op {
            operands.append(rhs)
            cursor = lhs
        }
        operands.append(cursor)
        var nodes: [ExpressionNode] = []
        for operand in operands.reversed() {
            let c = try check(operand)
            try Self.require(c.type, .bool, "operand of '\(op)'", at: operand.start)
            nodes.append(c.node)
        }
        return (op == "&&" ? .and(nodes) : .or(nodes), .bool)
    }

    private mutating func binary(_ op: String, _ lhs: ExpressionSyntax, _ rhs: ExpressionSyntax, at: ExpressionPosition) throws(ExpressionError) -> Checked {
        let l = try check(lhs)
        let r = try check(rhs)
        let (a, b) = (l.type, r.type)
        func mismatch() -> ExpressionError {
            ExpressionError("operator '\(op)' cannot be applied to \(a) and \(b)", at: at)
        }
        switch op {
        case "==", "!=":
            guard a.isCompatible(with: b) else { throw mismatch() }
            return (.binary(op == "==" ? .equal : .notEqual, l.node, r.node), .bool)
        case "<", "<=", ">", ">=":
            let ordered = a.isDyn || b.isDyn || (a.isNumeric && b.isNumeric)
                || (a == b && (a == .string || a == .bool))
            guard ordered else { throw mismatch() }
            let o: ExpressionOperator = op == "<" ? .less : op == "<=" ? .lessOrEqual : op == ">" ? .greater : .greaterOrEqual
            return (.binary(o, l.node, r.node), .bool)
        case "in":
            switch b {
            case .list(let e): guard a.isCompatible(with: e) else { throw mismatch() }
            case .map(let k, _): guard a.isCompatible(with: k) else { throw mismatch() }
            case .object: guard a.isCompatible(with: .string) else { throw mismatch() }
            case .dyn: break
            default: throw ExpressionError("right operand of 'in' must be a list or a map, not \(b)", at: at)
            }
            // `c in xs.map(x, t)` with a constant `c` needs no list: it is `xs.exists(x, t == c)`.
            if case .constant = l.node, case .comprehension(.map, let range, let slot, let body, let transform) = r.node {
                let predicate: ExpressionNode = transform.map { .and([body, .binary(.equal, $0, l.node)]) }
                    ?? .binary(.equal, body, l.node)
                return (.comprehension(.exists, range, slot, predicate, nil), .bool)
            }
            return (.binary(.isIn, l.node, r.node), .bool)
        default:
            let o: ExpressionOperator = switch op {
            case "+": .add
            case "-": .subtract
            case "*": .multiply
            case "/": .divide
            default: .remainder
            }
            let type: ExpressionType
            if a.isDyn || b.isDyn {
                type = a.isDyn ? (b.isNumeric ? .dyn : b) : a
                if !(type.isDyn || type.isNumeric || (o == .add && Self.isConcatenable(type))) { throw mismatch() }
            } else if a.isNumeric && b.isNumeric {
                if o == .remainder && (a != .int || b != .int) { throw mismatch() }
                type = a == .int && b == .int ? .int : .double
            } else if o == .add, a == .string, b == .string {
                type = .string
            } else if o == .add, case .list(let x) = a, case .list(let y) = b {
                type = .list(x.joined(with: y))
            } else {
                throw mismatch()
            }
            return (.binary(o, l.node, r.node), type)
        }
    }

    private static func isConcatenable(_ t: ExpressionType) -> Bool {
        if t == .string { return true }
        if case .list = t { return true }
        return false
    }

    static func require(_ actual: ExpressionType, _ expected: ExpressionType, _ what: String, at: ExpressionPosition) throws(ExpressionError) {
        guard actual == expected || actual.isDyn else {
            throw ExpressionError("\(what) must be \(expected), not \(actual)", at: at)
        }
    }

    static func type(of value: ExpressionValue) -> ExpressionType {
        switch value {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .double: .double
        case .string: .string
        case .list, .map, .json: .dyn
        }
    }

    static func fieldType(of type: ExpressionType, _ field: String, at: ExpressionPosition) throws(ExpressionError) -> ExpressionType {
        switch type {
        case .dyn: return .dyn
        case .object(let o):
            guard let t = o.fieldType(field) else { throw ExpressionError("\(o.name) has no field '\(field)'", at: at) }
            return t
        case .map(let k, let v):
            guard k.isCompatible(with: .string) else { throw ExpressionError("cannot select field '\(field)' from \(type)", at: at) }
            return v
        default:
            throw ExpressionError("cannot select field '\(field)' from \(type)", at: at)
        }
    }

    static func elementType(of type: ExpressionType, key: ExpressionType, at: ExpressionPosition) throws(ExpressionError) -> ExpressionType {
        switch type {
        case .dyn: return .dyn
        case .list(let e):
            guard key == .int || key.isDyn else { throw ExpressionError("list index must be int, not \(key)", at: at) }
            return e
        case .map(let k, let v):
            guard k.isCompatible(with: key) else { throw ExpressionError("map key must be \(k), not \(key)", at: at) }
            return v
        case .object:
            guard key == .string || key.isDyn else { throw ExpressionError("field name must be string, not \(key)", at: at) }
            return .dyn
        default:
            throw ExpressionError("cannot index \(type)", at: at)
        }
    }

    private static func foldList(_ nodes: [ExpressionNode]) -> ExpressionNode {
        var values: [ExpressionValue] = []
        for node in nodes {
            guard case .constant(let v) = node else { return .list(nodes) }
            values.append(v)
        }
        return .constant(.list(values))
    }

    private static func foldMap(_ nodes: [(key: ExpressionNode, value: ExpressionNode)]) -> ExpressionNode {
        var entries: [(key: ExpressionValue, value: ExpressionValue)] = []
        for node in nodes {
            guard case .constant(let k) = node.key, case .constant(let v) = node.value else { return .map(nodes) }
            entries.append((k, v))
        }
        return .constant(.map(ExpressionMap(entries)))
    }
}
