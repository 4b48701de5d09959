/// A compiled ECMA-262 regular expression (the subset JSON Schema `pattern` needs) that answers
/// "does this pattern match anywhere in the string" in time linear in input length × program size.
///
/// Matching simulates the NFA (Thompson / Pike VM without captures), so there is no
/// backtracking and no catastrophic case: `(a+)+$` against 30,000 `a`s and a `!` is linear.
/// Compile once and reuse; matching allocates only its small per-call thread lists.
public struct SchemaRegex: Sendable {
    /// The source pattern.
    public let pattern: String
    let instructions: [RegexInstruction]
    let sets: [ScalarSet]
    /// True when every match must start at offset 0 (the pattern begins with `^` on all paths we can see cheaply).
    let anchoredAtStart: Bool

    /// Default bound on the compiled program size.
    public static let defaultMaxInstructions = 10_000

    /// Compiles `pattern`; throws on invalid syntax, unsupported features and oversize programs.
    public init(_ pattern: String, maxInstructions: Int = SchemaRegex.defaultMaxInstructions) throws(RegexError) {
        let tree = try RegexParser.parse(pattern)
        var compiler = RegexCompiler(maxInstructions: maxInstructions)
        try compiler.compile(tree)
        self.pattern = pattern
        self.instructions = compiler.instructions
        self.sets = compiler.sets
        if case .assertStart = compiler.instructions.first { anchoredAtStart = true } else { anchoredAtStart = false }
    }

    /// Number of instructions in the compiled program.
    public var programSize: Int { instructions.count }

    /// Whether the pattern matches somewhere in `text` (ECMA-262 `RegExp.prototype.test`).
    public func matches(_ text: String) -> Bool {
        text.withUTF8Bytes { run($0) }
    }
}
