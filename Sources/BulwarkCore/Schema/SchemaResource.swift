/// A schema resource found while indexing: a document root or a subschema with `$id`.
struct SchemaResource: Sendable {
    /// Absolute URI without fragment.
    var uri: String
    var document: Int
    /// Pointer of the resource root inside its document.
    var pointer: String
    /// `$anchor` and `$dynamicAnchor` names → document pointer.
    var anchors: [String: String] = [:]
    /// `$dynamicAnchor` names → document pointer.
    var dynamicAnchors: [String: String] = [:]
}
