extension SchemaValidator {
    /// `properties`, `patternProperties`, `additionalProperties`, `propertyNames`, `required`,
    /// `minProperties`, `maxProperties`, `dependentRequired`, `dependentSchemas`.
    mutating func evaluateObject(
        _ b: CompiledSchemaNode, _ object: JSONObject, _ instance: JSONValue, report: Bool, local: inout SchemaAnnotations?
    ) -> Bool {
        var ok = true
        let hasProperties = !b.node.properties.isEmpty
        let hasPatterns = !b.node.patternProperties.isEmpty
        let additional = b.node.additionalProperties
        if hasProperties || hasPatterns || additional != nil || b.node.propertyNames != nil {
            for (i, entry) in object.entries.enumerated() {
                var matched = false
                if hasProperties, let sub = b.node.properties[entry.key] {
                    matched = true
                    if !evaluateMember(sub, b, "properties", entry.value, .key(entry.key), report: report) {
                        if !report { return false }
                        ok = false
                    }
                }
                if hasPatterns {
                    for (regex, sub) in b.node.patternProperties where regex?.matches(entry.key) == true {
                        matched = true
                        if !evaluateMember(sub, b, "patternProperties", entry.value, .key(entry.key), report: report) {
                            if !report { return false }
                            ok = false
                        }
                    }
                }
                if !matched, let additional {
                    matched = true
                    if !evaluateMember(additional, b, "additionalProperties", entry.value, .key(entry.key), report: report) {
                        if !report { return false }
                        ok = false
                    }
                }
                if matched { local?.evaluated[i] = true }
                if let names = b.node.propertyNames,
                    !evaluateMember(names, b, "propertyNames", .string(entry.key), .key(entry.key), report: report)
                {
                    if !report { return false }
                    ok = false
                }
            }
        }
        for name in b.node.required where object[name] == nil {
            if !check(false, b, "required", report: report, "missing required property \"\(name)\"") {
                if !report { return false }
                ok = false
            }
        }
        let count = object.entries.count
        if let min = b.node.minProperties, !check(count >= min, b, "minProperties", report: report, "object has fewer than \(min) properties") {
            if !report { return false }
            ok = false
        }
        if let max = b.node.maxProperties, !check(count <= max, b, "maxProperties", report: report, "object has more than \(max) properties") {
            if !report { return false }
            ok = false
        }
        for (key, names) in b.node.dependentRequired where object[key] != nil {
            for name in names where object[name] == nil {
                if !check(false, b, "dependentRequired", report: report, "property \"\(key)\" requires property \"\(name)\"") {
                    if !report { return false }
                    ok = false
                }
            }
        }
        for (key, sub) in b.node.dependentSchemas where object[key] != nil {
            if !evaluate(sub, instance, report: report, annotations: &local) {
                if !report { return false }
                ok = false
            }
        }
        return ok
    }
}
