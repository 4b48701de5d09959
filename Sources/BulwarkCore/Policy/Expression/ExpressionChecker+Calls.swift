extension ExpressionChecker {
    /// Macros (`has`, `exists`, `all`, `exists_one`, `map`, `filter`) and built-in functions.
    mutating func call(_ name: String, target: ExpressionSyntax?, arguments: [ExpressionSyntax], at: ExpressionPosition) throws(ExpressionError) -> Checked {
        func arity(_ expected: Int) throws(ExpressionError) {
            guard arguments.count == expected else {
                let noun = expected == 1 ? "argument" : "arguments"
                throw ExpressionError("'\(name)' takes \(expected) \(noun), got \(arguments.count)", at: at)
            }
        }
        if target == nil, name == "has" {
            try arity(1)
            guard case .select(let operand, let field) = arguments[0].kind else {
                throw ExpressionError("'has' needs a field selection such as has(a.b)", at: arguments[0].position)
            }
            let base = try check(operand)
            _ = try Self.fieldType(of: base.type, field, at: arguments[0].position)
            if case .variable(let slot) = base.node, let child = schema.slots[slot].children[field] {
                return (.slotPresence(child), .bool)
            }
            return (.presence(base.node, field), .bool)
        }
        if let target, let macro = Self.macros[name] {
            return try comprehension(macro, name, target: target, arguments: arguments, at: at)
        }
        guard let function = Self.functions[name] else {
            let kind = target == nil ? "function" : "method"
            throw ExpressionError("unknown \(kind) '\(name)'", at: at)
        }
        var checked: [Checked] = []
        if let target { checked.append(try check(target)) }
        for argument in arguments { checked.append(try check(argument)) }
        let positions = (target.map { [$0.start] } ?? []) + arguments.map(\.start)
        let nodes = checked.map(\.node)

        // The receiver of a method, or the first argument of the global form.
        func operands(_ count: Int, method: Bool, global: Bool) throws(ExpressionError) {
            if target != nil && !method { throw ExpressionError("'\(name)' is not a method; call \(name)(x)", at: at) }
            if target == nil && !global { throw ExpressionError("'\(name)' is a method; call x.\(name)(…)", at: at) }
            let given = checked.count - (target == nil ? 0 : 1)
            let expected = count - (target == nil ? 0 : 1)
            if given != expected {
                let noun = expected == 1 ? "argument" : "arguments"
                throw ExpressionError("'\(name)' takes \(expected) \(noun), got \(given)", at: at)
            }
        }
        func requireString(_ i: Int, _ role: String) throws(ExpressionError) {
            try Self.require(checked[i].type, .string, "\(role) of '\(name)'", at: positions[i])
        }

        switch function {
        case .size:
            try operands(1, method: true, global: true)
            switch checked[0].type {
            case .string, .list, .map, .object, .dyn: break
            default: throw ExpressionError("'size' needs a string, list or map, not \(checked[0].type)", at: positions[0])
            }
            return (.call(.size, nodes[0], nil), .int)
        case .startsWith, .endsWith, .contains:
            try operands(2, method: true, global: false)
            try requireString(0, "receiver")
            try requireString(1, "argument")
            return (.call(function, nodes[0], nodes[1]), .bool)
        case .matches:
            try operands(2, method: true, global: true)
            try requireString(0, "text")
            try requireString(1, "pattern")
            if case .constant(.string(let pattern)) = nodes[1] {
                do {
                    return (.matches(nodes[0], try LinearRegex(pattern)), .bool)
                } catch {
                    throw ExpressionError("invalid regular expression: \(error.message)", at: positions[1])
                }
            }
            return (.call(.matches, nodes[0], nodes[1]), .bool)
        case .lowerAscii, .upperAscii, .lower, .upper, .trim:
            try operands(1, method: true, global: false)
            try requireString(0, "receiver")
            return (.call(function, nodes[0], nil), .string)
        case .toInt, .toDouble, .toString, .toBool, .dyn:
            try operands(1, method: false, global: true)
            let t = checked[0].type
            let allowed: Bool = switch function {
            case .toInt, .toDouble: t.isNumeric || t == .string || t.isDyn
            case .toString: t.isNumeric || t == .string || t == .bool || t.isDyn
            case .toBool: t == .bool || t == .string || t.isDyn
            default: true
            }
            guard allowed else { throw ExpressionError("'\(name)' cannot convert \(t)", at: positions[0]) }
            let result: ExpressionType = switch function {
            case .toInt: .int
            case .toDouble: .double
            case .toString: .string
            case .toBool: .bool
            default: .dyn
            }
            if function == .dyn { return (nodes[0], .dyn) }
            return (.call(function, nodes[0], nil), result)
        }
    }

    private mutating func comprehension(_ macro: ExpressionMacro, _ name: String, target: ExpressionSyntax, arguments: [ExpressionSyntax], at: ExpressionPosition) throws(ExpressionError) -> Checked {
        let allowed = macro == .map ? [2, 3] : [2]
        guard allowed.contains(arguments.count) else {
            let expected = macro == .map ? "2 or 3" : "2"
            throw ExpressionError("'\(name)' takes \(expected) arguments, got \(arguments.count)", at: at)
        }
        guard case .identifier(let variable) = arguments[0].kind else {
            throw ExpressionError("the first argument of '\(name)' must be a variable name", at: arguments[0].position)
        }
        let range = try check(target)
        let element: ExpressionType
        switch range.type {
        case .list(let e): element = e
        case .map(let k, _): element = k
        case .object: element = .string
        case .dyn: element = .dyn
        default: throw ExpressionError("'\(name)' needs a list or a map, not \(range.type)", at: target.start)
        }
        let slot = localCount
        localCount += 1
        scope.append((variable, element, slot))
        defer { scope.removeLast() }
        let first = try check(arguments[1])
        if macro != .map || arguments.count == 3 {
            try Self.require(first.type, .bool, "predicate of '\(name)'", at: arguments[1].start)
        }
        switch macro {
        case .map where arguments.count == 3:
            let transform = try check(arguments[2])
            return (.comprehension(.map, range.node, slot, first.node, transform.node), .list(transform.type))
        case .map:
            return (.comprehension(.map, range.node, slot, first.node, nil), .list(first.type))
        case .filter:
            return (.comprehension(.filter, range.node, slot, first.node, nil), .list(element))
        default:
            return (.comprehension(macro, range.node, slot, first.node, nil), .bool)
        }
    }

    static let macros: [String: ExpressionMacro] = [
        "exists": .exists, "all": .all, "exists_one": .existsOne, "existsOne": .existsOne,
        "map": .map, "filter": .filter,
    ]

    static let functions: [String: ExpressionFunction] = [
        "size": .size, "startsWith": .startsWith, "endsWith": .endsWith, "contains": .contains,
        "matches": .matches, "lowerAscii": .lowerAscii, "upperAscii": .upperAscii, "lower": .lower,
        "upper": .upper, "trim": .trim, "int": .toInt, "double": .toDouble, "string": .toString,
        "bool": .toBool, "dyn": .dyn,
    ]
}
