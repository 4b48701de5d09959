extension SchemaValidator {
    /// `allOf`, `anyOf`, `oneOf`, `not`, `if`/`then`/`else`.
    mutating func evaluateApplicators(
        _ b: CompiledSchemaNode, _ instance: JSONValue, report: Bool, local: inout SchemaAnnotations?
    ) -> Bool {
        var ok = true
        for sub in b.node.allOf where !evaluate(sub, instance, report: report, annotations: &local) {
            if !report { return false }
            ok = false
        }
        if !b.node.anyOf.isEmpty {
            var matched = false
            for sub in b.node.anyOf where evaluate(sub, instance, report: false, annotations: &local) {
                matched = true
                if local == nil { break }  // annotations need every branch; the verdict does not
            }
            if !check(matched, b, "anyOf", report: report, "value matches none of the \(b.node.anyOf.count) alternatives") {
                if !report { return false }
                ok = false
            }
        }
        if !b.node.oneOf.isEmpty {
            var passing = 0
            for sub in b.node.oneOf where evaluate(sub, instance, report: false, annotations: &local) {
                passing += 1
                if passing > 1 { break }
            }
            let message = passing == 0
                ? "value matches none of the \(b.node.oneOf.count) alternatives" : "value matches more than one alternative"
            if !check(passing == 1, b, "oneOf", report: report, message) {
                if !report { return false }
                ok = false
            }
        }
        if let not = b.node.not {
            var none: SchemaAnnotations? = nil
            if !check(!evaluate(not, instance, report: false, annotations: &none), b, "not", report: report, "value matches a schema it must not match") {
                if !report { return false }
                ok = false
            }
        }
        if let condition = b.node.ifSchema {
            let branch = evaluate(condition, instance, report: false, annotations: &local) ? b.node.thenSchema : b.node.elseSchema
            if let branch, !evaluate(branch, instance, report: report, annotations: &local) {
                if !report { return false }
                ok = false
            }
        }
        return ok
    }

    /// `unevaluatedProperties` and `unevaluatedItems`, after every other keyword of the node.
    mutating func evaluateUnevaluated(
        _ b: CompiledSchemaNode, _ instance: JSONValue, report: Bool, local: inout SchemaAnnotations?
    ) -> Bool {
        var ok = true
        switch instance {
        case .object(let object):
            guard let sub = b.node.unevaluatedProperties else { return true }
            for (i, entry) in object.entries.enumerated() where local?.evaluated[i] != true {
                if !evaluateMember(sub, b, "unevaluatedProperties", entry.value, .key(entry.key), report: report) {
                    if !report { return false }
                    ok = false
                }
            }
            if ok { local?.markAll() }
        case .array(let array):
            guard let sub = b.node.unevaluatedItems else { return true }
            for i in array.indices where local?.evaluated[i] != true {
                if !evaluateMember(sub, b, "unevaluatedItems", array[i], .index(i), report: report) {
                    if !report { return false }
                    ok = false
                }
            }
            if ok { local?.markAll() }
        default:
            break
        }
        return ok
    }
}
