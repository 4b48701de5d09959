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
        let count = schema.slotCount
        values = [ExpressionValue](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: .null)
            initialized = count
        }
        bound = Array(repeating: false, count: count)
    }

    /// The value in `slot` (as returned by `ExpressionSchema.slot(of:)`). Assigning a record
    /// also assigns its declared fields' slots.
    public subscript(slot slot: Int) -> ExpressionValue? {
        get { slot >= 0 && slot < values.count && bound[slot] ? values[slot] : nil }
        set {
            guard slot >= 0 && slot < values.count else { return }
            store(slot, newValue)
        }
    }

    /// Binds one declared field of a record that is already bound, leaving its siblings as they
    /// are (the record's own value does not change: the field is read through its slot).
    mutating func bindField(_ slot: Int, _ value: ExpressionValue) {
        self[slot: slot] = value
    }

    /// The value of variable (or declared field path) `name`; assigning a name the schema does
    /// not declare does nothing.
    public subscript(name: String) -> ExpressionValue? {
        get { schema.slot(of: name).flatMap { self[slot: $0] } }
        set { if let slot = schema.slot(of: name) { self[slot: slot] = newValue } }
    }

    /// Fills (or clears) the field slots of the record in `slot`, once per action for each
    /// record variable: a scan of the declared names, and direct stores.
    private mutating func distribute(_ slot: Int, _ value: ExpressionValue?) {
        let fields = schema.fieldLists[slot]
        for field in fields { clear(field.slot) }
        // The search for each key starts after the previous match: a record whose entries come
        // in the schema's (alphabetical) order, as the engine builds them, finds each at once.
        var hint = 0
        switch value {
        case .map(let m):
            for entry in m.entries {
                // First wins, as in `ExpressionMap`'s lookup (JSON objects keep the last, as JSONObject does).
                if case .string(let key) = entry.key, let child = Self.find(key, in: fields, from: &hint), !bound[child] {
                    store(child, entry.value)
                }
            }
        case .json(.object(let o)):
            for entry in o.entries {
                if let child = Self.find(entry.key, in: fields, from: &hint) { store(child, .json(entry.value)) }
            }
        default:
            break
        }
    }

    /// The slot of field `name`, looking from `hint` round to it; on a match `hint` moves past it.
    private static func find(_ name: String, in fields: [(name: String, slot: Int)], from hint: inout Int) -> Int? {
        let length = name.utf8.count
        let n = fields.count
        var k = 0
        while k < n {
            let i = hint + k < n ? hint + k : hint + k - n
            if fields[i].name.utf8.count == length && fields[i].name == name {
                hint = i + 1 < n ? i + 1 : 0
                return fields[i].slot
            }
            k += 1
        }
        return nil
    }

    /// Sets (or, with `nil`, unbinds) `slot`, and the slots of its fields if it is a record.
    private mutating func store(_ slot: Int, _ value: ExpressionValue?) {
        values[slot] = value ?? .null
        bound[slot] = value != nil
        if !schema.fieldLists[slot].isEmpty { distribute(slot, value) }
    }

    private mutating func clear(_ slot: Int) {
        if bound[slot] { store(slot, nil) }
    }
}
