extension ExpressionOperations {
    /// `startsWith`, `endsWith`, `contains` and `matches` on values (see the pointer form).
    static func stringPredicate(_ function: ExpressionFunction, _ receiver: ExpressionValue, _ argument: ExpressionValue) throws(ExpressionFailure) -> Bool {
        try withUnsafePointer(to: receiver) { (a) throws(ExpressionFailure) -> Bool in
            try withUnsafePointer(to: argument) { (b) throws(ExpressionFailure) -> Bool in try stringPredicate(function, a, b) }
        }
    }

    /// The other built-in functions; a method's receiver is `argument`.
    static func call(_ function: ExpressionFunction, _ argument: ExpressionValue, _ second: ExpressionValue?) throws(ExpressionFailure) -> ExpressionValue {
        let first = argument.resolved
        switch function {
        case .size:
            switch first {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .list(let l): return .int(l.count)
            case .map(let m): return .int(m.entries.count)
            case .json(.array(let a)): return .int(a.count)
            case .json(.object(let o)): return .int(o.entries.count)
            default: throw ExpressionFailure("'size' needs a string, list or map, not \(first.typeName)")
            }
        case .startsWith, .endsWith, .contains, .matches:
            return .bool(try stringPredicate(function, argument, second ?? .null))
        case .lowerAscii, .upperAscii, .lower, .upper, .trim:
            guard case .string(let s) = first else {
                throw ExpressionFailure("'\(name(function))' needs a string, not \(first.typeName)")
            }
            switch function {
            case .lower: return .string(s.lowercased())
            case .upper: return .string(s.uppercased())
            case .trim: return .string(trimmed(s))
            default:
                let lower = function == .lowerAscii
                var out = ""
                out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
                for c in s.unicodeScalars {
                    if lower, c >= "A" && c <= "Z" {
                        out.unicodeScalars.append(Unicode.Scalar(c.value + 32)!)
                    } else if !lower, c >= "a" && c <= "z" {
                        out.unicodeScalars.append(Unicode.Scalar(c.value - 32)!)
                    } else {
                        out.unicodeScalars.append(c)
                    }
                }
                return .string(out)
            }
        case .toInt:
            switch first {
            case .int: return first
            case .double(let d):
                guard d.isFinite, d > -9_223_372_036_854_775_809.0, d < 9_223_372_036_854_775_808.0 else {
                    throw ExpressionFailure("int() range error: \(d)")
                }
                return .int(Int(d))
            case .string(let s):
                guard let i = Int(s) else { throw ExpressionFailure("int() cannot parse '\(s)'") }
                return .int(i)
            default: throw ExpressionFailure("int() cannot convert \(first.typeName)")
            }
        case .toDouble:
            switch first {
            case .int(let i): return .double(Double(i))
            case .double: return first
            case .string(let s):
                guard let d = Double(s) else { throw ExpressionFailure("double() cannot parse '\(s)'") }
                return .double(d)
            default: throw ExpressionFailure("double() cannot convert \(first.typeName)")
            }
        case .toString:
            switch first {
            case .string: return first
            case .int(let i): return .string(String(i))
            case .double(let d): return .string(String(d))
            case .bool(let b): return .string(b ? "true" : "false")
            default: throw ExpressionFailure("string() cannot convert \(first.typeName)")
            }
        case .toBool:
            switch first {
            case .bool: return first
            case .string(let s):
                switch s {
                case "true", "TRUE", "True", "t", "1": return .bool(true)
                case "false", "FALSE", "False", "f", "0": return .bool(false)
                default: throw ExpressionFailure("bool() cannot parse '\(s)'")
                }
            default: throw ExpressionFailure("bool() cannot convert \(first.typeName)")
            }
        case .dyn:
            return argument
        }
    }

    private static func trimmed(_ s: String) -> String {
        let scalars = s.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[start...end])
    }

    static func name(_ f: ExpressionFunction) -> String {
        switch f {
        case .startsWith: "startsWith"
        case .endsWith: "endsWith"
        case .contains: "contains"
        case .matches: "matches"
        case .lowerAscii: "lowerAscii"
        case .upperAscii: "upperAscii"
        case .lower: "lower"
        case .upper: "upper"
        case .trim: "trim"
        default: "function"
        }
    }
}
