/// The compiled form of a schema document (and any registry documents it references).
final class SchemaProgram: Sendable {
    let nodes: [CompiledSchemaNode]
    let root: Int
    /// Per schema resource: `$dynamicAnchor` name → node.
    let dynamicAnchors: [[String: Int]]

    init(nodes: [CompiledSchemaNode], root: Int, dynamicAnchors: [[String: Int]]) {
        self.nodes = nodes
        self.root = root
        self.dynamicAnchors = dynamicAnchors
    }
}
