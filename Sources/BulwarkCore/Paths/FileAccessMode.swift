/// What an action does to a file or directory.
public enum FileAccessMode: String, Sendable {
    /// Reads the content.
    case read
    /// Creates, overwrites or truncates the content.
    case write
    /// Adds to the end of the content.
    case append
    /// Removes the entry (and, for a directory, possibly its content).
    case delete
    /// Runs the file as a program or script.
    case execute
    /// Lists a directory or stats an entry.
    case list
    /// Changes mode, owner or attributes (`chmod`, `chown`, `chattr`).
    case permission
}
