extension SchemaCompiler {
    /// Keywords of earlier drafts whose 2020-12 meaning differs: they cannot be checked as written.
    static let legacyKeywords: [String: String] = [
        "dependencies": "draft-07 keyword; use dependentRequired / dependentSchemas",
        "additionalItems": "draft-07 keyword; use prefixItems / items",
        "$recursiveRef": "draft 2019-09 keyword; use $dynamicRef",
    ]

    /// Decodes every keyword of the schema object at `location` into `node`.
    mutating func fill(_ node: inout SchemaNode, from object: JSONObject, at location: SchemaLocation, base: String)
        throws(SchemaError)
    {
        for (key, value) in object.entries {
            switch key {
            case "$ref":
                guard let text = value.stringValue else { throw error(location, key, "must be a string") }
                node.ref = try resolveReference(text, keyword: key, at: location, base: base)?.node
            case "$dynamicRef":
                guard let text = value.stringValue else { throw error(location, key, "must be a string") }
                if let resolved = try resolveReference(text, keyword: key, at: location, base: base) {
                    node.dynamicRef = resolved.node
                    let anchor = JSONPointer.resolve(resolved.target.pointer, in: documents[resolved.target.document])?[
                        "$dynamicAnchor"]?.stringValue
                    if !resolved.fragment.isEmpty, anchor == resolved.fragment { node.dynamicAnchor = anchor }
                }
            case "$schema":
                guard let text = value.stringValue else { throw error(location, key, "must be a string") }
                checkVocabularies(of: text, at: location)
            case "type":
                node.types = try types(value, location)
            case "enum":
                guard let values = value.arrayValue else { throw error(location, key, "must be an array") }
                node.enumValues = values
            case "const":
                node.constValue = value
            case "multipleOf":
                guard let n = value.numberValue, n > 0, n.isFinite else { throw error(location, key, "must be a number greater than 0") }
                node.multipleOf = n
            case "minimum": node.minimum = try number(value, location, key)
            case "maximum": node.maximum = try number(value, location, key)
            case "exclusiveMinimum": node.exclusiveMinimum = try number(value, location, key)
            case "exclusiveMaximum": node.exclusiveMaximum = try number(value, location, key)
            case "minLength": node.minLength = try count(value, location, key)
            case "maxLength": node.maxLength = try count(value, location, key)
            case "minItems": node.minItems = try count(value, location, key)
            case "maxItems": node.maxItems = try count(value, location, key)
            case "minContains": node.minContains = try count(value, location, key)
            case "maxContains": node.maxContains = try count(value, location, key)
            case "minProperties": node.minProperties = try count(value, location, key)
            case "maxProperties": node.maxProperties = try count(value, location, key)
            case "uniqueItems":
                guard let b = value.boolValue else { throw error(location, key, "must be a boolean") }
                node.uniqueItems = b
            case "pattern":
                guard let text = value.stringValue else { throw error(location, key, "must be a string") }
                node.pattern = try regex(text, location, key)
            case "required":
                node.required = try strings(value, location, key)
            case "prefixItems":
                node.prefixItems = try schemaArray(value, location, key, allowEmpty: false)
            case "items":
                if value.arrayValue != nil {
                    markUnsupported(location, key, "array form of items is draft-07 tuple validation; use prefixItems")
                } else {
                    node.items = try compileChild(location, key, value: value)
                }
            case "contains": node.contains = try compileChild(location, key, value: value)
            case "additionalProperties": node.additionalProperties = try compileChild(location, key, value: value)
            case "propertyNames": node.propertyNames = try compileChild(location, key, value: value)
            case "not": node.not = try compileChild(location, key, value: value)
            case "if": node.ifSchema = try compileChild(location, key, value: value)
            case "then": node.thenSchema = try compileChild(location, key, value: value)
            case "else": node.elseSchema = try compileChild(location, key, value: value)
            case "unevaluatedProperties": node.unevaluatedProperties = try compileChild(location, key, value: value)
            case "unevaluatedItems": node.unevaluatedItems = try compileChild(location, key, value: value)
            case "allOf": node.allOf = try schemaArray(value, location, key, allowEmpty: false)
            case "anyOf": node.anyOf = try schemaArray(value, location, key, allowEmpty: false)
            case "oneOf": node.oneOf = try schemaArray(value, location, key, allowEmpty: false)
            case "properties":
                for (name, sub) in try members(value, location, key) {
                    node.properties[name] = try compileChild(location, key, name, value: sub)
                }
            case "patternProperties":
                for (name, sub) in try members(value, location, key) {
                    let compiled = try regex(name, location, key)
                    node.patternProperties.append((compiled, try compileChild(location, key, name, value: sub)))
                }
            case "dependentSchemas":
                for (name, sub) in try members(value, location, key) {
                    node.dependentSchemas.append((name, try compileChild(location, key, name, value: sub)))
                }
            case "dependentRequired":
                for (name, list) in try members(value, location, key) {
                    node.dependentRequired.append((name, try strings(list, location, key)))
                }
            default:
                if let reason = Self.legacyKeywords[key] { markUnsupported(location, key, reason) }
            }
        }
    }

    /// The vocabularies this validator applies, always and all together.
    static let standardVocabularies: Set<String> = [
        "https://json-schema.org/draft/2020-12/vocab/core", "https://json-schema.org/draft/2020-12/vocab/applicator",
        "https://json-schema.org/draft/2020-12/vocab/unevaluated", "https://json-schema.org/draft/2020-12/vocab/validation",
        "https://json-schema.org/draft/2020-12/vocab/meta-data", "https://json-schema.org/draft/2020-12/vocab/format-annotation",
        "https://json-schema.org/draft/2020-12/vocab/content",
    ]

    /// A custom meta-schema (from the registry) that turns standard vocabularies off, or requires one
    /// we do not know, cannot be honoured: `$schema` is then listed as unsupported.
    private mutating func checkVocabularies(of metaSchema: String, at location: SchemaLocation) {
        let uri = SchemaURI.split(metaSchema).base
        guard let vocabularies = (registry[uri] ?? registry[uri + "#"])?["$vocabulary"]?.objectValue else { return }
        let missing = Self.standardVocabularies.subtracting(vocabularies.keys).sorted()
        let requiredUnknown = vocabularies.entries.filter { !Self.standardVocabularies.contains($0.key) && $0.value == .bool(true) }
        if !missing.isEmpty || !requiredUnknown.isEmpty {
            let detail = missing.isEmpty
                ? "it requires unknown vocabularies \(requiredUnknown.map(\.key).joined(separator: ", "))"
                : "it omits \(missing.joined(separator: ", ")), which this validator always applies"
            markUnsupported(location, "$schema", "custom meta-schema \(uri): \(detail)")
        }
    }

    private func types(_ value: JSONValue, _ location: SchemaLocation) throws(SchemaError) -> SchemaTypes {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let list): names = list
        default: throw error(location, "type", "must be a type name or an array of type names")
        }
        var set: SchemaTypes = []
        for name in names {
            guard let text = name.stringValue, let t = SchemaTypes(name: text) else {
                throw error(location, "type", "unknown type \(name)")
            }
            set.insert(t)
        }
        return set
    }

    private func number(_ value: JSONValue, _ location: SchemaLocation, _ key: String) throws(SchemaError) -> Double {
        guard let n = value.numberValue else { throw error(location, key, "must be a number") }
        return n
    }

    private func count(_ value: JSONValue, _ location: SchemaLocation, _ key: String) throws(SchemaError) -> Int {
        guard let n = value.numberValue, n >= 0, n == n.rounded(), n < 9.0e15 else {
            throw error(location, key, "must be a non-negative integer")
        }
        return Int(n)
    }

    private func strings(_ value: JSONValue, _ location: SchemaLocation, _ key: String) throws(SchemaError) -> [String] {
        guard let list = value.arrayValue else { throw error(location, key, "must be an array of strings") }
        var out: [String] = []
        for item in list {
            guard let s = item.stringValue else { throw error(location, key, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    private func members(_ value: JSONValue, _ location: SchemaLocation, _ key: String) throws(SchemaError)
        -> [(key: String, value: JSONValue)]
    {
        guard let object = value.objectValue else { throw error(location, key, "must be an object") }
        return object.entries
    }

    private mutating func schemaArray(_ value: JSONValue, _ location: SchemaLocation, _ key: String, allowEmpty: Bool)
        throws(SchemaError) -> [Int]
    {
        guard let list = value.arrayValue, allowEmpty || !list.isEmpty else {
            throw error(location, key, "must be a non-empty array of schemas")
        }
        var out: [Int] = []
        for (i, sub) in list.enumerated() { out.append(try compileChild(location, key, String(i), value: sub)) }
        return out
    }

    /// Compiles a pattern; unsupported features are recorded (the keyword is then not checked),
    /// syntax errors and oversize programs are schema errors.
    private mutating func regex(_ pattern: String, _ location: SchemaLocation, _ key: String) throws(SchemaError) -> SchemaRegex? {
        do throws(RegexError) {
            return try SchemaRegex(pattern, maxInstructions: maxPatternInstructions)
        } catch {
            switch error.kind {
            case .unsupported:
                markUnsupported(location, key, "pattern \(pattern): \(error.message)")
                return nil
            case .syntax, .tooLarge:
                throw self.error(location, key, "invalid pattern \(pattern): \(error.message) at offset \(error.offset)")
            }
        }
    }
}
