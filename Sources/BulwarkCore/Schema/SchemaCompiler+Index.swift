extension SchemaCompiler {
    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords: Set<String> = [
        "additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedProperties", "unevaluatedItems", "contentSchema",
    ]
    /// Keywords whose value maps names to subschemas.
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]
    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Records base URIs, resources and anchors for the subschema at `location` and every subschema
    /// below it reached through known applicator keywords (an `$id` under an unknown keyword is not one).
    mutating func index(_ location: SchemaLocation, _ value: JSONValue, base: String, resource: Int?) {
        var base = base
        var resource = resource
        let object = value.objectValue
        if let id = object?["$id"]?.stringValue {
            let absolute = SchemaURI.split(SchemaURI.resolve(id, against: base)).base
            base = absolute
            resource = resourceByURI[absolute] ?? newResource(absolute, location)
        } else if resource == nil {
            resource = resourceByURI[base] ?? newResource(base, location)
        }
        let r = resource!
        scopes[location] = (base, r)
        guard let object else { return }
        if let anchor = object["$anchor"]?.stringValue, resources[r].anchors[anchor] == nil {
            resources[r].anchors[anchor] = location.pointer
        }
        if let anchor = object["$dynamicAnchor"]?.stringValue {
            if resources[r].anchors[anchor] == nil { resources[r].anchors[anchor] = location.pointer }
            if resources[r].dynamicAnchors[anchor] == nil { resources[r].dynamicAnchors[anchor] = location.pointer }
        }
        for (key, child) in object.entries {
            let here = JSONPointer.appending(location.pointer, key)
            if Self.singleSchemaKeywords.contains(key) {
                index(SchemaLocation(document: location.document, pointer: here), child, base: base, resource: r)
            } else if Self.schemaMapKeywords.contains(key), let map = child.objectValue {
                for (name, sub) in map.entries {
                    let pointer = JSONPointer.appending(here, name)
                    index(SchemaLocation(document: location.document, pointer: pointer), sub, base: base, resource: r)
                }
            } else if Self.schemaArrayKeywords.contains(key), let array = child.arrayValue {
                for (i, sub) in array.enumerated() {
                    let pointer = here + "/" + String(i)
                    index(SchemaLocation(document: location.document, pointer: pointer), sub, base: base, resource: r)
                }
            }
        }
    }

    private mutating func newResource(_ uri: String, _ location: SchemaLocation) -> Int {
        resources.append(SchemaResource(uri: uri, document: location.document, pointer: location.pointer))
        resourceByURI[uri] = resources.count - 1
        return resources.count - 1
    }

    /// The resource for an absolute, fragment-less URI, loading it from the registry when needed.
    mutating func resource(for uri: String) -> Int? {
        if let r = resourceByURI[uri] { return r }
        guard let document = registry[uri] ?? registry[uri + "#"] else { return nil }
        let d = documents.count
        documents.append(document)
        documentPrefixes.append(uri)
        let root = SchemaLocation(document: d, pointer: "")
        index(root, document, base: uri, resource: nil)
        if resourceByURI[uri] == nil, let scope = scopes[root] { resourceByURI[uri] = scope.resource }
        return resourceByURI[uri]
    }
}
