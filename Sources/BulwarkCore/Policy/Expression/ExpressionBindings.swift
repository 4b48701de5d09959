/// The values of a schema's variables for one evaluation, held by slot.
///
/// Build one per action (`ExpressionBindings(schema:)`, then assign each variable once) and
/// evaluate every compiled expression of the policy against it. Assigning a record (a map with
/// string keys, or a JSON object) to a record-typed variable also fills the slots of its
/// declared fields, so expressions read `action.tool` without a lookup. A variable or field left
/// unbound makes an expression that reads it evaluate to an error (`has()` tests fields).
public struct ExpressionBindings: Sendable {
    /// By slot; `.null` where `bound` is false. Kept unwrapped (not `ExpressionValue?`) so that
    /// the evaluator can read a bound value in place through a pointer.
    var values: [ExpressionValue]
    var bound: [Bool]
    let schema: ExpressionSchema

    /// All variables of `schema`, unbound.
    public init(schema: ExpressionSchema) {
        self.schema = schema
        values = Array(repeating: .null, count: schema.slotCount)
        bound = Array(repeating: false, count: schema.slotCount)
    }

    /// The value in `slot` (as returned by `ExpressionSchema.slot(of:)`). Assigning a record
    /// also assigns its declared fields' slots.
    public subscript(slot slot: Int) -> ExpressionValue? {
        get { slot >= 0 && slot < values.count && bound[slot] ? values[slot] : nil }
        set {
            guard slot >= 0 && slot < values.count else { return }
            values[slot] = newValue ?? .null
            bound[slot] = newValue != nil
            if !schema.slots[slot].children.isEmpty { distribute(slot, newValue) }
        }
    }

    /// The value of variable (or declared field path) `name`; assigning a name the schema does
    /// not declare does nothing.
    public subscript(name: String) -> ExpressionValue? {
        get { schema.slot(of: name).flatMap { self[slot: $0] } }
        set { if let slot = schema.slot(of: name) { self[slot: slot] = newValue } }
    }

    /// Fills (or clears) the field slots of the record in `slot`.
    private mutating func distribute(_ slot: Int, _ value: ExpressionValue?) {
        let children = schema.slots[slot].children
        for child in children.values { self[slot: child] = nil }
        switch value {
        case .map(let m):
            for entry in m.entries {
                // First wins, as in `ExpressionMap`'s lookup (JSON objects keep the last, as JSONObject does).
                if case .string(let key) = entry.key, let child = children[key], !bound[child] {
                    self[slot: child] = entry.value
                }
            }
        case .json(.object(let o)):
            for entry in o.entries {
                if let child = children[entry.key] { self[slot: child] = .json(entry.value) }
            }
        default:
            break
        }
    }
}
