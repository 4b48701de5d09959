/// The top-level variables an expression may name, each with its static type, in slot order.
///
/// Compiling resolves every variable to its slot index once; `ExpressionBindings` holds the
/// values by the same index, so evaluation never looks a name up. Every declared field of a
/// record-typed variable (recursively) gets a slot of its own too: `action.tool` compiles to a
/// slot read, and binding the record `action` fills its field slots once per action.
public struct ExpressionSchema: Sendable {
    /// A declared variable.
    public struct Variable: Sendable, Equatable {
        public var name: String
        public var type: ExpressionType

        public init(name: String, type: ExpressionType) {
            self.name = name
            self.type = type
        }
    }

    /// A slot: a variable, or a declared field of a record in another slot.
    struct Slot: Sendable {
        /// `risk`, `action.tool`.
        var path: String
        var name: String
        var type: ExpressionType
        var parent: Int?
        /// The slots of this record's declared fields, by field name (the checker's lookup).
        var children: [String: Int]
    }

    /// The variables; a variable's slot is its index here.
    public let variables: [Variable]
    let slots: [Slot]
    /// `slots[i].children` as a list in name order, apart from `slots`: binding a record scans
    /// it (a handful of short names) rather than hashing every field name or copying a `Slot`.
    let fieldLists: [[(name: String, slot: Int)]]

    /// Declares `variables` in order. A repeated name keeps its first slot.
    public init(_ variables: [(name: String, type: ExpressionType)]) {
        self.variables = variables.map { Variable(name: $0.name, type: $0.type) }
        var slots = variables.map { Slot(path: $0.name, name: $0.name, type: $0.type, parent: nil, children: [:]) }
        var i = 0
        // Breadth-first: each record slot gets a slot per declared field, sorted for stable numbering.
        while i < slots.count {
            if case .object(let o) = slots[i].type, slots[i].path.utf8.count < 512 {
                for name in o.fields.keys.sorted() {
                    slots[i].children[name] = slots.count
                    slots.append(Slot(path: slots[i].path + "." + name, name: name, type: o.fields[name]!, parent: i, children: [:]))
                }
            }
            i += 1
        }
        self.slots = slots
        fieldLists = slots.map { $0.children.map { (name: $0.key, slot: $0.value) }.sorted { $0.name < $1.name } }
    }

    /// The slot of variable `name`, or of a declared field path such as `action.tool`; `nil`
    /// if the schema declares no such thing.
    public func slot(of path: String) -> Int? {
        if let top = variables.firstIndex(where: { $0.name == path }) { return top }
        return slots.firstIndex { $0.path == path }
    }

    /// How many slots `ExpressionBindings` holds.
    var slotCount: Int { slots.count }
}
