/// The operations the evaluator applies to values read in place (see `ExpressionEvaluator`):
/// the common shapes are decided by looking at the stored values, without copying them; the
/// rest fall back to the by-value operations.
extension ExpressionOperations {
    typealias Pointer = UnsafePointer<ExpressionValue>

    /// Where field `name` of the map at `base` is stored; `nil` when `base` is not a map (a JSON
    /// object's members are not stored as `ExpressionValue`s: the caller reads them by value).
    static func fieldAddress(_ base: Pointer, _ name: String) throws(ExpressionFailure) -> Pointer? {
        guard case .map(let m) = base.pointee else { return nil }
        let length = name.utf8.count
        let found: Pointer? = m.entries.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                if case .string(let k) = buffer[i].key, k.utf8.count == length, k == name {
                    let entry = UnsafeRawPointer(buffer.baseAddress.unsafelyUnwrapped + i)
                    return (entry + MemoryLayout<ExpressionMap.Entry>.offset(of: \.value).unsafelyUnwrapped)
                        .assumingMemoryBound(to: ExpressionValue.self)
                }
            }
            return nil
        }
        guard let found else { throw ExpressionFailure("no such key: '\(name)'") }
        return found
    }

    static func field(_ base: Pointer, _ name: String) throws(ExpressionFailure) -> ExpressionValue {
        if let p = try fieldAddress(base, name) { return p.pointee }
        if case .json(.object(let o)) = base.pointee {
            if let v = member(o, name) { return ExpressionValue(member: v) }
            throw ExpressionFailure("no such key: '\(name)'")
        }
        return try field(base.pointee, name)
    }

    static func hasField(_ base: Pointer, _ name: String) throws(ExpressionFailure) -> Bool {
        switch base.pointee {
        case .map(let m): return m[field: name] != nil
        case .json(.object(let o)): return member(o, name) != nil
        default: throw ExpressionFailure("'has' cannot test field '\(name)' of \(base.pointee.typeName)")
        }
    }

    static func matches(_ text: Pointer, _ regex: LinearRegex) throws(ExpressionFailure) -> Bool {
        if case .string(let s) = text.pointee { return regex.matches(s) }
        if case .json(.string(let s)) = text.pointee { return regex.matches(s) }
        throw ExpressionFailure("'matches' needs a string")
    }

    /// A comparison or membership test.
    static func predicate(_ op: ExpressionOperator, _ a: Pointer, _ b: Pointer) throws(ExpressionFailure) -> Bool {
        if case .int(let x) = a.pointee, case .int(let y) = b.pointee, let r = compare(op, x, y) { return r }
        if case .string(let x) = a.pointee, case .string(let y) = b.pointee {
            if op == .equal { return x == y }
            if op == .notEqual { return x != y }
        }
        if op == .isIn, case .string(let x) = a.pointee, case .list(let items) = b.pointee {
            return items.withUnsafeBufferPointer { buffer in
                for i in buffer.indices {
                    if case .string(let y) = buffer[i] { if x == y { return true } } else if equals(buffer[i], a.pointee) { return true }
                }
                return false
            }
        }
        return try predicate(op, a.pointee, b.pointee)
    }

    /// `startsWith`, `endsWith` or `contains` with a constant argument, read as bytes.
    static func stringPredicate(_ function: ExpressionFunction, _ receiver: Pointer, _ argument: ConstantText) throws(ExpressionFailure) -> Bool {
        // One `if case` per shape: matching several patterns in one case copies the whole value.
        if case .string(let s) = receiver.pointee {
            return s.withUTF8Bytes { bytesPredicate(function, $0, argument.bytes, argument.table) }
        }
        if case .json(.string(let s)) = receiver.pointee {
            return s.withUTF8Bytes { bytesPredicate(function, $0, argument.bytes, argument.table) }
        }
        throw ExpressionFailure("'\(name(function))' needs two strings, not \(receiver.pointee.typeName) and string")
    }

    /// `startsWith`, `endsWith`, `contains` and `matches` (with a pattern known only now).
    static func stringPredicate(_ function: ExpressionFunction, _ receiver: Pointer, _ argument: Pointer) throws(ExpressionFailure) -> Bool {
        guard let s = string(receiver), let p = string(argument) else {
            throw ExpressionFailure("'\(name(function))' needs two strings, not \(receiver.pointee.typeName) and \(argument.pointee.typeName)")
        }
        if function == .matches {
            do {
                return try LinearRegex(p).matches(s)
            } catch {
                throw ExpressionFailure("invalid regular expression: \(error.message)")
            }
        }
        return s.withUTF8Bytes { h in p.withUTF8Bytes { n in bytesPredicate(function, h, n, nil) } }
    }

    private static func string(_ p: Pointer) -> String? {
        if case .string(let s) = p.pointee { return s }
        if case .json(.string(let s)) = p.pointee { return s }
        return nil
    }

    /// `startsWith`, `endsWith` or `contains` on UTF-8; `table` is `needle`'s failure table when known.
    @inline(__always)
    private static func bytesPredicate(_ function: ExpressionFunction, _ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<Int32>?) -> Bool {
        switch function {
        case .contains:
            if let table { return SubstringSearch.occurs(n, table: table, in: h) }
            return SubstringSearch.occurs(n, in: h)
        default:
            guard n.count <= h.count else { return false }
            let offset = function == .endsWith ? h.count - n.count : 0
            var i = 0
            while i < n.count {
                if h[offset + i] != n[i] { return false }
                i += 1
            }
            return true
        }
    }
}
