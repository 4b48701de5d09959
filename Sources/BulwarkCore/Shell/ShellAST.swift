/// A parsed shell script: a sequence of pipelines joined by `;`, `&&`, `||`, `&` or newlines.
///
/// Compound commands (`if`, `while`, `for`, `case`, functions) are flattened into their inner
/// commands: for security analysis every branch is assumed to run.
public struct ShellScript: Sendable {
    public var items: [ShellListItem] = []
    public init(items: [ShellListItem] = []) { self.items = items }
}

public struct ShellListItem: Sendable {
    public enum Connector: String, Sendable { case sequence = ";", and = "&&", or = "||", background = "&" }
    public var pipeline: ShellPipeline
    /// How this item is joined to the next one.
    public var connector: Connector
}

public struct ShellPipeline: Sendable {
    public var commands: [ShellCommand] = []
    public var negated = false
}

public struct ShellCommand: Sendable {
    public enum Kind: Sendable {
        case simple
        /// `( … )`
        case subshell(ShellScript)
        /// `{ …; }`
        case group(ShellScript)
    }
    public var kind: Kind = .simple
    public var assignments: [ShellAssignment] = []
    public var words: [ShellWord] = []
    public var redirects: [ShellRedirect] = []
}

public struct ShellAssignment: Sendable {
    public var name: String
    public var value: ShellWord
    public var append: Bool
}

public struct ShellRedirect: Sendable {
    public enum Operator: String, Sendable {
        case input = "<", output = ">", append = ">>", clobber = ">|", readWrite = "<>"
        case heredoc = "<<", herestring = "<<<", duplicateInput = "<&", duplicateOutput = ">&"
        case outputAll = "&>", appendAll = "&>>"
    }
    public var fd: Int?
    public var op: Operator
    public var target: ShellWord
    /// The body of a heredoc; `nil` for other operators.
    public var heredoc: ShellWord?
}

/// A word is a sequence of parts that the shell concatenates after expansion.
public struct ShellWord: Sendable {
    public var parts: [ShellWordPart]
    public init(parts: [ShellWordPart]) { self.parts = parts }
    public init(literal: String) { self.parts = [.literal(literal)] }
}

public indirect enum ShellWordPart: Sendable {
    /// Unquoted text, backslash escapes already removed. May contain glob characters.
    case literal(String)
    /// `'…'` or `$'…'` (already decoded): never expanded.
    case quoted(String)
    /// `"…"`: its parts are expanded but not split.
    case doubleQuoted([ShellWordPart])
    /// `$name`, `${name…}`, `$1`, `$@`. `modifier` is the text after the name inside braces.
    case parameter(name: String, modifier: String?)
    /// `$(…)` or backticks.
    case commandSubstitution(ShellScript)
    /// `<(…)` (`output == false`) or `>(…)`.
    case processSubstitution(ShellScript, output: Bool)
    /// `$((…))`
    case arithmetic(String)
}
