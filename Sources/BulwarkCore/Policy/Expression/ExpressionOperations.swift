/// The run-time semantics of the operators: field access, indexing, equality, ordering,
/// arithmetic (with overflow and division checks) and membership. Every failure is thrown as an
/// `ExpressionFailure`, never trapped.
enum ExpressionOperations {
    static func field(_ value: ExpressionValue, _ name: String) throws(ExpressionFailure) -> ExpressionValue {
        switch value {
        case .map(let m):
            if let v = m[field: name] { return v }
            throw ExpressionFailure("no such key: '\(name)'")
        case .json(.object(let o)):
            // Scalars come back resolved (`int`, `string`…), so that the operators' fast paths apply.
            if let v = member(o, name) { return ExpressionValue(member: v) }
            throw ExpressionFailure("no such key: '\(name)'")
        default:
            throw ExpressionFailure("cannot select field '\(name)' from \(value.typeName)")
        }
    }

    static func index(_ base: ExpressionValue, _ key: ExpressionValue) throws(ExpressionFailure) -> ExpressionValue {
        switch base {
        case .list(let items):
            let i = try listIndex(key, count: items.count)
            return items[i]
        case .json(.array(let items)):
            let i = try listIndex(key, count: items.count)
            return ExpressionValue(member: items[i])
        case .map(let m):
            let k = key.resolved
            for entry in m.entries where equals(entry.key, k) { return entry.value }
            throw ExpressionFailure("no such key: \(describe(k))")
        case .json(.object(let o)):
            guard case .string(let name) = key.resolved else { throw ExpressionFailure("no such key: \(describe(key))") }
            if let v = o[name] { return ExpressionValue(member: v) }
            throw ExpressionFailure("no such key: '\(name)'")
        default:
            throw ExpressionFailure("cannot index \(base.typeName)")
        }
    }

    private static func listIndex(_ key: ExpressionValue, count: Int) throws(ExpressionFailure) -> Int {
        let i: Int
        switch key.resolved {
        case .int(let v): i = v
        case .double(let d) where d == d.rounded(.towardZero) && abs(d) < 9.0e15: i = Int(d)
        default: throw ExpressionFailure("list index must be int, not \(key.typeName)")
        }
        guard i >= 0, i < count else { throw ExpressionFailure("index \(i) out of range (size \(count))") }
        return i
    }

    static func negate(_ value: ExpressionValue) throws(ExpressionFailure) -> ExpressionValue {
        switch value.resolved {
        case .int(let v):
            guard v != Int.min else { throw ExpressionFailure("integer overflow") }
            return .int(-v)
        case .double(let d): return .double(-d)
        default: throw ExpressionFailure("operand of unary '-' must be a number, not \(value.typeName)")
        }
    }

    static func binary(_ op: ExpressionOperator, _ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionFailure) -> ExpressionValue {
        if op.isPredicate { return .bool(try predicate(op, a, b)) }
        return try arithmetic(op, a.resolved, b.resolved)
    }

    /// A comparison or membership test.
    static func predicate(_ op: ExpressionOperator, _ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionFailure) -> Bool {
        // Fast paths for the common shapes of policy conditions.
        if case .int(let x) = a, case .int(let y) = b, let r = compare(op, x, y) { return r }
        if case .string(let x) = a, case .string(let y) = b {
            if op == .equal { return x == y }
            if op == .notEqual { return x != y }
        }
        switch op {
        case .equal: return equals(a, b)
        case .notEqual: return !equals(a, b)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let order = try compare(a, b) else { return false }
            switch op {
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            default: return order >= 0
            }
        default: return try contains(b, a)
        }
    }

    /// `x <op> y` for a comparison operator; `nil` for `in` and arithmetic.
    @inline(__always)
    static func compare(_ op: ExpressionOperator, _ x: Int, _ y: Int) -> Bool? {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        default: nil
        }
    }

    /// The last member of `o` named `name` (as in `JSONObject`, the last duplicate wins), found
    /// in place; lengths are compared before names.
    static func member(_ o: JSONObject, _ name: String) -> JSONValue? {
        let length = name.utf8.count
        return o.entries.withUnsafeBufferPointer { buffer in
            var i = buffer.count - 1
            while i >= 0 {
                if buffer[i].key.utf8.count == length, buffer[i].key == name { return buffer[i].value }
                i -= 1
            }
            return nil
        }
    }

    /// CEL's heterogeneous equality: numbers compare by value across `int` and `double`, values of
    /// different kinds are unequal, lists and maps compare element by element.
    static func equals(_ lhs: ExpressionValue, _ rhs: ExpressionValue) -> Bool {
        if case .string(let x) = lhs, case .string(let y) = rhs { return x == y }
        if case .int(let x) = lhs, case .int(let y) = rhs { return x == y }
        let a = lhs.resolved
        let b = rhs.resolved
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return numericOrder(x, y) == 0
        default: break
        }
        if let x = listElements(a), let y = listElements(b) {
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !equals(p, q) { return false }
            return true
        }
        if let x = mapEntries(a), let y = mapEntries(b) {
            guard x.count == y.count else { return false }
            for entry in x {
                guard let other = y.first(where: { equals($0.key, entry.key) }), equals(other.value, entry.value) else { return false }
            }
            return true
        }
        return false
    }

    private static func listElements(_ v: ExpressionValue) -> [ExpressionValue]? {
        switch v {
        case .list(let items): items
        case .json(.array(let items)): items.map { .json($0) }
        default: nil
        }
    }

    private static func mapEntries(_ v: ExpressionValue) -> [(key: ExpressionValue, value: ExpressionValue)]? {
        switch v {
        case .map(let m): m.entries
        case .json(.object(let o)): o.entries.map { (key: .string($0.key), value: .json($0.value)) }
        default: nil
        }
    }

    /// -1, 0 or 1; `nil` when the values are unordered (a NaN).
    static func compare(_ lhs: ExpressionValue, _ rhs: ExpressionValue) throws(ExpressionFailure) -> Int? {
        switch (lhs.resolved, rhs.resolved) {
        case (.int(let x), .int(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : x == y ? 0 : 1
        case (.int(let x), .double(let y)): return numericOrder(x, y)
        case (.double(let x), .int(let y)): return numericOrder(y, x).map { -$0 }
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        default:
            throw ExpressionFailure("cannot compare \(lhs.typeName) with \(rhs.typeName)")
        }
    }

    /// Exact ordering of an `int` against a `double` (no rounding of large integers).
    private static func numericOrder(_ x: Int, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        if y >= 9_223_372_036_854_775_808.0 { return -1 }
        if y < -9_223_372_036_854_775_808.0 { return 1 }
        let t = y.rounded(.towardZero)
        let yi = Int(t)
        if x != yi { return x < yi ? -1 : 1 }
        let frac = y - t
        return frac == 0 ? 0 : (frac > 0 ? -1 : 1)
    }

    private static func contains(_ container: ExpressionValue, _ element: ExpressionValue) throws(ExpressionFailure) -> Bool {
        switch container {
        case .list(let items):
            if case .string(let x) = element {
                for item in items {
                    if case .string(let y) = item { if x == y { return true } } else if equals(item, element) { return true }
                }
                return false
            }
            for item in items where equals(item, element) { return true }
            return false
        case .json(.array(let items)):
            for item in items where equals(.json(item), element) { return true }
            return false
        case .map(let m):
            for entry in m.entries where equals(entry.key, element) { return true }
            return false
        case .json(.object(let o)):
            guard case .string(let key) = element.resolved else { return false }
            return o[key] != nil
        default:
            throw ExpressionFailure("right operand of 'in' must be a list or a map, not \(container.typeName)")
        }
    }

    private static func arithmetic(_ op: ExpressionOperator, _ a: ExpressionValue, _ b: ExpressionValue) throws(ExpressionFailure) -> ExpressionValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let r: (partialValue: Int, overflow: Bool)
            switch op {
            case .add: r = x.addingReportingOverflow(y)
            case .subtract: r = x.subtractingReportingOverflow(y)
            case .multiply: r = x.multipliedReportingOverflow(by: y)
            case .divide:
                guard y != 0 else { throw ExpressionFailure("division by zero") }
                r = x.dividedReportingOverflow(by: y)
            default:
                guard y != 0 else { throw ExpressionFailure("modulus by zero") }
                r = x.remainderReportingOverflow(dividingBy: y)
            }
            if r.overflow { throw ExpressionFailure("integer overflow") }
            return .int(r.partialValue)
        case (.int, .double), (.double, .int), (.double, .double):
            let x = double(a)
            let y = double(b)
            switch op {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return .double(x / y)
            default: throw ExpressionFailure("'%' needs two ints")
            }
        case (.string(let x), .string(let y)) where op == .add:
            return .string(x + y)
        default:
            if op == .add, let x = listElements(a), let y = listElements(b) { return .list(x + y) }
            throw ExpressionFailure("no such overload: \(a.typeName) \(symbol(op)) \(b.typeName)")
        }
    }

    private static func double(_ v: ExpressionValue) -> Double {
        switch v {
        case .int(let i): Double(i)
        case .double(let d): d
        default: .nan
        }
    }

    private static func symbol(_ op: ExpressionOperator) -> String {
        switch op {
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        case .remainder: "%"
        default: "?"
        }
    }

    /// A value as it appears in an error message.
    static func describe(_ v: ExpressionValue) -> String {
        switch v.resolved {
        case .string(let s): "'\(s)'"
        case .int(let i): "\(i)"
        case .double(let d): "\(d)"
        case .bool(let b): "\(b)"
        case .null: "null"
        default: v.typeName
        }
    }
}
