extension JSONValue {
    /// JSON Schema equality: numbers by value, objects regardless of member order.
    func schemaEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a.utf8.elementsEqual(b.utf8)  // scalar-exact, not canonical equivalence
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for i in a.indices where !a[i].schemaEquals(b[i]) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.entries.count == b.entries.count else { return false }
            for (key, value) in a.entries {
                guard let match = b[key], value.schemaEquals(match) else { return false }
            }
            return true
        default:
            return false
        }
    }
}
