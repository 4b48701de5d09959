/// An immutable, shared box around a `SchemaNode`, so the validator reads fields without copying the node.
final class CompiledSchemaNode: Sendable {
    let node: SchemaNode

    init(_ node: SchemaNode) {
        self.node = node
    }
}
