/// A compiled policy expression in Bulwark's subset of CEL (see docs/expressions.md).
///
/// Compile once when the policy loads; evaluate per action with no parsing, no name lookup
/// and no trapping.
///
/// ```swift
/// let rule = try Expression.compile(#"action.tool == "shell" && risk > 50"#, schema: .policy)
/// var bindings = ExpressionBindings(schema: .policy)
/// bindings["action"] = .record([("tool", .string("shell"))])
/// bindings["risk"] = .int(70)
/// rule.evaluate(bindings)   // .value(.bool(true))
/// ```
public struct Expression: Sendable {
    /// The source the expression was compiled from.
    public var source: String { program.source }
    /// The static type of the result (`bool` for a well-formed condition, `dyn` when unknown).
    public var type: ExpressionType { program.type }
    /// The schema slots the expression reads: its variables, and the declared fields it reads
    /// directly (`action.tool`). A caller may leave every other slot unbound.
    var slotsRead: [Int] { program.slotsRead }
    /// Everything lives in one shared object: copying an `Expression` is one reference.
    let program: ExpressionProgram

    /// Parses and type-checks `source` against `schema`. Syntax errors, type errors (such as
    /// `risk > "high"`), unknown variables, fields or functions, wrong arities, invalid literal
    /// regular expressions, sources over 4 KB and nesting deeper than 64 are all reported here,
    /// with the line and column (1-based, within `source`) where they start.
    public static func compile(_ source: String, schema: ExpressionSchema) throws(ExpressionError) -> Expression {
        let tree = try ExpressionParser.parse(source)
        var checker = ExpressionChecker(schema: schema)
        let (root, type) = try checker.check(tree)
        return Expression(program: ExpressionProgram(root, source: source, type: type, localCount: checker.localCount))
    }

    /// Evaluates against `bindings`, which must have been built from the schema the expression
    /// was compiled with. Run-time problems (a missing field read without `has`, an unbound
    /// variable, division by zero, a type mismatch on dynamic data) give `.error`.
    public func evaluate(_ bindings: ExpressionBindings) -> ExpressionResult {
        ExpressionFrame.with(bindings, localCount: program.localCount) { frame in frame.run(program) }
    }

    /// Tries `conditions` in order against one set of bindings, as a policy tries its rules:
    /// `body` hears of each condition that holds (with `nil`) or fails at run time (with the
    /// error's message), and returns whether to go on. Conditions that do not hold cost no call.
    /// The bindings are borrowed once for all of them, and no condition is copied.
    public static func evaluate(_ conditions: [Expression], _ bindings: ExpressionBindings, whenHoldingOrFailing body: (Int, String?) -> Bool) {
        var localCount = 0
        for i in conditions.indices { localCount = max(localCount, conditions[i].program.localCount) }
        ExpressionFrame.with(bindings, localCount: localCount) { frame in
            conditions.withUnsafeBufferPointer { list in
                for i in list.indices {
                    var failure: ExpressionFailure?
                    let holds = Unmanaged.passUnretained(list[i].program)._withUnsafeGuaranteedRef { frame.holds($0, &failure) }
                    if holds || failure != nil, !body(i, failure?.message) { return }
                }
            }
        }
    }
}

/// What an evaluation borrows: the bindings' buffers and room for macro variables.
struct ExpressionFrame {
    let values: UnsafeBufferPointer<ExpressionValue>
    let bound: UnsafeBufferPointer<Bool>
    let slots: UnsafeBufferPointer<ExpressionSchema.Slot>
    let locals: UnsafeMutableBufferPointer<UnsafePointer<ExpressionValue>>
    let scratch: UnsafeMutableBufferPointer<ExpressionValue>

    static func with<R>(_ bindings: ExpressionBindings, localCount: Int, _ body: (ExpressionFrame) -> R) -> R {
        bindings.values.withUnsafeBufferPointer { values in
            bindings.bound.withUnsafeBufferPointer { bound in
                bindings.schema.slots.withUnsafeBufferPointer { slots in
                    if localCount == 0 {
                        return body(ExpressionFrame(values: values, bound: bound, slots: slots,
                                                    locals: UnsafeMutableBufferPointer(start: nil, count: 0),
                                                    scratch: UnsafeMutableBufferPointer(start: nil, count: 0)))
                    }
                    // Macro variables: a pointer each, and room for an element that must be materialized.
                    return withUnsafeTemporaryAllocation(of: ExpressionValue.self, capacity: localCount) { scratch in
                        // `.null` is trivial, and the evaluator puts it back after each use: no deinitialization.
                        scratch.initialize(repeating: .null)
                        return withUnsafeTemporaryAllocation(of: UnsafePointer<ExpressionValue>.self, capacity: localCount) { locals in
                            locals.initialize(repeating: UnsafePointer(scratch.baseAddress.unsafelyUnwrapped))
                            return body(ExpressionFrame(values: values, bound: bound, slots: slots, locals: locals, scratch: scratch))
                        }
                    }
                }
            }
        }
    }

    @inline(__always)
    private func evaluator(_ program: ExpressionProgram) -> ExpressionEvaluator {
        ExpressionEvaluator(program: program, values: values, bound: bound, slots: slots, locals: locals, scratch: scratch)
    }

    /// Whether the program's value is `true`; a run-time error is stored in `failure`.
    func holds(_ program: ExpressionProgram, _ failure: inout ExpressionFailure?) -> Bool {
        let evaluator = evaluator(program)
        do {
            if program.predicates[program.root] { return try evaluator.test(program.root) }
            if case .bool(true) = try evaluator.eval(program.root).resolved { return true }
            return false
        } catch {
            failure = error
            return false
        }
    }

    func run(_ program: ExpressionProgram) -> ExpressionResult {
        let evaluator = evaluator(program)
        do {
            // A JSON scalar comes out as the language's own scalar (`bool`, `int`…), so that a
            // condition such as `action.arguments.confirmed` is `true`, not a JSON `true`.
            if program.predicates[program.root] { return .value(.bool(try evaluator.test(program.root))) }
            return .value(try evaluator.eval(program.root).resolved)
        } catch {
            return .error(error.message)
        }
    }
}
