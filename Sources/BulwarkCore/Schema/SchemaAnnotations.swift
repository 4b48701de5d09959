/// Which members of the current object, or elements of the current array, some successful
/// subschema has evaluated (the annotations `unevaluatedProperties`/`unevaluatedItems` read).
struct SchemaAnnotations {
    var evaluated: [Bool]

    init(for instance: JSONValue) {
        switch instance {
        case .object(let object): evaluated = [Bool](repeating: false, count: object.entries.count)
        case .array(let array): evaluated = [Bool](repeating: false, count: array.count)
        default: evaluated = []
        }
    }

    mutating func markAll() {
        for i in evaluated.indices { evaluated[i] = true }
    }

    mutating func merge(_ other: SchemaAnnotations) {
        for i in evaluated.indices where other.evaluated[i] { evaluated[i] = true }
    }
}
