/// Runs a compiled program against one set of bindings. Recursion is bounded by the tree depth
/// (checked at compile time); macro loops are bounded by the size of their range.
struct ExpressionEvaluator {
    let program: ExpressionProgram
    /// The bindings' values and the schema's slots, borrowed for the evaluation (no copies).
    let values: UnsafeBufferPointer<ExpressionValue?>
    let slots: UnsafeBufferPointer<ExpressionSchema.Slot>
    /// Macro variables, in storage the caller owns (a temporary allocation per evaluation).
    let locals: UnsafeMutableBufferPointer<ExpressionValue>

    /// Why `slot` has no value: its record (or an outer one) is unbound, or the field is absent.
    private func unbound(_ slot: Int) -> ExpressionFailure {
        guard slot < slots.count else { return ExpressionFailure("variable is not bound") }
        var s = slot
        while let parent = slots[s].parent, values[parent] == nil { s = parent }
        if let parent = slots[s].parent {
            if let v = values[parent], !v.isRecord { return ExpressionFailure("cannot select field '\(slots[s].name)' from \(v.typeName)") }
            return ExpressionFailure("no such key: '\(slots[s].name)'")
        }
        return ExpressionFailure("variable '\(slots[s].name)' is not bound")
    }

    private func present(_ slot: Int) throws(ExpressionFailure) -> Bool {
        guard slot < values.count else { throw unbound(slot) }
        if values[slot] != nil { return true }
        if let parent = slots[slot].parent {
            guard let v = values[parent] else { throw unbound(parent) }
            if !v.isRecord { throw ExpressionFailure("'has' cannot test field '\(slots[slot].name)' of \(v.typeName)") }
        }
        return false
    }

    func eval(_ node: Int) throws(ExpressionFailure) -> ExpressionValue {
        let instruction = program.code[node]
        switch instruction {
        case .constant(let i):
            return program.constantTable[i]
        case .variable(let slot):
            guard slot < values.count, let v = values[slot] else { throw unbound(slot) }
            return v
        case .local(let slot):
            return locals[slot]
        case .select(let operand, let name):
            return try ExpressionOperations.field(try eval(operand), program.names[name])
        case .index(let operand, let key):
            let base = try eval(operand)
            return try ExpressionOperations.index(base, try eval(key))
        case .negate(let operand):
            return try ExpressionOperations.negate(try eval(operand))
        case .binary(let op, let lhs, let rhs) where !op.isPredicate:
            let a = try eval(lhs)
            let b = try eval(rhs)
            return try ExpressionOperations.binary(op, a, b)
        case .conditional(let condition, let then, let otherwise):
            return try eval(try boolean(condition, "?:") ? then : otherwise)
        case .list(let start, let count):
            var out: [ExpressionValue] = []
            out.reserveCapacity(count)
            for k in start..<(start + count) { out.append(try eval(program.operandTable[k])) }
            return .list(out)
        case .map(let start, let count):
            var out: [(key: ExpressionValue, value: ExpressionValue)] = []
            out.reserveCapacity(count)
            for e in 0..<count {
                let key = try eval(program.operandTable[start + 2 * e]).resolved
                switch key {
                case .string, .int, .bool: break
                default: throw ExpressionFailure("map keys must be strings, integers or booleans, not \(key.typeName)")
                }
                out.append((key, try eval(program.operandTable[start + 2 * e + 1])))
            }
            return .map(ExpressionMap(out))
        case .call(let function, let first, let second) where !function.isPredicate:
            let a = try eval(first)
            return try ExpressionOperations.call(function, a, second < 0 ? nil : try eval(second))
        case .comprehension(let macro, let range, let slot, let body, let transform):
            return try comprehension(macro, try eval(range), slot, body, transform)
        default:
            return .bool(try test(node))
        }
    }

    /// Evaluates a node that yields a boolean without boxing intermediate results.
    func test(_ node: Int) throws(ExpressionFailure) -> Bool {
        switch program.code[node] {
        case .not(let operand): return !(try boolean(operand, "!"))
        case .and(let start, let count):
            for k in start..<(start + count) where !(try boolean(program.operandTable[k], "&&")) { return false }
            return true
        case .or(let start, let count):
            for k in start..<(start + count) where try boolean(program.operandTable[k], "||") { return true }
            return false
        case .slotPresence(let slot):
            return try present(slot)
        case .slotCompare(let op, let slot, let c):
            guard slot < values.count, let v = values[slot] else { throw unbound(slot) }
            return try ExpressionOperations.predicate(op, v, program.constantTable[c])
        case .slotCall(let function, let slot, let c):
            guard slot < values.count, let v = values[slot] else { throw unbound(slot) }
            return try ExpressionOperations.stringPredicate(function, v, program.constantTable[c])
        case .localCompare(let op, let slot, let c):
            return try ExpressionOperations.predicate(op, locals[slot], program.constantTable[c])
        case .localCall(let function, let slot, let c):
            return try ExpressionOperations.stringPredicate(function, locals[slot], program.constantTable[c])
        case .presence(let operand, let name):
            return try ExpressionOperations.hasField(try eval(operand), program.names[name])
        case .matches(let text, let regex):
            guard case .string(let s) = try eval(text).resolved else {
                throw ExpressionFailure("'matches' needs a string")
            }
            return program.regexes[regex].matches(s)
        case .binary(let op, let lhs, let rhs):
            let a = try eval(lhs)
            let b = try eval(rhs)
            return try ExpressionOperations.predicate(op, a, b)
        case .call(let function, let first, let second):
            let a = try eval(first)
            let b = try eval(second)
            return try ExpressionOperations.stringPredicate(function, a, b)
        default:
            let v = try eval(node)
            if case .bool(let b) = v { return b }
            if case .json(.bool(let b)) = v { return b }
            throw ExpressionFailure("expected bool, not \(v.typeName)")
        }
    }

    private func boolean(_ node: Int, _ op: String) throws(ExpressionFailure) -> Bool {
        if program.code[node].isPredicate { return try test(node) }
        let v = try eval(node)
        if case .bool(let b) = v { return b }
        if case .json(.bool(let b)) = v { return b }
        throw ExpressionFailure("operand of '\(op)' must be bool, not \(v.typeName)")
    }

    private func comprehension(_ macro: ExpressionMacro, _ range: ExpressionValue, _ slot: Int, _ body: Int, _ transform: Int) throws(ExpressionFailure) -> ExpressionValue {
        // JSON arrays are walked in place: elements are wrapped one at a time, not copied out.
        let items: [ExpressionValue]
        let json: [JSONValue]
        if case .json(.array(let a)) = range {
            json = a
            items = []
        } else {
            json = []
            items = try ExpressionOperations.iterationItems(range)
        }
        var count = 0
        var out: [ExpressionValue] = []
        for k in 0..<(json.isEmpty ? items.count : json.count) {
            if json.isEmpty { locals[slot] = items[k] } else { locals[slot] = .json(json[k]) }
            switch macro {
            case .exists:
                if try boolean(body, "exists") { return .bool(true) }
            case .all:
                if !(try boolean(body, "all")) { return .bool(false) }
            case .existsOne:
                if try boolean(body, "exists_one") { count += 1 }
            case .filter:
                if try boolean(body, "filter") { out.append(locals[slot]) }
            case .map:
                if transform >= 0 {
                    if try boolean(body, "map") { out.append(try eval(transform)) }
                } else {
                    out.append(try eval(body))
                }
            }
        }
        switch macro {
        case .exists: return .bool(false)
        case .all: return .bool(true)
        case .existsOne: return .bool(count == 1)
        case .filter, .map: return .list(out)
        }
    }
}
