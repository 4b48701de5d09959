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
        var flow = DataFlow()
        for body in bodies {
            let f = withArguments(inv) { $0.runScript(body, origin: .wrapper, inv: inv, privileged: inv.privileged, stdin: inv) }
            flow.labels.formUnion(f.labels)
            flow.text = f.text
            flow.fragments = f.fragments
        }
        activeFunctions.remove(name)
        return flow
    }

    /// Runs `body` with the positional parameters bound to `inv`'s arguments after the first
    /// `skipped` ones (missing ones empty), then restores the caller's.
    mutating func withArguments(_ inv: CommandInvocation, dropping skipped: Int = 0, _ body: (inout ShellAnalyzer) -> DataFlow) -> DataFlow {
        let saved = Self.positionalNames.map { variables[$0] }
        let (savedPositional, savedLabels) = (positional, positionalLabels)
        let arguments = Array(inv.arguments.dropFirst(skipped))
        bindPositional(arguments, labels: (0..<min(arguments.count, 9)).map { inv.argumentLabels[$0 + 1 + skipped] ?? [] })
        let flow = body(&self)
        (positional, positionalLabels) = (savedPositional, savedLabels)
        for (name, value) in zip(Self.positionalNames, saved) { variables[name] = value }
        return flow
    }

    static let positionalNames = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "@", "*"]

    /// At most this many positional parameters of at most `maxPositionalBytes` in all are kept
    /// (`set $@ $@` doubles them); past either, the rest are unknown and the analysis truncated.
    static let maxPositional = 256
    static let maxPositionalBytes = 64 << 10

    /// Sets `$1…$9` (missing ones empty), `$@` and `$*`; `labels[i]` belongs to `arguments[i]`.
    mutating func bindPositional(_ all: [String], labels: [DataLabels]) {
        var arguments = all.count > Self.maxPositional ? Array(all.prefix(Self.maxPositional)) : all
        var bytes = 0
        if let cut = arguments.firstIndex(where: { bytes += $0.utf8.count; return bytes > Self.maxPositionalBytes }) {
            arguments.removeSubrange(cut...)
        }
        if arguments.count < all.count { truncated = true }
        let all = labels.reduce(into: DataLabels()) { $0.formUnion($1) }
        for (index, name) in Self.positionalNames.prefix(9).enumerated() {
            variables[name] = index < arguments.count ? (arguments[index], index < labels.count ? labels[index] : all) : ("", [])
        }
        variables["@"] = (arguments.joined(separator: " "), all)
        variables["*"] = variables["@"]
        positional = arguments
        positionalLabels = all
    }

    /// Bodies of functions never called are judged once, as written (arguments unknown),
    /// including functions that those bodies define (`f(){ g(){ rm -rf /; }; }`).
    mutating func judgeUncalledFunctions() {
        while let (name, bodies) = functionBodies.filter({ !calledFunctions.contains($0.key) }).min(by: { $0.key < $1.key }) {
            calledFunctions.insert(name)
            activeFunctions.insert(name)
            for body in bodies { judgeAsWritten(body) }
            activeFunctions.remove(name)
        }
    }

    /// `alias x='rm -rf'`: a later `x ~` runs `rm -rf ~` where the shell expands aliases (an
    /// interactive shell, or `shopt -s expand_aliases`). Both readings are judged: the alias text
    /// followed by the arguments, and the command as written.
    mutating func defineAlias(_ inv: CommandInvocation) -> DataFlow? {
        for (index, argument) in inv.arguments.enumerated() where !argument.hasPrefix("-") && !inv.dynamicArguments.contains(index + 1) {
            guard let eq = argument.firstIndex(of: "="), aliases.count < 32 else { continue }
            let name = String(argument[..<eq]), text = String(argument[argument.index(after: eq)...])
            guard !name.isEmpty, !text.isEmpty else { continue }
            var texts = aliases[name] ?? []
            if texts.count < 4, !texts.contains(text) { texts.append(text) }
            aliases[name] = texts
        }
        return DataFlow()
    }

    /// Runs the aliases of `inv`'s command word with its arguments.
    mutating func callAlias(_ texts: [String], _ inv: CommandInvocation) -> DataFlow {
        calledFunctions.insert("alias " + inv.argv[0])
        return callFunction(texts.map { $0 + " \"$@\"" }, inv)
    }

    /// Code never run with arguments (an uncalled function's body, an unused alias), judged once.
    mutating func judgeAsWritten(_ code: String) {
        guard invocations.count < Self.maxInvocations else { return }
        let parsed = ShellParser.parse(code)
        if parsed.hitLimit { truncated = true }
        reportSyntax(parsed.errors, source: code, nested: true)
        registerFunctions(parsed)
        _ = analyze(parsed.script, origin: .topLevel, depth: 1, privileged: false, stdin: .none)
    }

    /// Aliases never used are judged once, as written.
    mutating func judgeUnusedAliases() {
        for (name, texts) in aliases.sorted(by: { $0.key < $1.key }) where !calledFunctions.contains("alias " + name) {
            for text in texts { judgeAsWritten(text) }
        }
    }

    /// `shift [n]` inside a function or script: `$1` becomes the next argument.
    mutating func shiftArguments(_ inv: CommandInvocation) -> DataFlow? {
        guard var arguments = positional else { return DataFlow() }
        let n = inv.arguments.first.flatMap { Int($0) } ?? 1
        arguments.removeFirst(min(max(n, 0), arguments.count))
        bindPositional(arguments, labels: Array(repeating: positionalLabels, count: min(arguments.count, 9)))
        return DataFlow()
    }
}
