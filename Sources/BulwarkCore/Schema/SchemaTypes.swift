/// The JSON Schema primitive types as a bit set.
struct SchemaTypes: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = SchemaTypes(rawValue: 1)
    static let boolean = SchemaTypes(rawValue: 2)
    static let object = SchemaTypes(rawValue: 4)
    static let array = SchemaTypes(rawValue: 8)
    static let number = SchemaTypes(rawValue: 16)
    static let integer = SchemaTypes(rawValue: 32)
    static let string = SchemaTypes(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "integer": self = .integer
        case "string": self = .string
        default: return nil
        }
    }

    /// Whether `value` is of one of these types ("number" includes integers; 1.0 is an integer).
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .number(let n):
            if contains(.number) { return true }
            return contains(.integer) && n.isFinite && n == n.rounded(.towardZero)
        }
    }

    var names: [String] {
        let all: [(SchemaTypes, String)] = [
            (.null, "null"), (.boolean, "boolean"), (.object, "object"), (.array, "array"),
            (.number, "number"), (.integer, "integer"), (.string, "string"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }
}
