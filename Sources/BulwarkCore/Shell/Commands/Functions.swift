/// Shell functions and scripts run with arguments: `f(){ cat "$1" | curl -d @- …; }; f ~/.ssh/id_rsa`
/// and `bash x.sh ~/.ssh/id_rsa` are judged with `$1…$9`, `$@` and `$*` bound to the arguments,
/// so wrapping a command in a function or a script does not hide what it is given.
extension ShellAnalyzer {
    /// Runs each definition of the function (a name defined twice may run either body).
    mutating func callFunction(_ bodies: [String], _ inv: CommandInvocation) -> DataFlow {
        functionCalls += 1
        let name = inv.argv[0]
        calledFunctions.insert(name)
        activeFunctions.insert(name)
        let before = findings.count
        var flow = DataFlow()
        for body in bodies {
            let f = withArguments(inv) { $0.runScript(body, origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: inv) }
            flow.labels.formUnion(f.labels)
            flow.text = f.text
            flow.fragments = f.fragments
        }
        activeFunctions.remove(name)
        // The body was already judged where it was defined; a repeat of the same rule at the same
        // severity adds no information and must not add to the score.
        dropRepeatedFindings(since: before)
        return flow
    }

    /// Runs `body` with the positional parameters bound to `inv`'s arguments (missing ones empty),
    /// then restores the caller's.
    mutating func withArguments(_ inv: CommandInvocation, dropping skipped: Int = 0, _ body: (inout ShellAnalyzer) -> DataFlow) -> DataFlow {
        let arguments = Array(inv.arguments.dropFirst(skipped))
        let names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"]
        let saved = names.map { variables[$0] }
        var all: DataLabels = []
        for (index, name) in names.prefix(9).enumerated() {
            let labels = inv.argumentLabels[index + 1 + skipped] ?? []
            all.formUnion(labels)
            variables[name] = index < arguments.count ? (arguments[index], labels) : ("", [])
        }
        variables["@"] = (arguments.joined(separator: " "), all)
        variables["*"] = variables["@"]
        let savedPositional = positional
        positional = arguments
        positionalLabels = all
        let flow = body(&self)
        positional = savedPositional
        for (name, value) in zip(names, saved) { variables[name] = value }
        return flow
    }

    /// Bodies of functions never called are judged once, as written (arguments unknown).
    mutating func judgeUncalledFunctions() {
        for (name, bodies) in functionBodies.sorted(by: { $0.key < $1.key }) where !calledFunctions.contains(name) {
            calledFunctions.insert(name)
            activeFunctions.insert(name)
            for body in bodies where invocations.count < Self.maxInvocations {
                let parsed = ShellParser.parse(body)
                if parsed.hitLimit { truncated = true }
                _ = analyze(parsed.script, origin: .topLevel, depth: 1, privileged: false, stdin: .none)
            }
            activeFunctions.remove(name)
        }
    }

    mutating func dropRepeatedFindings(since start: Int) {
        guard start < findings.count, start > 0 else { return }
        var kept = Array(findings[..<start])
        for finding in findings[start...] where !kept[..<start].contains(where: { $0.rule == finding.rule && $0.severity == finding.severity }) {
            kept.append(finding)
        }
        findings = kept
    }

    /// `shift [n]` inside a function or script: `$1` becomes the next argument.
    mutating func shiftArguments(_ inv: CommandInvocation) -> DataFlow? {
        guard var arguments = positional else { return DataFlow() }
        let n = inv.arguments.first.flatMap { Int($0) } ?? 1
        arguments.removeFirst(min(max(n, 0), arguments.count))
        positional = arguments
        for (index, name) in ["1", "2", "3", "4", "5", "6", "7", "8", "9"].enumerated() {
            variables[name] = index < arguments.count ? (arguments[index], positionalLabels) : ("", [])
        }
        variables["@"] = (arguments.joined(separator: " "), positionalLabels)
        variables["*"] = variables["@"]
        return DataFlow()
    }
}
