/// A JSON Schema (draft 2020-12) compiled once and checked many times.
///
/// Compilation resolves every `$ref`/`$dynamicRef` (inside the document, or against documents the
/// caller preloads in `registry`; nothing is ever fetched), compiles every `pattern` with the
/// linear-time `SchemaRegex` engine, and rejects `$ref` cycles that never consume the instance.
/// `format` is an annotation only, as 2020-12 specifies by default.
///
/// Keywords the validator cannot check (an unresolvable remote `$ref`, a pattern using lookaround or
/// backreferences, draft-07 `dependencies`/`additionalItems`/array `items`) are listed in
/// `unsupportedKeywords` and skipped during validation: callers must treat a non-empty list as
/// "schema cannot be checked", never as valid.
public struct JSONSchema: Sendable {
    let program: SchemaProgram
    /// Each keyword occurrence that cannot be checked, with its schema pointer and the reason.
    public let unsupported: [SchemaUnsupported]
    /// Upper bound on nested subschema evaluations in one `validate` call (guards deep or recursive schemas).
    public var maxDepth: Int

    /// Default bound for `maxDepth`.
    public static let defaultMaxDepth = 512

    /// Compiles `schema` with no registry.
    public init(_ schema: JSONValue) throws(SchemaError) {
        try self.init(schema, registry: [:])
    }

    /// Compiles `schema`, resolving references to other documents from `registry` (absolute URI without
    /// fragment → document). `maxPatternInstructions` bounds each compiled `pattern`.
    public init(
        _ schema: JSONValue, registry: [String: JSONValue], maxPatternInstructions: Int = SchemaRegex.defaultMaxInstructions,
        maxDepth: Int = JSONSchema.defaultMaxDepth
    ) throws(SchemaError) {
        var compiler = SchemaCompiler(registry: registry, maxPatternInstructions: maxPatternInstructions)
        program = try compiler.compile(root: schema)
        unsupported = compiler.unsupported
        self.maxDepth = maxDepth
    }

    /// The distinct keywords present in the schema that the validator cannot check, in order of appearance.
    public var unsupportedKeywords: [String] {
        var seen: Set<String> = []
        return unsupported.map(\.keyword).filter { seen.insert($0).inserted }
    }

    /// Every violation of the schema by `instance`; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [SchemaViolation] {
        var validator = SchemaValidator(program: program, maxDepth: maxDepth)
        var none: SchemaAnnotations? = nil
        _ = validator.evaluate(program.root, instance, report: true, annotations: &none)
        return validator.violations
    }

    /// Whether `instance` is valid; stops at the first failure.
    public func isValid(_ instance: JSONValue) -> Bool {
        var validator = SchemaValidator(program: program, maxDepth: maxDepth)
        var none: SchemaAnnotations? = nil
        return validator.evaluate(program.root, instance, report: false, annotations: &none)
    }
}
