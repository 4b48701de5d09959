/// What an action touches, derived once from its arguments by `FacetExtractor`.
public struct Facets: Sendable {
    /// Free-text fields (JSON pointer and text) that could carry instructions or data.
    public var texts: [TextField] = []

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
