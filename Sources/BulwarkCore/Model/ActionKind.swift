/// What sort of operation a tool call is, as far as its name and arguments tell.
public enum ActionKind: String, Sendable, CaseIterable {
    case shell
    case fileRead = "file_read"
    case fileWrite = "file_write"
    case fileSearch = "file_search"
    case http
    case webSearch = "web_search"
    case sql
    case payment
    case message
    case tool
}
