extension SchemaValidator {
    /// `minItems`, `maxItems`, `uniqueItems`, `prefixItems`, `items`, `contains` (+ min/max).
    mutating func evaluateArray(_ b: CompiledSchemaNode, _ array: [JSONValue], report: Bool, local: inout SchemaAnnotations?) -> Bool {
        var ok = true
        if let min = b.node.minItems, !check(array.count >= min, b, "minItems", report: report, "array has fewer than \(min) items") {
            if !report { return false }
            ok = false
        }
        if let max = b.node.maxItems, !check(array.count <= max, b, "maxItems", report: report, "array has more than \(max) items") {
            if !report { return false }
            ok = false
        }
        if b.node.uniqueItems, let (i, j) = Self.firstDuplicate(array),
            !check(false, b, "uniqueItems", report: report, "items \(i) and \(j) are equal")
        {
            if !report { return false }
            ok = false
        }
        let prefix = b.node.prefixItems
        for i in 0..<Swift.min(prefix.count, array.count) {
            if !evaluateMember(prefix[i], b, "prefixItems", array[i], .index(i), report: report) {
                if !report { return false }
                ok = false
            }
            local?.evaluated[i] = true
        }
        if let items = b.node.items, array.count > prefix.count {
            for i in prefix.count..<array.count {
                if !evaluateMember(items, b, "items", array[i], .index(i), report: report) {
                    if !report { return false }
                    ok = false
                }
                local?.evaluated[i] = true
            }
        }
        if let contains = b.node.contains {
            let min = b.node.minContains ?? 1
            var matches = 0
            for i in array.indices {
                path.steps.append(.index(i))
                var none: SchemaAnnotations? = nil
                let matched = evaluate(contains, array[i], report: false, annotations: &none)
                path.steps.removeLast()
                if matched {
                    matches += 1
                    local?.evaluated[i] = true
                    if local == nil, b.node.maxContains == nil, matches >= min { break }
                }
            }
            if !check(matches >= min, b, b.node.minContains == nil ? "contains" : "minContains", report: report,
                "array contains \(matches) matching items, fewer than \(min)")
            {
                if !report { return false }
                ok = false
            }
            if let max = b.node.maxContains,
                !check(matches <= max, b, "maxContains", report: report, "array contains \(matches) matching items, more than \(max)")
            {
                if !report { return false }
                ok = false
            }
        }
        return ok
    }

    static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        guard array.count > 1 else { return nil }
        for i in 0..<(array.count - 1) {
            for j in (i + 1)..<array.count where array[i].schemaEquals(array[j]) { return (i, j) }
        }
        return nil
    }
}
