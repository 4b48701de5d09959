extension ActionKind {
    /// Guesses the kind of a tool from its name, falling back to the shape of its arguments.
    public static func classify(toolName: String, arguments: JSONValue) -> ActionKind {
        .tool
    }
}
