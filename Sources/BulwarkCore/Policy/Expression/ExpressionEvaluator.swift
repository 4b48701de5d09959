/// Runs a compiled program against one set of bindings. Recursion is bounded by the tree depth
/// (checked at compile time); macro loops are bounded by the size of their range.
///
/// Values that already sit in memory (bound variables, constants, fields of bound records, the
/// element a macro is visiting) are read in place through pointers, so that testing them takes
/// no reference count; only computed values (arithmetic, lists built by `map`, members of JSON
/// documents) are materialized. Every pointer refers to storage that is immutable and alive for
/// the whole evaluation: the bindings' buffers, the program's constants, or the storage of a
/// list or map held by one of those (or by a macro's range, which the macro keeps alive).
struct ExpressionEvaluator {
    typealias Pointer = UnsafePointer<ExpressionValue>

    /// Unowned: whoever evaluates holds the program for the whole evaluation, and a strong
    /// reference here would cost a reference count per condition.
    unowned(unsafe) let program: ExpressionProgram
    /// The bindings' values and bound flags and the schema's slots, borrowed for the evaluation.
    let values: UnsafeBufferPointer<ExpressionValue>
    let bound: UnsafeBufferPointer<Bool>
    let slots: UnsafeBufferPointer<ExpressionSchema.Slot>
    /// For each macro variable, the element it is visiting.
    let locals: UnsafeMutableBufferPointer<Pointer>
    /// For each macro variable, room for an element that is not stored as an `ExpressionValue`
    /// (a member of a JSON array, a key of a JSON object); `.null` outside the macro.
    let scratch: UnsafeMutableBufferPointer<ExpressionValue>

    /// Why `slot` has no value: its record (or an outer one) is unbound, or the field is absent.
    private func unbound(_ slot: Int) -> ExpressionFailure {
        guard slot < slots.count else { return ExpressionFailure("variable is not bound") }
        var s = slot
        while let parent = slots[s].parent, !bound[parent] { s = parent }
        if let parent = slots[s].parent {
            if !values[parent].isRecord { return ExpressionFailure("cannot select field '\(slots[s].name)' from \(values[parent].typeName)") }
            return ExpressionFailure("no such key: '\(slots[s].name)'")
        }
        return ExpressionFailure("variable '\(slots[s].name)' is not bound")
    }

    private func present(_ slot: Int) throws(ExpressionFailure) -> Bool {
        guard slot < values.count else { throw unbound(slot) }
        if bound[slot] { return true }
        if let parent = slots[slot].parent {
            guard bound[parent] else { throw unbound(parent) }
            if !values[parent].isRecord { throw ExpressionFailure("'has' cannot test field '\(slots[slot].name)' of \(values[parent].typeName)") }
        }
        return false
    }

    private func slot(_ slot: Int) throws(ExpressionFailure) -> Pointer {
        guard slot < values.count, bound[slot] else { throw unbound(slot) }
        return values.baseAddress.unsafelyUnwrapped + slot
    }

    private func constant(_ index: Int) -> Pointer {
        program.constantTable.baseAddress.unsafelyUnwrapped + index
    }

    /// A string predicate whose argument is constant `c`: read as bytes when it is a string
    /// (always, once type-checked), else through the general form, which reports the error.
    @inline(__always)
    private func stringPredicate(_ function: ExpressionFunction, _ receiver: Pointer, constant c: Int) throws(ExpressionFailure) -> Bool {
        if let text = program.text(c) { return try ExpressionOperations.stringPredicate(function, receiver, text) }
        return try ExpressionOperations.stringPredicate(function, receiver, constant(c))
    }

    /// Where `node`'s value is stored, when it is stored; `nil` when it must be computed.
    func address(_ node: Int) throws(ExpressionFailure) -> Pointer? {
        switch program.code[node] {
        case .constant(let i): return constant(i)
        case .variable(let s): return try slot(s)
        case .local(let s): return UnsafePointer(locals[s])
        case .localField(let s, let name):
            return try ExpressionOperations.fieldAddress(UnsafePointer(locals[s]), program.nameTable[name])
        case .select(let operand, let name):
            guard let base = try address(operand) else { return nil }
            return try ExpressionOperations.fieldAddress(base, program.nameTable[name])
        default: return nil
        }
    }

    /// Calls `body` with `node`'s value: in place when it is stored, else from a temporary.
    @inline(__always)
    func withValue<R>(_ node: Int, _ body: (Pointer) throws(ExpressionFailure) -> R) throws(ExpressionFailure) -> R {
        if let p = try address(node) { return try body(p) }
        let v = try eval(node)
        return try withUnsafePointer(to: v) { (p) throws(ExpressionFailure) -> R in try body(p) }
    }

    func eval(_ node: Int) throws(ExpressionFailure) -> ExpressionValue {
        let instruction = program.code[node]
        switch instruction {
        case .constant, .variable, .local:
            return try address(node).unsafelyUnwrapped.pointee
        case .localField(let s, let name):
            return try ExpressionOperations.field(UnsafePointer(locals[s]), program.nameTable[name])
        case .select(let operand, let name):
            if let base = try address(operand) { return try ExpressionOperations.field(base, program.nameTable[name]) }
            return try ExpressionOperations.field(try eval(operand), program.nameTable[name])
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
            return try withValue(range) { (r) throws(ExpressionFailure) -> ExpressionValue in
                try comprehension(macro, r, slot, body, transform)
            }
        default:
            return .bool(try test(node))
        }
    }

    /// Evaluates a node that yields a boolean without boxing intermediate results. The common
    /// shapes are decided here; the rest go to `testOther`, kept apart so that this function,
    /// entered once per node, stays small (no temporaries whose address is taken).
    func test(_ node: Int) throws(ExpressionFailure) -> Bool {
        switch program.code[node] {
        case .not(let operand): return !(try boolean(operand, "!"))
        case .and(let start, let count):
            for k in start..<(start + count) where !(try boolean(program.operandTable[k], "&&")) { return false }
            return true
        case .or(let start, let count):
            for k in start..<(start + count) where try boolean(program.operandTable[k], "||") { return true }
            return false
        case .slotPresence(let s):
            return try present(s)
        case .slotCompare(let op, let s, let c):
            return try ExpressionOperations.predicate(op, try slot(s), constant(c))
        case .slotCall(let function, let s, let c):
            return try stringPredicate(function, try slot(s), constant: c)
        case .localCompare(let op, let s, let c):
            return try ExpressionOperations.predicate(op, UnsafePointer(locals[s]), constant(c))
        case .localCall(let function, let s, let c):
            return try stringPredicate(function, UnsafePointer(locals[s]), constant: c)
        case .slotIntCompare(let op, let s, let n):
            guard s < values.count, bound[s] else { throw unbound(s) }
            if case .int(let x) = values[s], let r = ExpressionOperations.compare(op, x, n) { return r }
            return try testOther(node)
        case .localFieldCompare(let op, let s, let name, let c):
            if let field = try ExpressionOperations.fieldAddress(UnsafePointer(locals[s]), program.nameTable[name]) {
                return try ExpressionOperations.predicate(op, field, constant(c))
            }
            return try testOther(node)
        case .localFieldCall(let function, let s, let name, let c):
            if let field = try ExpressionOperations.fieldAddress(UnsafePointer(locals[s]), program.nameTable[name]) {
                return try stringPredicate(function, field, constant: c)
            }
            return try testOther(node)
        default:
            return try testOther(node)
        }
    }

    /// The shapes of `test` that need a temporary: an operand that is computed, or a field of a
    /// JSON object.
    @inline(never)
    private func testOther(_ node: Int) throws(ExpressionFailure) -> Bool {
        switch program.code[node] {
        case .slotIntCompare(let op, let s, let n):
            return try withUnsafePointer(to: ExpressionValue.int(n)) { (c) throws(ExpressionFailure) -> Bool in
                try ExpressionOperations.predicate(op, try slot(s), c)
            }
        case .localFieldCompare(let op, let s, let name, let c):
            let v = try ExpressionOperations.field(UnsafePointer(locals[s]), program.nameTable[name])
            return try withUnsafePointer(to: v) { (a) throws(ExpressionFailure) -> Bool in
                try ExpressionOperations.predicate(op, a, constant(c))
            }
        case .localFieldCall(let function, let s, let name, let c):
            let v = try ExpressionOperations.field(UnsafePointer(locals[s]), program.nameTable[name])
            return try withUnsafePointer(to: v) { (a) throws(ExpressionFailure) -> Bool in
                try stringPredicate(function, a, constant: c)
            }
        case .compareConstant(let op, let operand, let c):
            return try withValue(operand) { (a) throws(ExpressionFailure) -> Bool in
                try ExpressionOperations.predicate(op, a, constant(c))
            }
        case .presence(let operand, let name):
            return try withValue(operand) { (p) throws(ExpressionFailure) -> Bool in
                try ExpressionOperations.hasField(p, program.nameTable[name])
            }
        case .matches(let text, let regex):
            return try withValue(text) { (p) throws(ExpressionFailure) -> Bool in
                try ExpressionOperations.matches(p, program.regexes[regex])
            }
        case .binary(let op, let lhs, let rhs):
            return try withValue(lhs) { (a) throws(ExpressionFailure) -> Bool in
                try withValue(rhs) { (b) throws(ExpressionFailure) -> Bool in try ExpressionOperations.predicate(op, a, b) }
            }
        case .call(let function, let first, let second):
            return try withValue(first) { (a) throws(ExpressionFailure) -> Bool in
                if case .constant(let c) = program.code[second] {
                    return try stringPredicate(function, a, constant: c)
                }
                return try withValue(second) { (b) throws(ExpressionFailure) -> Bool in
                    try ExpressionOperations.stringPredicate(function, a, b)
                }
            }
        default:
            let v = try eval(node)
            if case .bool(let b) = v { return b }
            if case .json(.bool(let b)) = v { return b }
            throw ExpressionFailure("expected bool, not \(v.typeName)")
        }
    }

    private func boolean(_ node: Int, _ op: String) throws(ExpressionFailure) -> Bool {
        if program.predicates[node] { return try test(node) }
        let v = try eval(node)
        if case .bool(let b) = v { return b }
        if case .json(.bool(let b)) = v { return b }
        throw ExpressionFailure("operand of '\(op)' must be bool, not \(v.typeName)")
    }

    /// Runs a macro over the elements of the list (or the keys of the map) at `range`; the
    /// macro variable points at each element in turn.
    private func comprehension(_ macro: ExpressionMacro, _ range: Pointer, _ slot: Int, _ body: Int, _ transform: Int) throws(ExpressionFailure) -> ExpressionValue {
        var run = MacroRun(macro: macro)
        // `if case` on the stored value, not `switch`: matching in place copies nothing.
        if case .list(let items) = range.pointee {
            try items.withUnsafeBufferPointer { (buffer) throws(ExpressionFailure) in
                for k in buffer.indices {
                    locals[slot] = buffer.baseAddress.unsafelyUnwrapped + k
                    if try step(&run, slot, body, transform) { return }
                }
            }
        } else if case .map(let m) = range.pointee {
            // An entry's key is its first member, so a pointer to the entry is one to the key.
            try m.entries.withUnsafeBufferPointer { (buffer) throws(ExpressionFailure) in
                let keys = UnsafeRawPointer(buffer.baseAddress)
                for k in buffer.indices {
                    locals[slot] = keys.unsafelyUnwrapped.advanced(by: k * MemoryLayout<ExpressionMap.Entry>.stride)
                        .assumingMemoryBound(to: ExpressionValue.self)
                    if try step(&run, slot, body, transform) { return }
                }
            }
        } else if case .json(.array(let items)) = range.pointee {
            locals[slot] = UnsafePointer(scratch.baseAddress.unsafelyUnwrapped + slot)
            // Scratch holds only `.null` between macros, so the evaluation need not deinitialize it.
            defer { scratch[slot] = .null }
            for item in items {
                scratch[slot] = .json(item)
                if try step(&run, slot, body, transform) { break }
            }
        } else if case .json(.object(let o)) = range.pointee {
            locals[slot] = UnsafePointer(scratch.baseAddress.unsafelyUnwrapped + slot)
            defer { scratch[slot] = .null }
            for entry in o.entries {
                scratch[slot] = .string(entry.key)
                if try step(&run, slot, body, transform) { break }
            }
        } else {
            throw ExpressionFailure("cannot iterate over \(range.pointee.typeName)")
        }
        return run.result
    }

    /// One element of a macro; `true` when the result is decided (`exists` found one, `all` failed one).
    @inline(__always)
    private func step(_ run: inout MacroRun, _ slot: Int, _ body: Int, _ transform: Int) throws(ExpressionFailure) -> Bool {
        switch run.macro {
        case .exists:
            if try boolean(body, "exists") { run.decided = true; return true }
        case .all:
            if !(try boolean(body, "all")) { run.decided = true; return true }
        case .existsOne:
            if try boolean(body, "exists_one") { run.count += 1 }
        case .filter:
            if try boolean(body, "filter") { run.out.append(locals[slot].pointee) }
        case .map:
            if transform >= 0 {
                if try boolean(body, "map") { run.out.append(try eval(transform)) }
            } else {
                run.out.append(try eval(body))
            }
        }
        return false
    }
}

/// The running state of one macro.
private struct MacroRun {
    let macro: ExpressionMacro
    var decided = false
    var count = 0
    var out: [ExpressionValue] = []

    init(macro: ExpressionMacro) {
        self.macro = macro
    }

    var result: ExpressionValue {
        switch macro {
        case .exists: .bool(decided)
        case .all: .bool(!decided)
        case .existsOne: .bool(count == 1)
        case .filter, .map: .list(out)
        }
    }
}
