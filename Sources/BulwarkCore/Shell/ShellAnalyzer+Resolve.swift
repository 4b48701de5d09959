/// A word after expansion: usually one field, several after unquoted splitting or brace expansion.
struct ResolvedWord {
    var fields: [String]
    var isStatic: Bool
    var labels: DataLabels
}

extension ShellAnalyzer {
    /// Expands `word` the way the shell would, as far as it is statically known. Substitutions
    /// are analyzed (their commands run too) and their labels attached to the word.
    mutating func resolve(_ word: ShellWord, depth: Int, privileged: Bool, split: Bool) -> ResolvedWord {
        var out = ResolvedWord(fields: [""], isStatic: true, labels: [])
        var sawContent = false
        for part in word.parts {
            switch part {
            case .literal(let s):
                out.fields[out.fields.count - 1] += s
                sawContent = true
            case .quoted(let s):
                out.fields[out.fields.count - 1] += s
                sawContent = true
            case .doubleQuoted(let parts):
                sawContent = true
                for inner in parts {
                    // `"$@"` in a function call: one field per argument.
                    if split, let positional, case .parameter("@", let modifier) = inner, modifier?.isEmpty ?? true {
                        for (k, argument) in positional.enumerated() {
                            if k == 0 { out.fields[out.fields.count - 1] += argument } else { out.fields.append(argument) }
                        }
                        out.labels.formUnion(positionalLabels)
                        continue
                    }
                    // `"${a[@]}"`: one field per element.
                    if split, !arrays.isEmpty, case .parameter(let name, "[@]") = inner, let elements = arrays[namerefs[name] ?? name] {
                        for (k, element) in elements.enumerated() {
                            if k == 0 { out.fields[out.fields.count - 1] += element } else { out.fields.append(element) }
                        }
                        out.labels.formUnion(variables[namerefs[name] ?? name]?.labels ?? [])
                        continue
                    }
                    let (text, isStatic, labels) = expand(inner, depth: depth, privileged: privileged)
                    out.fields[out.fields.count - 1] += text
                    out.isStatic = out.isStatic && isStatic
                    out.labels.formUnion(labels)
                }
            default:
                let (text, isStatic, labels) = expand(part, depth: depth, privileged: privileged)
                out.isStatic = out.isStatic && isStatic
                out.labels.formUnion(labels)
                if split, isStatic {
                    appendSplitting(text, to: &out.fields)
                } else {
                    out.fields[out.fields.count - 1] += text
                }
                if !text.isEmpty { sawContent = true }
            }
        }
        if out.fields.last == "", out.fields.count > 1 { out.fields.removeLast() }
        if !sawContent, out.fields == [""], split, word.parts.allSatisfy({ if case .parameter = $0 { true } else { false } }) {
            // An unquoted expansion to nothing vanishes.
            out.fields = []
        }
        if split, word.parts.count == 1, case .literal(let s) = word.parts[0], s.contains("{"), s.contains(",") {
            let (fields, complete) = BraceExpansion.expand(s)
            out.fields = fields
            if !complete {
                add("shell.brace_limit", .medium, .malformed, "Brace expansion exceeds what the analyzer follows (\(BraceExpansion.limit) words, \(BraceExpansion.maxGroups) groups); the rest is unseen", evidence: s)
            }
        }
        return out
    }

    /// Unquoted expansions are split on `$IFS`, whitespace by default (`cat${IFS}/etc/passwd` is
    /// two words; after `IFS=_`, `$c` holding `rm_-rf_/` is three).
    func appendSplitting(_ text: String, to fields: inout [String]) {
        var current = fields.removeLast()
        var pieceStarted = false
        let ifs = variables["IFS"].map { $0.text ?? " \t\n" }
        for ch in text.unicodeScalars {
            let separates = ifs.map { $0.unicodeScalars.contains(ch) } ?? (ch == " " || ch == "\t" || ch == "\n")
            if separates {
                if !current.isEmpty || pieceStarted { fields.append(current) }
                current = ""
                pieceStarted = false
            } else {
                current.unicodeScalars.append(ch)
                pieceStarted = true
            }
        }
        fields.append(current)
    }

    /// Expands one part; returns its text, whether it is statically known, and its labels.
    mutating func expand(_ part: ShellWordPart, depth: Int, privileged: Bool) -> (String, Bool, DataLabels) {
        switch part {
        case .literal(let s), .quoted(let s):
            return (s, true, [])
        case .doubleQuoted(let parts):
            var text = "", isStatic = true, labels: DataLabels = []
            for p in parts {
                let (t, s, l) = expand(p, depth: depth, privileged: privileged)
                text += t
                isStatic = isStatic && s
                labels.formUnion(l)
            }
            return (text, isStatic, labels)
        case .parameter(let name, let modifier):
            return parameter(name, modifier: modifier)
        case .commandSubstitution(let script):
            guard depth < Self.maxDepth else { truncated = true; return ("$(…)", false, []) }
            let flow = analyze(script, origin: .substitution, depth: depth + 1, privileged: privileged, stdin: .none)
            if var text = flow.text {
                while text.hasSuffix("\n") { text.removeLast() }
                return (text, true, flow.labels)
            }
            return ("$(…)", false, flow.labels)
        case .processSubstitution(let script, let output):
            guard depth < Self.maxDepth else { truncated = true; return ("/dev/fd/63", false, []) }
            let flow = analyze(script, origin: .substitution, depth: depth + 1, privileged: privileged, stdin: .none)
            let path = output ? "/dev/fd/62" : "/dev/fd/63"
            // `source <(echo …)`, `bash <(printf …)`: the file read is what the commands print.
            if !output { recordWrittenText(flow.text ?? flow.fragments, path: path, append: false) }
            return (path, false, flow.labels)
        case .arithmetic:
            return ("0", false, [])
        }
    }

    func parameter(_ name: String, modifier: String?) -> (String, Bool, DataLabels) {
        var value: String?
        var labels: DataLabels = []
        var lookupName = name
        if name.hasPrefix("!"), let target = variables[String(name.dropFirst())]?.text {
            lookupName = target
        }
        // Name references (`declare -n`), followed a bounded number of times.
        for _ in 0..<8 {
            guard let target = namerefs[lookupName] else { break }
            lookupName = target
        }
        if let known = variables[lookupName] {
            value = known.text
            labels = known.labels
        } else {
            switch lookupName {
            case "HOME": value = context.home ?? "~"
            case "PWD": value = context.cwd
            case "IFS": value = " "
            case "SHELL": value = "/bin/bash"
            default: value = nil
            }
        }
        if !arrays.isEmpty, let text = arrayParameter(namerefs[name] ?? name, modifier: modifier) { return (text, true, labels) }
        if name.hasPrefix("#") {
            // `${#x}`: the length of a known value.
            if name.utf8.count > 1, let text = variables[String(name.dropFirst())]?.text { return (String(text.count), true, []) }
            return ("0", false, labels)
        }
        guard let modifier, !modifier.isEmpty else {
            return value.map { ($0, true, labels) } ?? ("${\(name)}", false, labels)
        }
        // ${x:-default} ${x-default} ${x:=default}
        for op in [":-", ":=", "-", "="] where modifier.hasPrefix(op) {
            if let value, !(op.hasPrefix(":") && value.isEmpty) { return (value, true, labels) }
            return (String(modifier.dropFirst(op.count)), true, labels)
        }
        if let value {
            // ${x:offset:length}
            if modifier.hasPrefix(":") {
                let spec = modifier.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
                if let offset = Int(spec[0].trimmingSpaces), offset >= 0 {
                    let chars = Array(value)
                    let start = min(offset, chars.count)
                    var end = chars.count
                    if spec.count > 1, let length = Int(spec[1].trimmingSpaces), length >= 0 { end = start + min(length, chars.count - start) }
                    return (String(chars[start..<end]), true, labels)
                }
            }
        }
        // A scalar read as an array: `${a[@]}`, `${a[0]}` are its value.
        if let value, modifier == "[@]" || modifier == "[*]" || modifier == "[0]" { return (value, true, labels) }
        if let rewritten = ParameterExpansion.apply(modifier, to: value) { return (rewritten, true, labels) }
        return ("${\(name)\(modifier)}", false, labels)
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Bash brace expansion of comma lists: `{rm,-rf,/}` → `rm -rf /`, `a{b,c}d` → `abd acd`.
/// Bounded: at most `limit` results, words up to `maxLength` bytes, one left-to-right pass per group.
enum BraceExpansion {
    static let limit = 64
    static let maxLength = 4096
    static let maxGroups = 8

    /// The expanded words, and whether the expansion is complete (false when a bound cut it).
    static func expand(_ word: String) -> ([String], Bool) {
        guard word.utf8.count <= maxLength else { return ([word], false) }
        var results = [""]
        var chars = Substring(word)
        var groups = 0
        var complete = true
        while !chars.isEmpty {
            guard let (open, close, options) = firstList(chars) else {
                results = results.map { $0 + chars }
                break
            }
            guard groups < maxGroups else {
                complete = false
                results = results.map { $0 + chars }
                break
            }
            groups += 1
            let prefix = chars[..<open]
            var next: [String] = []
            outer: for r in results {
                for option in options {
                    if next.count >= limit { complete = false; break outer }
                    next.append(r + prefix + option)
                }
            }
            results = next
            chars = chars[chars.index(after: close)...]
        }
        return (results, complete)
    }

    /// The first `{…,…}` group at nesting level one: its braces and its options. Linear.
    private static func firstList(_ chars: Substring) -> (Substring.Index, Substring.Index, [Substring])? {
        var i = chars.startIndex
        var previous: Character = " "
        while i < chars.endIndex {
            if chars[i] == "{", previous != "$" {
                var level = 0
                var j = i
                var optionStart = chars.index(after: i)
                var options: [Substring] = []
                while j < chars.endIndex {
                    let c = chars[j]
                    if c == "{" {
                        level += 1
                    } else if c == "}" {
                        level -= 1
                        if level == 0 { break }
                    } else if c == ",", level == 1 {
                        options.append(chars[optionStart..<j])
                        optionStart = chars.index(after: j)
                    }
                    j = chars.index(after: j)
                }
                if j < chars.endIndex, !options.isEmpty {
                    options.append(chars[optionStart..<j])
                    return (i, j, options)
                }
                // Unclosed or without commas: nothing to expand from here on.
                return nil
            }
            previous = chars[i]
            i = chars.index(after: i)
        }
        return nil
    }
}
