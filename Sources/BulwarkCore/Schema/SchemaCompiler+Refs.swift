extension SchemaCompiler {
    /// Resolves the reference under `keyword` at `location` to a compiled node; nil (and an
    /// unsupported entry) when it points to a document that is neither local nor in the registry.
    mutating func resolveReference(
        _ reference: String, keyword: String, at location: SchemaLocation, base: String
    ) throws(SchemaError) -> (node: Int, target: SchemaLocation, fragment: String)? {
        let absolute = SchemaURI.resolve(reference, against: base)
        let (uri, fragment) = SchemaURI.split(absolute)
        guard let r = resource(for: uri) else {
            markUnsupported(location, keyword, "cannot resolve \(uri): not in this document or the registry (nothing is fetched)")
            return nil
        }
        let resource = resources[r]
        let pointer: String
        if fragment.isEmpty {
            pointer = resource.pointer
        } else if fragment.hasPrefix("/") {
            pointer = resource.pointer + fragment
        } else if let anchored = resource.anchors[fragment] {
            pointer = anchored
        } else {
            throw error(location, keyword, "no anchor \"\(fragment)\" in \(uri)")
        }
        let target = SchemaLocation(document: resource.document, pointer: pointer)
        guard let value = JSONPointer.resolve(pointer, in: documents[resource.document]) else {
            throw error(location, keyword, "reference \(reference) points to nothing")
        }
        if scopes[target] == nil { index(target, value, base: resource.uri, resource: r) }
        return (try compile(target), target, fragment)
    }

    /// Rejects cycles of in-place applicators (`$ref`, `allOf`, `if`…): following one would evaluate
    /// the same instance against the same schema forever.
    func rejectInPlaceCycles() throws(SchemaError) {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
        for start in nodes.indices where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                let children = nodes[top.node].inPlaceChildren
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next]
                    if state[child] == 1 {
                        throw SchemaError(
                            pointer: nodes[child].pointer,
                            message: "reference cycle: this subschema reaches itself without consuming any of the instance")
                    }
                    if state[child] == 0 {
                        state[child] = 1
                        stack.append((child, 0))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
