/// What an action touches, derived once from its arguments by `FacetExtractor`.
public struct Facets: Sendable {
    /// Shell command lines, parsed and analyzed.
    public var shell: [ShellAnalysis] = []
    /// Files read, written or deleted, normalized against `cwd` and `$HOME`.
    public var files: [FileAccess] = []
    /// HTTP requests (method, parsed URL, body).
    public var requests: [HTTPRequestFacet] = []
    /// Every URL found in the arguments, including those inside requests.
    public var urls: [URLFacet] = []
    public var sql: [SQLStatement] = []
    public var money: [MoneyAmount] = []
    /// Free-text fields (JSON pointer and text) that could carry instructions or data.
    public var texts: [TextField] = []
    /// The size of the arguments (`BehaviourProfile.size(of:)`), for behaviour profiles.
    public var argumentSize = 0

    public init() {}
}

/// A string argument with the JSON pointer it was found at.
public struct TextField: Sendable, Equatable {
    public var pointer: String
    public var text: String

    public init(pointer: String, text: String) {
        self.pointer = pointer
        self.text = text
    }
}
