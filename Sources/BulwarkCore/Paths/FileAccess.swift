/// One file access an action performs, as seen by a file tool or derived from a shell command.
public struct FileAccess: Sendable, Equatable {
    /// The path exactly as the action wrote it; used as evidence.
    public var raw: String
    /// The path after `PathNormalizer`: absolute when the working directory is known.
    public var path: String
    /// What the action does to the path.
    public var mode: FileAccessMode

    public init(raw: String, path: String, mode: FileAccessMode) {
        self.raw = raw
        self.path = path
        self.mode = mode
    }
}
