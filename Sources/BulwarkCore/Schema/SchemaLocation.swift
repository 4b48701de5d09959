/// A place in one of the documents known to a compilation.
struct SchemaLocation: Hashable, Sendable {
    var document: Int
    var pointer: String
}
