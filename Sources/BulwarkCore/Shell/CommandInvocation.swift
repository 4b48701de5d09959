/// One command the shell would run, with its words expanded as far as static analysis allows.
public struct CommandInvocation: Sendable {
    /// How the analyzer reached this command.
    public enum Origin: String, Sendable {
        case topLevel = "top-level"
        case substitution
        case shellString = "shell -c"
        case eval
        case wrapper
        case xargs
        case findExec = "find -exec"
        case stdinScript = "script on stdin"
        case decodedPayload = "decoded payload"
        case scriptFile = "script written earlier"
        case interpreterCode = "interpreter code"
        case remote
    }

    public var argv: [String] {
        didSet { text = argv.joined(separator: " ") }
    }
    /// `argv[0]` without its directory (`/usr/bin/rm` → `rm`).
    public var name: String {
        didSet { traits = CommandTraits(name: name) }
    }
    /// What the analyzer's tables say about `name`.
    private(set) var traits: CommandTraits
    /// Whether `argv[0]` came from an expansion the analyzer could not resolve.
    public var dynamicName: Bool
    /// Argument indices whose value is not fully known statically.
    public var dynamicArguments: Set<Int>
    /// Labels of data reaching each argument through substitutions or variables.
    public var argumentLabels: [Int: DataLabels]
    public var redirects: [ResolvedRedirect]
    /// `NAME=value` prefixes (`LD_PRELOAD=…`, `PAGER=…`).
    public var environment: [(name: String, value: String)]
    public var origin: Origin
    /// Recursion depth through `-c`, `eval`, wrappers and decoded payloads.
    public var depth: Int
    /// Reached through `sudo`, `doas`, `su`, `pkexec`…
    public var privileged: Bool
    /// Labels of data arriving on stdin.
    public var stdinLabels: DataLabels
    /// Statically known stdin text (a heredoc, here-string, or `echo` upstream).
    public var stdinText: String?
    /// The statically known parts of stdin (the whole text when it is known).
    public var stdinFragments: String?
    /// True when stdin is a pipe from another command.
    public var stdinIsPipe: Bool
    /// True when stdout feeds another command of the pipeline.
    public var stdoutIsPipe: Bool
    public var background: Bool

    init(
        argv: [String], name: String, dynamicName: Bool, dynamicArguments: Set<Int>, argumentLabels: [Int: DataLabels],
        redirects: [ResolvedRedirect], environment: [(name: String, value: String)], origin: Origin, depth: Int,
        privileged: Bool, stdinLabels: DataLabels, stdinText: String?, stdinFragments: String?, stdinIsPipe: Bool,
        stdoutIsPipe: Bool, background: Bool
    ) {
        self.argv = argv
        self.text = argv.joined(separator: " ")
        self.name = name
        self.traits = CommandTraits(name: name)
        self.dynamicName = dynamicName
        self.dynamicArguments = dynamicArguments
        self.argumentLabels = argumentLabels
        self.redirects = redirects
        self.environment = environment
        self.origin = origin
        self.depth = depth
        self.privileged = privileged
        self.stdinLabels = stdinLabels
        self.stdinText = stdinText
        self.stdinFragments = stdinFragments
        self.stdinIsPipe = stdinIsPipe
        self.stdoutIsPipe = stdoutIsPipe
        self.background = background
    }

    /// Arguments after the command name.
    public var arguments: ArraySlice<String> { argv.dropFirst() }

    /// The command line as text, for evidence: joined once, not at each use (rules quote it per
    /// operand, which made `chmod 2576 x x x …` quadratic).
    public private(set) var text: String
}

public struct ResolvedRedirect: Sendable {
    public var fd: Int?
    public var op: ShellRedirect.Operator
    public var target: String
    public var targetIsStatic: Bool
    public var labels: DataLabels
    /// Heredoc or here-string text.
    public var body: String?
}
