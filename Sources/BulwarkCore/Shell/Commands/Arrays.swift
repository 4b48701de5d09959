/// Bash arrays: `a=(rm -rf ~); "${a[@]}"` runs `rm -rf ~`. Elements are expanded when assigned;
/// `${a[@]}` and `${a[*]}` give them all (one field each inside double quotes), `${a[N]}` one,
/// `${#a[@]}` their count, and `$a` the first. At most 32 arrays of 256 elements.
extension ShellAnalyzer {
    static let maxArrays = 32
    static let maxArrayElements = 256

    /// The elements of `a=(…)` when `word` is an array literal, expanded; nil otherwise.
    mutating func arrayElements(_ word: ShellWord, depth: Int, privileged: Bool) -> (elements: [String], isStatic: Bool, labels: DataLabels)? {
        guard word.parts.count == 1, case .literal(let text) = word.parts[0], text.hasPrefix("("), text.hasSuffix(")"), text.utf8.count >= 2 else { return nil }
        let inner = String(text.dropFirst().dropLast())
        let parsed = ShellParser.parse(": " + inner)
        guard parsed.errors.isEmpty, parsed.script.items.count == 1, let command = parsed.script.items.first?.pipeline.commands.first,
            parsed.script.items[0].pipeline.commands.count == 1, command.redirects.isEmpty
        else { return nil }
        var elements: [String] = []
        var isStatic = true
        var labels: DataLabels = []
        for word in command.words.dropFirst() {
            let r = resolve(word, depth: depth, privileged: privileged, split: true)
            elements.append(contentsOf: r.fields)
            isStatic = isStatic && r.isStatic
            labels.formUnion(r.labels)
        }
        if elements.count > Self.maxArrayElements {
            elements.removeLast(elements.count - Self.maxArrayElements)
            truncated = true
        }
        return (elements, isStatic, labels)
    }

    /// Records an array assignment (`+=` appends). Unknown elements make the array unknown.
    mutating func assignArray(_ name: String, elements: [String], isStatic: Bool, labels: DataLabels, append: Bool) {
        let target = namerefs[name] ?? name
        guard arrays[target] != nil || arrays.count < Self.maxArrays else { return }
        guard isStatic else {
            arrays[target] = nil
            variables[target] = (nil, labels)
            return
        }
        var all = append ? (arrays[target] ?? variables[target]?.text.map { [$0] } ?? []) + elements : elements
        if all.count > Self.maxArrayElements { all.removeLast(all.count - Self.maxArrayElements) }
        arrays[target] = all
        variables[target] = (all.first ?? "", labels.union(append ? variables[target]?.labels ?? [] : []))
    }

    /// `${a[@]}`, `${a[*]}`, `${a[N]}`, `${#a[@]}` of a known array; nil when `name` is none.
    func arrayParameter(_ name: String, modifier: String?) -> String? {
        if name.hasPrefix("#"), let elements = arrays[String(name.dropFirst())], modifier == "[@]" || modifier == "[*]" {
            return String(elements.count)
        }
        guard let elements = arrays[name], let modifier, modifier.hasPrefix("["), modifier.hasSuffix("]") else { return nil }
        let index = modifier.dropFirst().dropLast()
        if index == "@" || index == "*" { return elements.joined(separator: " ") }
        guard let n = Int(index) else { return nil }
        let i = n < 0 ? elements.count + n : n
        return elements.indices.contains(i) ? elements[i] : ""
    }
}
