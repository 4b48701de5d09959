/// The static type of an expression or of a schema variable, as the type checker sees it.
///
/// `dyn` is "not known until evaluation": every operation accepts it and checks at run time.
public indirect enum ExpressionType: Sendable, Equatable, CustomStringConvertible {
    case dyn
    case null
    case bool
    case int
    case double
    case string
    /// A list whose elements have the given type.
    case list(ExpressionType)
    /// A map from keys of the first type to values of the second.
    case map(ExpressionType, ExpressionType)
    /// A record with declared fields (bound at run time as a map with string keys).
    case object(ExpressionObjectType)

    public var description: String {
        switch self {
        case .dyn: "dyn"
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list(let e): "list(\(e))"
        case .map(let k, let v): "map(\(k), \(v))"
        case .object(let o): o.name
        }
    }

    var isDyn: Bool { self == .dyn }
    var isNumeric: Bool { self == .int || self == .double }

    /// Whether values of the two types can meet in `==`, `in`, a list literal and the like.
    func isCompatible(with other: ExpressionType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return true
        case (.bool, .bool), (.string, .string): return true
        case (.list(let a), .list(let b)): return a.isCompatible(with: b)
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1.isCompatible(with: k2) && v1.isCompatible(with: v2)
        case (.object, .object): return true
        case (.object, .map(let k, _)), (.map(let k, _), .object): return k.isCompatible(with: .string)
        default: return false
        }
    }

    /// The common type of two branches or elements: the type itself when equal, `dyn` otherwise.
    func joined(with other: ExpressionType) -> ExpressionType {
        self == other ? self : .dyn
    }
}
