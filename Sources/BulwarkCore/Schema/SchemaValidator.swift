/// One validation run over a compiled program. Violations are collected only on paths that
/// decide the result (`report == true`); trial evaluations (`anyOf` branches, `not`, `if`,
/// `contains`) stop at their first failure and report nothing themselves.
struct SchemaValidator {
    let program: SchemaProgram
    let maxDepth: Int
    var violations: [SchemaViolation] = []
    var path = SchemaInstancePath()
    /// Schema resources entered so far, outermost first (the dynamic scope for `$dynamicRef`).
    var scope: [Int] = []
    var depth = 0

    init(program: SchemaProgram, maxDepth: Int) {
        self.program = program
        self.maxDepth = maxDepth
    }

    /// Evaluates node `index` against `instance`. When `annotations` is non-nil the members/elements
    /// this node evaluated are added to it, but only if the node passes.
    mutating func evaluate(_ index: Int, _ instance: JSONValue, report: Bool, annotations: inout SchemaAnnotations?) -> Bool {
        let b = program.nodes[index]
        if let boolean = b.node.boolean {
            if !boolean && report { record(b.node.pointer, "false", "no value is allowed here (false schema)") }
            return boolean
        }
        if depth >= maxDepth {
            if report { record(b.node.pointer, "$ref", "evaluation depth limit of \(maxDepth) exceeded") }
            return false
        }
        depth += 1
        let pushed = scope.last != b.node.resource
        if pushed { scope.append(b.node.resource) }
        var local: SchemaAnnotations? = (annotations != nil || b.node.tracksAnnotations) ? SchemaAnnotations(for: instance) : nil
        let ok = evaluateKeywords(b, instance, report: report, local: &local)
        if pushed { scope.removeLast() }
        depth -= 1
        if ok, let local, annotations != nil { annotations!.merge(local) }
        return ok
    }

    mutating func record(_ schemaPointer: String, _ keyword: String, _ message: String) {
        let pointer = keyword == "false" ? schemaPointer : JSONPointer.appending(schemaPointer, keyword)
        violations.append(SchemaViolation(instancePointer: path.pointer, schemaPointer: pointer, keyword: keyword, message: message))
    }

    /// Records a violation when `passed` is false and reports are wanted; returns `passed`.
    @inline(__always)
    mutating func check(_ passed: Bool, _ b: CompiledSchemaNode, _ keyword: String, report: Bool, _ message: @autoclosure () -> String)
        -> Bool
    {
        if !passed && report { record(b.node.pointer, keyword, message()) }
        return passed
    }

    /// Evaluates a subschema against a member or element, with the path extended by `step`.
    @inline(__always)
    mutating func evaluateChild(_ index: Int, _ value: JSONValue, _ step: SchemaInstancePath.Step, report: Bool) -> Bool {
        path.steps.append(step)
        var none: SchemaAnnotations? = nil
        let ok = evaluate(index, value, report: report, annotations: &none)
        path.steps.removeLast()
        return ok
    }

    private mutating func evaluateKeywords(
        _ b: CompiledSchemaNode, _ instance: JSONValue, report: Bool, local: inout SchemaAnnotations?
    ) -> Bool {
        var ok = true
        if let ref = b.node.ref, !evaluate(ref, instance, report: report, annotations: &local) {
            if !report { return false }
            ok = false
        }
        if let target = b.node.dynamicRef, !evaluate(dynamicTarget(target, b.node.dynamicAnchor), instance, report: report, annotations: &local) {
            if !report { return false }
            ok = false
        }
        if let types = b.node.types,
            !check(types.admits(instance), b, "type", report: report, "expected \(types.names.joined(separator: " or ")), got \(Self.typeName(instance))")
        {
            if !report { return false }
            ok = false
        }
        if let values = b.node.enumValues,
            !check(values.contains(where: { $0.schemaEquals(instance) }), b, "enum", report: report, "value is not one of the \(values.count) allowed values")
        {
            if !report { return false }
            ok = false
        }
        if let constant = b.node.constValue, !check(constant.schemaEquals(instance), b, "const", report: report, "value is not the required constant") {
            if !report { return false }
            ok = false
        }
        switch instance {
        case .number(let x): if !evaluateNumber(b, x, report: report) { if !report { return false }; ok = false }
        case .string(let s): if !evaluateString(b, s, report: report) { if !report { return false }; ok = false }
        case .array(let a): if !evaluateArray(b, a, report: report, local: &local) { if !report { return false }; ok = false }
        case .object(let o): if !evaluateObject(b, o, instance, report: report, local: &local) { if !report { return false }; ok = false }
        default: break
        }
        if !evaluateApplicators(b, instance, report: report, local: &local) {
            if !report { return false }
            ok = false
        }
        if b.node.tracksAnnotations, !evaluateUnevaluated(b, instance, report: report, local: &local) {
            if !report { return false }
            ok = false
        }
        return ok
    }

    /// The target of a `$dynamicRef`: the outermost resource in the dynamic scope with a matching
    /// `$dynamicAnchor`, or the static target when the reference is not dynamic.
    private func dynamicTarget(_ target: Int, _ anchor: String?) -> Int {
        guard let anchor else { return target }
        for resource in scope {
            if let node = program.dynamicAnchors[resource][anchor] { return node }
        }
        return target
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let n): return n == n.rounded() && n.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

extension SchemaValidator {
    /// Like `evaluateChild`, but a `false` subschema is reported as "not allowed" under `keyword`
    /// of the parent (`additionalProperties: false` reads better that way).
    mutating func evaluateMember(
        _ index: Int, _ parent: CompiledSchemaNode, _ keyword: String, _ value: JSONValue, _ step: SchemaInstancePath.Step,
        report: Bool
    ) -> Bool {
        if program.nodes[index].node.boolean == false {
            if report {
                path.steps.append(step)
                let what: String
                switch step {
                case .key(let k): what = "property \"\(k)\""
                case .index(let i): what = "item \(i)"
                }
                record(parent.node.pointer, keyword, "\(what) is not allowed")
                path.steps.removeLast()
            }
            return false
        }
        return evaluateChild(index, value, step, report: report)
    }
}
