/// One compiled subschema: every keyword value decoded and every subschema replaced by its index
/// in `SchemaProgram.nodes`, so validation never looks at the schema document again.
struct SchemaNode: Sendable {
    /// Schema pointer of this subschema, for violation reports.
    var pointer: String
    /// The schema resource (`$id` scope) this subschema belongs to.
    var resource: Int
    /// For a boolean schema, its value.
    var boolean: Bool?

    var ref: Int?
    /// `$dynamicRef`: the statically resolved target, and the anchor name when the reference is dynamic.
    var dynamicRef: Int?
    var dynamicAnchor: String?

    var types: SchemaTypes?
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var multipleOf: Double?
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaRegex?

    var prefixItems: [Int] = []
    var items: Int?
    var contains: Int?
    var minContains: Int?
    var maxContains: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var properties: [String: Int] = [:]
    var patternProperties: [(regex: SchemaRegex?, node: Int)] = []
    var additionalProperties: Int?
    var propertyNames: Int?
    var required: [String] = []
    var minProperties: Int?
    var maxProperties: Int?
    var dependentRequired: [(key: String, required: [String])] = []
    var dependentSchemas: [(key: String, node: Int)] = []

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ifSchema: Int?
    var thenSchema: Int?
    var elseSchema: Int?

    var unevaluatedProperties: Int?
    var unevaluatedItems: Int?

    init(pointer: String, resource: Int) {
        self.pointer = pointer
        self.resource = resource
    }

    /// Subschemas applied to the same instance location (the edges a non-consuming cycle follows).
    var inPlaceChildren: [Int] {
        var out: [Int] = []
        if let ref { out.append(ref) }
        if let dynamicRef { out.append(dynamicRef) }
        out += allOf
        out += anyOf
        out += oneOf
        for s in [not, ifSchema, thenSchema, elseSchema] { if let s { out.append(s) } }
        out += dependentSchemas.map(\.node)
        return out
    }

    /// Whether this node needs annotations from its in-place subschemas.
    var tracksAnnotations: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }
}
