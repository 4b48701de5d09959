extension SchemaValidator {
    /// `multipleOf`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`.
    mutating func evaluateNumber(_ b: CompiledSchemaNode, _ x: Double, report: Bool) -> Bool {
        var ok = true
        if let m = b.node.multipleOf, !check(Self.isMultiple(x, of: m), b, "multipleOf", report: report, "\(Self.format(x)) is not a multiple of \(Self.format(m))") {
            if !report { return false }
            ok = false
        }
        if let v = b.node.minimum, !check(x >= v, b, "minimum", report: report, "\(Self.format(x)) is less than \(Self.format(v))") {
            if !report { return false }
            ok = false
        }
        if let v = b.node.maximum, !check(x <= v, b, "maximum", report: report, "\(Self.format(x)) is greater than \(Self.format(v))") {
            if !report { return false }
            ok = false
        }
        if let v = b.node.exclusiveMinimum,
            !check(x > v, b, "exclusiveMinimum", report: report, "\(Self.format(x)) is not greater than \(Self.format(v))")
        {
            if !report { return false }
            ok = false
        }
        if let v = b.node.exclusiveMaximum,
            !check(x < v, b, "exclusiveMaximum", report: report, "\(Self.format(x)) is not less than \(Self.format(v))")
        {
            if !report { return false }
            ok = false
        }
        return ok
    }

    /// Whether `x / m` is an integer, with a relative tolerance for binary fractions (0.0075 / 0.0001).
    static func isMultiple(_ x: Double, of m: Double) -> Bool {
        if x == 0 { return true }
        let q = x / m
        guard q.isFinite else { return false }
        return abs(q - q.rounded()) <= 1e-9 * max(1, abs(q))
    }

    /// `minLength`, `maxLength` (in Unicode scalars) and `pattern`.
    mutating func evaluateString(_ b: CompiledSchemaNode, _ s: String, report: Bool) -> Bool {
        var ok = true
        if b.node.minLength != nil || b.node.maxLength != nil {
            let bytes = s.utf8.count
            var length: Int?
            func scalars() -> Int {
                if let length { return length }
                let n = s.unicodeScalars.count
                length = n
                return n
            }
            if let min = b.node.minLength, bytes < min || (min > 0 && scalars() < min) {
                if !check(false, b, "minLength", report: report, "string is shorter than \(min) characters") {
                    if !report { return false }
                    ok = false
                }
            }
            if let max = b.node.maxLength, bytes > max, scalars() > max {
                if !check(false, b, "maxLength", report: report, "string is longer than \(max) characters") {
                    if !report { return false }
                    ok = false
                }
            }
        }
        if let regex = b.node.pattern, !check(regex.matches(s), b, "pattern", report: report, "string does not match the pattern \(regex.pattern)") {
            if !report { return false }
            ok = false
        }
        return ok
    }
}
