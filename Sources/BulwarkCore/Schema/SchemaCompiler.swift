/// Compiles a schema document into a `SchemaProgram`: indexes `$id`/`$anchor`/`$dynamicAnchor`,
/// resolves every `$ref` once (within the document or against the caller's registry, never over the
/// network), decodes every keyword, and rejects reference cycles that would never consume the instance.
struct SchemaCompiler {
    /// Base URI of a root document without `$id`.
    static let defaultBase = "bulwark:/root.json"

    let registry: [String: JSONValue]
    let maxPatternInstructions: Int
    var documents: [JSONValue] = []
    /// Display prefix of each document's pointers ("" for the root document).
    var documentPrefixes: [String] = []
    var resources: [SchemaResource] = []
    var resourceByURI: [String: Int] = [:]
    /// Base URI and resource of every indexed subschema location.
    var scopes: [SchemaLocation: (base: String, resource: Int)] = [:]
    var nodes: [SchemaNode] = []
    var nodeAt: [SchemaLocation: Int] = [:]
    var unsupported: [SchemaUnsupported] = []

    init(registry: [String: JSONValue], maxPatternInstructions: Int) {
        self.registry = registry
        self.maxPatternInstructions = maxPatternInstructions
    }

    mutating func compile(root schema: JSONValue) throws(SchemaError) -> SchemaProgram {
        documents.append(schema)
        documentPrefixes.append("")
        index(SchemaLocation(document: 0, pointer: ""), schema, base: Self.defaultBase, resource: nil)
        let root = try compile(SchemaLocation(document: 0, pointer: ""))
        // Every dynamic anchor of every resource reached must be compiled: `$dynamicRef` may land on it.
        var r = 0
        while r < resources.count {
            for pointer in resources[r].dynamicAnchors.values.sorted() {
                _ = try compile(SchemaLocation(document: resources[r].document, pointer: pointer))
            }
            r += 1
        }
        try rejectInPlaceCycles()
        let dynamicAnchors = resources.map { resource in
            resource.dynamicAnchors.compactMapValues { nodeAt[SchemaLocation(document: resource.document, pointer: $0)] }
        }
        return SchemaProgram(nodes: nodes.map(CompiledSchemaNode.init), root: root, dynamicAnchors: dynamicAnchors)
    }

    /// How a location is named in errors and violations.
    func display(_ location: SchemaLocation) -> String {
        let prefix = documentPrefixes[location.document]
        return prefix.isEmpty ? location.pointer : prefix + "#" + location.pointer
    }

    func error(_ location: SchemaLocation, _ keyword: String?, _ message: String) -> SchemaError {
        let pointer = keyword.map { JSONPointer.appending(location.pointer, $0) } ?? location.pointer
        return SchemaError(pointer: display(SchemaLocation(document: location.document, pointer: pointer)), message: message)
    }

    mutating func markUnsupported(_ location: SchemaLocation, _ keyword: String, _ reason: String) {
        let pointer = display(SchemaLocation(document: location.document, pointer: JSONPointer.appending(location.pointer, keyword)))
        unsupported.append(SchemaUnsupported(pointer: pointer, keyword: keyword, reason: reason))
    }

    /// Compiles the subschema at `location` (memoized, so shared and recursive references compile once).
    mutating func compile(_ location: SchemaLocation) throws(SchemaError) -> Int {
        if let existing = nodeAt[location] { return existing }
        guard let value = JSONPointer.resolve(location.pointer, in: documents[location.document]) else {
            throw error(location, nil, "no subschema at this location")
        }
        if scopes[location] == nil { index(location, value, base: Self.defaultBase, resource: nil) }
        let (base, resource) = scopes[location]!
        let index = nodes.count
        nodes.append(SchemaNode(pointer: display(location), resource: resource))
        nodeAt[location] = index
        var node = nodes[index]
        switch value {
        case .bool(let b):
            node.boolean = b
        case .object(let object):
            try fill(&node, from: object, at: location, base: base)
        default:
            throw error(location, nil, "a schema must be an object or a boolean")
        }
        nodes[index] = node
        return index
    }

    /// Compiles the subschema at `location/tokens…`, indexing it with the parent's scope if needed.
    mutating func compileChild(_ parent: SchemaLocation, _ tokens: String..., value: JSONValue) throws(SchemaError) -> Int {
        var pointer = parent.pointer
        for t in tokens { pointer = JSONPointer.appending(pointer, t) }
        let location = SchemaLocation(document: parent.document, pointer: pointer)
        if scopes[location] == nil, let scope = scopes[parent] {
            index(location, value, base: scope.base, resource: scope.resource)
        }
        return try compile(location)
    }
}
