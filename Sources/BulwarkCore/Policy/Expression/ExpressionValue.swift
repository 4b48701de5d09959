/// A run-time value of the expression language.
///
/// `json` holds a JSON document bound as it is: it is converted lazily, one field or element at
/// a time, when an expression reaches into it (JSON numbers become `int` when they are whole and
/// within ±2^53, `double` otherwise).
public enum ExpressionValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ExpressionValue])
    case map(ExpressionMap)
    case json(JSONValue)

    /// The eager conversion of a JSON document (objects become maps with string keys).
    public init(converting json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = ExpressionValue.number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(ExpressionValue.init(converting:)))
        case .object(let o):
            self = .map(ExpressionMap(o.entries.map { (key: .string($0.key), value: ExpressionValue(converting: $0.value)) }))
        }
    }

    /// A map with string keys, the usual shape of a record such as `action`.
    public static func record(_ fields: [(String, ExpressionValue)]) -> ExpressionValue {
        .map(ExpressionMap(fields.map { (key: .string($0.0), value: $0.1) }))
    }

    /// A list of strings.
    public static func strings(_ items: [String]) -> ExpressionValue {
        .list(items.map { .string($0) })
    }

    /// A JSON number as an `int` when it is whole and exactly representable, a `double` otherwise.
    static func number(_ n: Double) -> ExpressionValue {
        if n == n.rounded(.towardZero), abs(n) <= 9_007_199_254_740_992 { return .int(Int(n)) }
        return .double(n)
    }

    /// A member of a JSON document as a value: scalars become the language's own (`int`,
    /// `string`…), arrays and objects stay `json` (`ExpressionValue.json(j).resolved`, without
    /// building the wrapper first).
    init(member j: JSONValue) {
        switch j {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = ExpressionValue.number(n)
        case .string(let s): self = .string(s)
        case .array, .object: self = .json(j)
        }
    }

    /// One level of a lazily bound JSON value made concrete; other values are returned as they are.
    /// Arrays and objects stay `json` so that their members are converted only when reached.
    var resolved: ExpressionValue {
        guard case .json(let j) = self else { return self }
        return ExpressionValue(member: j)
    }

    /// Whether the value is a map or a JSON object.
    var isRecord: Bool {
        switch self {
        case .map, .json(.object): true
        default: false
        }
    }

    /// The name of the value's run-time type, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .list: "list"
        case .map: "map"
        case .json(let j):
            switch j {
            case .null: "null"
            case .bool: "bool"
            case .number(let n): ExpressionValue.number(n).typeName
            case .string: "string"
            case .array: "list"
            case .object: "map"
            }
        }
    }
}
