/// The path from the instance root to the value being validated, turned into a JSON pointer only
/// when a violation is reported.
struct SchemaInstancePath {
    enum Step {
        case key(String)
        case index(Int)
    }

    var steps: [Step] = []

    var pointer: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let k): out += "/" + JSONPointer.escape(k)
            case .index(let i): out += "/" + String(i)
            }
        }
        return out
    }
}
