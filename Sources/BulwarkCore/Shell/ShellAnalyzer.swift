/// Walks a parsed script as the shell would run it, expanding words, following data through
/// pipes, substitutions and variables, and recursing into the commands that other commands run.
/// Rules (in `Commands/`) are called for each resolved `CommandInvocation`.
struct ShellAnalyzer {
    static let maxInvocations = 4096
    static let maxVariableBytes = 64 << 10
    /// Above this size a command line that does not parse is refused rather than judged on fragments.
    static let maxMalformedBytes = 4096
    static let maxDepth = 12

    /// Where the script runs; `cd` updates it for the commands that follow.
    var context: ShellContext
    var invocations: [CommandInvocation] = []
    var findings: [Finding] = []
    /// Variables assigned so far: their text when static, and the labels of their data.
    var variables: [String: (text: String?, labels: DataLabels)] = [:]
    /// `declare -n ref=name` name references (at most 32).
    var namerefs: [String: String] = [:]
    /// Arrays assigned with `a=(…)` (see `Arrays.swift`).
    var arrays: [String: [String]] = [:]
    /// Files written during the script, with the labels of what was written (downloads…).
    var fileLabels: [String: DataLabels] = [:]
    /// Text written to files earlier in the script (`echo … > /tmp/x.sh`), judged when the file
    /// is run, sourced or installed as a crontab. At most 16 files of 64 KiB.
    var writtenTexts: [String: String] = [:]
    /// Where archives were extracted with a password (`unzip -P … -d DIR`), at most 8.
    var decryptedDirectories: [String] = []
    var runningScripts: Set<String> = []
    var writtenScriptRuns = 0
    var truncated = false
    var normalizer: PathNormalizer
    /// Home and working directory for path classification, made on first use (many commands
    /// classify no path) and again after `cd`.
    var pathScope: PathScope {
        mutating get {
            if let scopeCache { return scopeCache }
            let scope = PathScope(home: context.home, cwd: context.cwd)
            scopeCache = scope
            return scope
        }
    }
    var scopeCache: PathScope? = nil
    /// Per-analysis memo of path verdicts and file-rule results: scripts touch the same paths often.
    var pathMemo: [String: PathCatalogue.Verdict] = [:]
    /// Functions the script defines (for fork-bomb detection).
    var functionNames: Set<String> = []
    /// Function bodies by name (every definition, at most 4), judged at each call with its
    /// arguments (at most 16 calls).
    var functionBodies: [String: [String]] = [:]
    var functionCalls = 0
    /// Interpreter programs judged, and how deep `eval("…")` nesting is.
    var codeJudgements = 0
    var codeDepth = 0
    /// `alias name=text` definitions (at most 32 names, 4 texts each).
    var aliases: [String: [String]] = [:]
    /// The arguments of the function call being judged (`"$@"`), and the functions on the call stack.
    var positional: [String]? = nil
    var positionalLabels: DataLabels = []
    var activeFunctions: Set<String> = []
    var calledFunctions: Set<String> = []
    var fileRuleMemo: [FileRuleKey: [Finding]] = [:]
    /// Whether a `cd` moved into a credential store or a system directory (bare names there matter).
    var cwdIsSensitive = false
    /// What the commands touch, for policies (bounded).
    var touchedURLs: [URLFacet] = []
    var touchedFiles: [FileAccess] = []
    /// The last rule and raw evidence recorded (or found a duplicate), for `add`'s fast path.
    var lastEvidence: (rule: RuleID, text: String)? = nil

    init(context: ShellContext, normalizer: PathNormalizer? = nil) {
        self.context = context
        self.normalizer = normalizer ?? PathNormalizer(cwd: context.cwd, home: context.home)
    }

    // MARK: Findings

    /// Records a finding unless the same rule already holds the same evidence. The message is
    /// only formatted for a finding that is kept.
    mutating func add(_ rule: RuleID, _ severity: Severity, score: Int? = nil, _ category: ImpactCategory, _ message: @autoclosure () -> String, evidence: String) {
        if findings.contains(where: { $0.rule == rule }) {
            // Commands over many operands repeat one rule with one evidence: skip the clip.
            if let last = lastEvidence, last.rule == rule, last.text == evidence { return }
            let clipped = Finding.clip(evidence)
            if findings.contains(where: { $0.rule == rule && $0.evidence == clipped }) {
                lastEvidence = (rule, evidence)
                return
            }
        }
        if findings.count >= 64 { return }
        findings.append(Finding(layer: .impact, rule: rule, severity: severity, score: score, message: message(), evidence: evidence, category: category))
        lastEvidence = (rule, evidence)
    }

    /// Reports the parse errors of `source`: the command line, or (`nested`) code it runs through
    /// `bash -c`, `eval`, a function body or a written script.
    mutating func reportSyntax(_ errors: [ShellSyntaxError], source: String, nested: Bool = false) {
        guard let first = errors.first else { return }
        let what = nested ? "shell code it runs" : "command line"
        if errors.contains(where: { $0.kind == .tooDeep || $0.kind == .tooLarge }) || truncated {
            add("shell.too_complex", .critical, .malformed, "The \(what) exceeds the analyzer's limits (\(first.kind.rawValue)); it cannot be judged and is refused", evidence: source)
        } else if source.utf8.count > Self.maxMalformedBytes {
            add("shell.syntax_error", .critical, .malformed, "The \(what) (\(source.utf8.count) bytes) does not parse (\(first.kind.rawValue) at byte \(first.offset)); too large to judge on fragments, refused", evidence: source)
        } else {
            add("shell.syntax_error", .medium, .malformed, "The \(what) does not parse (\(first.kind.rawValue) at byte \(first.offset)); it was judged on what could be read", evidence: source)
        }
    }

    // MARK: Scripts and pipelines

    mutating func analyze(_ script: ShellScript, origin: CommandInvocation.Origin, depth: Int, privileged: Bool, stdin: DataFlow) -> DataFlow {
        var output = DataFlow()
        var texts: [String] = []
        var allStatic = true
        var previous = ShellListItem.Connector.sequence
        for item in script.items {
            let flow = analyze(item.pipeline, origin: origin, depth: depth, privileged: privileged, stdin: stdin, background: item.connector == .background)
            output.labels.formUnion(flow.labels)
            // `a || b` prints a's output when a succeeds: statically, take the first alternative.
            if previous != .or {
                if let t = flow.text { texts.append(t) } else { allStatic = false }
            }
            if flow.text == nil, let fragments = flow.fragments { texts.append(fragments) }
            previous = item.connector
        }
        output.text = allStatic && !texts.isEmpty ? texts.joined() : nil
        if output.text == nil, !texts.isEmpty { output.fragments = texts.joined() }
        return output
    }

    mutating func analyze(_ pipeline: ShellPipeline, origin: CommandInvocation.Origin, depth: Int, privileged: Bool, stdin: DataFlow, background: Bool) -> DataFlow {
        checkForkBomb(pipeline)
        var upstream = stdin
        let count = pipeline.commands.count
        for (index, command) in pipeline.commands.enumerated() {
            let pipedOut = index < count - 1
            var flow: DataFlow
            switch command.kind {
            case .subshell(let inner), .group(let inner):
                // `while read l; do …; done < file`, `{ …; } < file`: the file is read by the body.
                let redirects = resolveRedirects(command.redirects, depth: depth, privileged: privileged)
                let input = inputFlow(redirects, stdin: upstream)
                flow = analyze(inner, origin: origin, depth: depth, privileged: privileged, stdin: input)
                flow = applyOutputRedirects(redirects, flow: flow, writer: "subshell")
            case .simple:
                flow = analyzeSimple(command, origin: origin, depth: depth, privileged: privileged, stdin: upstream, stdoutIsPipe: pipedOut, background: background)
            }
            flow.isPipe = true
            upstream = flow
        }
        upstream.isPipe = false
        return upstream
    }

    /// `:(){ :|:& };:`: a function that pipes into itself.
    mutating func checkForkBomb(_ pipeline: ShellPipeline) {
        guard pipeline.commands.count >= 2, !functionNames.isEmpty else { return }
        var name: String? = nil
        for command in pipeline.commands {
            guard case .simple = command.kind, let first = command.words.first, first.parts.count == 1,
                case .literal(let text) = first.parts[0], functionNames.contains(text), name == nil || name == text
            else { return }
            name = text
        }
        add("shell.impact.fork_bomb", .critical, .resourceExhaustion, "Defines a function that pipes into itself (a fork bomb)", evidence: "\(name ?? ""): \(name ?? "")|\(name ?? "")")
    }

    // MARK: Simple commands

    mutating func analyzeSimple(
        _ command: ShellCommand, origin: CommandInvocation.Origin, depth: Int, privileged: Bool, stdin: DataFlow,
        stdoutIsPipe: Bool, background: Bool
    ) -> DataFlow {
        if invocations.count >= Self.maxInvocations {
            truncated = true
            return DataFlow()
        }
        var environment: [(name: String, value: String)] = []
        var assigned: [(String, String?, DataLabels)] = []
        for assignment in command.assignments {
            if let array = arrayElements(assignment.value, depth: depth, privileged: privileged) {
                // Arrays are shell state: only a plain assignment (no command after it) keeps them.
                if command.words.isEmpty {
                    assignArray(assignment.name, elements: array.elements, isStatic: array.isStatic, labels: array.labels, append: assignment.append)
                }
                continue
            }
            let value = resolve(assignment.value, depth: depth, privileged: privileged, split: false)
            // Values past 64 KiB are kept unknown: `a=$a$a` repeated would double them each time.
            var joined = value.fields.joined(separator: " ")
            var isStatic = value.isStatic
            var labels = value.labels
            if assignment.append, let previous = variables[namerefs[assignment.name] ?? assignment.name] {
                // `c=r; c+=m`: the value so far, then the new text (unset counts as empty).
                joined = (previous.text ?? "") + joined
                isStatic = isStatic && previous.text != nil
                labels.formUnion(previous.labels)
            }
            let tooLarge = joined.utf8.count > Self.maxVariableBytes
            if tooLarge { joined = "" }
            let text = isStatic && !tooLarge ? joined : nil
            assigned.append((assignment.name, text, labels))
            environment.append((assignment.name, joined))
        }
        var argv: [String] = []
        var dynamic: Set<Int> = []
        var argLabels: [Int: DataLabels] = [:]
        var dynamicName = false
        for (wordIndex, word) in command.words.enumerated() {
            let r = resolve(word, depth: depth, privileged: privileged, split: true)
            if wordIndex == 0, !r.isStatic { dynamicName = true }
            for field in r.fields {
                if !r.isStatic { dynamic.insert(argv.count) }
                if !r.labels.isEmpty { argLabels[argv.count] = r.labels }
                argv.append(field)
            }
            if r.fields.isEmpty, wordIndex == 0 { dynamicName = !r.isStatic }
        }
        let redirects = resolveRedirects(command.redirects, depth: depth, privileged: privileged)

        if argv.isEmpty {
            // Plain assignments persist in the shell; prefix assignments on an empty command too.
            for (name, text, labels) in assigned {
                variables[namerefs[name] ?? name] = (text, labels)
                if !arrays.isEmpty { arrays[namerefs[name] ?? name] = nil }  // a scalar now
            }
            checkAssignments(environment, evidenceSuffix: "")
            // `done < file`, `} < file`: a loop or group's body reads the file (judged here).
            _ = inputFlow(redirects, stdin: stdin)
            return applyOutputRedirects(redirects, flow: DataFlow(), writer: "redirection")
        }

        let input = inputFlow(redirects, stdin: stdin, reader: argv[0])

        var invocation = CommandInvocation(
            argv: argv, name: commandName(argv[0]), dynamicName: dynamicName, dynamicArguments: dynamic,
            argumentLabels: argLabels, redirects: redirects, environment: environment, origin: origin, depth: depth,
            privileged: privileged, stdinLabels: input.labels, stdinText: input.text, stdinFragments: input.text ?? input.fragments, stdinIsPipe: input.isPipe,
            stdoutIsPipe: stdoutIsPipe, background: background)
        if dynamicName, let nameLabels = argLabels[0], !nameLabels.isEmpty {
            invocation.argumentLabels[0] = nameLabels
        }
        invocations.append(invocation)
        checkAssignments(environment, evidenceSuffix: " " + invocation.text)
        // Only a command word the shell itself runs can call a function: `sudo rm`, `xargs rm`,
        // `command rm` and `find -exec rm` run the program (their children never come here).
        var flow: DataFlow
        if !functionBodies.isEmpty, !dynamicName, let bodies = functionBodies[argv[0]], !activeFunctions.contains(argv[0]), functionCalls < 16 {
            flow = callFunction(bodies, invocation)
        } else {
            flow = evaluate(invocation)
        }
        if !aliases.isEmpty, !dynamicName, let texts = aliases[argv[0]], !activeFunctions.contains(argv[0]), functionCalls < 16 {
            flow.labels.formUnion(callAlias(texts, invocation).labels)
        }
        checkSocketRedirects(invocation, flow: flow)
        flow = applyOutputRedirects(redirects, flow: flow, writer: invocation.name)
        // Keep declared variables (`export a=rm`, `declare x=…`, `read`) visible to later commands.
        if Self.declarations.contains(invocation.name) {
            // `declare -n ref=name`: a name reference; reading or assigning `ref` uses `name`.
            let reference = invocation.name != "export" && invocation.name != "readonly"
                && invocation.arguments.contains { $0.hasPrefix("-") && $0.contains("n") }
            for arg in invocation.arguments where !arg.hasPrefix("-") {
                if let eq = arg.firstIndex(of: "=") {
                    let name = String(arg[..<eq])
                    let value = String(arg[arg.index(after: eq)...])
                    if reference {
                        if namerefs.count < 32, value.utf8.first.map(isNameStart) == true, value.utf8.allSatisfy(isNameChar) { namerefs[name] = value }
                    } else {
                        variables[namerefs[name] ?? name] = (value, argLabels.values.reduce([], { $0.union($1) }))
                    }
                }
            }
        }
        return flow
    }

    // MARK: Redirections

    /// What a command reads on stdin after its input redirections (`< file`, heredocs); a file
    /// redirected in is judged as read, by `reader` when the command has a name.
    mutating func inputFlow(_ redirects: [ResolvedRedirect], stdin: DataFlow, reader: String? = nil) -> DataFlow {
        var input = stdin
        for r in redirects {
            switch r.op {
            case .input, .readWrite:
                let path = normalizer.normalize(r.target)
                input = DataFlow(labels: r.labels.union(labelsForReading(path)), text: nil, fragments: nil, isPipe: false)
                if r.op == .input, Self.looksLikePath(r.target) {
                    fileAccess(raw: r.target, path: path, mode: .read, evidence: reader.map { "\($0) < \(r.target)" } ?? "< \(r.target)")
                }
            case .heredoc, .herestring:
                input = DataFlow(labels: r.labels, text: r.body, fragments: nil, isPipe: false)
            default:
                break
            }
        }
        return input
    }

    mutating func resolveRedirects(_ redirects: [ShellRedirect], depth: Int, privileged: Bool) -> [ResolvedRedirect] {
        var out: [ResolvedRedirect] = []
        for redirect in redirects {
            let target = resolve(redirect.target, depth: depth, privileged: privileged, split: false)
            var body: String? = nil
            var labels = target.labels
            if let heredoc = redirect.heredoc {
                let r = resolve(heredoc, depth: depth, privileged: privileged, split: false)
                body = r.fields.joined()
                labels.formUnion(r.labels)
            } else if redirect.op == .herestring {
                body = target.fields.joined(separator: " ") + "\n"
            }
            out.append(ResolvedRedirect(
                fd: redirect.fd, op: redirect.op, target: target.fields.joined(separator: " "), targetIsStatic: target.isStatic,
                labels: labels, body: body))
        }
        return out
    }

    /// Applies `>`/`>>` redirections: file writes are judged, and the output no longer flows on.
    mutating func applyOutputRedirects(_ redirects: [ResolvedRedirect], flow: DataFlow, writer: String) -> DataFlow {
        var flow = flow
        for r in redirects {
            switch r.op {
            case .output, .append, .clobber, .outputAll, .appendAll, .readWrite:
                if r.target.hasPrefix("/dev/tcp/") || r.target.hasPrefix("/dev/udp/") { continue }
                if r.target == "/dev/null" || r.target == "/dev/stdout" || r.target == "/dev/stderr" || r.target.hasPrefix("&") { continue }
                let path = normalizer.normalize(r.target)
                if r.fd == 2 { continue }
                let mode: FileAccessMode = (r.op == .append || r.op == .appendAll) ? .append : .write
                let evidence = writer + " " + r.op.rawValue + " " + r.target
                fileAccess(raw: r.target, path: path, mode: mode, evidence: evidence)
                // `0> x`, `3> x` open (and truncate) x on another descriptor: stdout's text does not go there.
                let carriesStdout = r.fd == nil || r.fd == 1
                if carriesStdout, let text = flow.text ?? flow.fragments { checkPlantedPayload(text, path: r.target, normalized: path, evidence: evidence) }
                judgeOverwrite(path, mode: mode, labels: carriesStdout ? flow.labels : [], evidence: evidence)
                guard carriesStdout else { continue }
                if !flow.labels.isEmpty { fileLabels[path, default: []].formUnion(flow.labels) }
                recordWrittenText(flow.text ?? flow.fragments, path: path, append: mode == .append)
                flow = DataFlow()
            default:
                continue
            }
        }
        return flow
    }

    // MARK: Helpers shared by the rules

    /// Builtins that declare variables (`export a=rm`, `declare x=…`).
    static let declarations: Set<String> = ["export", "declare", "typeset", "local", "readonly"]

    /// Configuration of firewalls, auditing, logging and mandatory access control.
    static let securityConfiguration = [
        "/etc/ufw/", "/etc/default/ufw", "/etc/syslog.conf", "/etc/rsyslog", "/etc/syslog-ng", "/etc/audit/", "/etc/security/audit",
        "/etc/selinux/", "/etc/apparmor", "/etc/iptables", "/etc/nftables", "/etc/firewalld/", "/etc/systemd/journald.conf",
        "/etc/logrotate", "/etc/fail2ban/", "/etc/pf.conf", "/etc/hosts.allow", "/etc/hosts.deny", "/Library/Preferences/com.apple.alf",
    ]

    /// Truncating logs or history hides activity; copying secrets into another file stages them.
    mutating func judgeOverwrite(_ path: String, mode: FileAccessMode, labels: DataLabels, evidence: String) {
        let klass = pathClass(path)
        if mode == .write, Self.isSystemLog(path, klass) {
            add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Overwrites a system log (\(path))", evidence: evidence)
        }
        if mode == .write, path.hasPrefix("/var/mail/") || path.hasPrefix("/var/spool/mail/") {
            add("shell.evasion.clear_mailbox", .high, score: 75, .defenseEvasion, "Overwrites a system mailbox (\(path)), destroying the mail it holds", evidence: evidence)
        }
        if mode == .write, klass == .history {
            add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Overwrites shell history", evidence: evidence)
        }
        if Self.securityConfiguration.contains(where: { path.hasPrefix($0) }) {
            add("shell.evasion.security_config", .high, score: 75, .defenseEvasion, "Edits security or logging configuration (\(path))", evidence: evidence)
        }
        if path.hasPrefix("/proc/sysrq-trigger") {
            add("shell.impact.sysrq", .critical, .resourceExhaustion, "Writes to /proc/sysrq-trigger (instant reboot, crash or kill)", evidence: evidence)
        } else if path.hasPrefix("/proc/sys/") {
            add("shell.system.sysctl_write", .medium, .defenseEvasion, "Changes kernel parameters through /proc/sys", evidence: evidence)
        }
        if labels.contains(.secret), klass != .credentialStore, path != "/dev/null" {
            add("shell.credential.staging", .high, score: 75, .credentialAccess, "Copies secret material into \(path)", evidence: evidence)
        }
    }

    /// `/var/log/*`, and `*.log` files elsewhere under `/var` (container logs in `/var/lib/docker`).
    static func isSystemLog(_ path: String, _ klass: PathClass) -> Bool {
        klass == .logs || path.hasSuffix(".log") && path.hasPrefix("/var/")
    }

    func commandName(_ word: String) -> String {
        let utf8 = word.utf8
        var start = utf8.startIndex
        var needsLowering = false
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let b = utf8[index]
            if b == UInt8(ascii: "/") { start = utf8.index(after: index); needsLowering = false } else if b >= 0x41 && b <= 0x5A || b >= 0x80 { needsLowering = true }
            index = utf8.index(after: index)
        }
        let base = start == utf8.startIndex ? word : String(word[start...])
        return needsLowering ? base.lowercased() : base
    }

    /// Labels of data read from `path` (credential files are secrets, `/etc/passwd` is system info).
    /// `cd DIR`: later relative paths resolve against DIR (statically, ignoring subshell scope).
    mutating func changeDirectory(_ inv: CommandInvocation) -> DataFlow {
        let target = inv.arguments.first(where: { !$0.hasPrefix("-") }) ?? "~"
        guard !inv.dynamicArguments.contains(1), target != "-" else { return DataFlow() }
        let directory = normalizer.normalize(target)
        // `cd a; cd a; …` grows the path without end: past 4 KiB the directory is unknown.
        guard directory.utf8.count <= 4096 else {
            truncated = true
            return DataFlow()
        }
        guard directory.hasPrefix("/") || directory.hasPrefix("~") else { return DataFlow() }
        context.cwd = directory
        normalizer = PathNormalizer(cwd: directory, home: context.home)
        scopeCache = nil
        pathMemo.removeAll(keepingCapacity: true)
        fileRuleMemo.removeAll(keepingCapacity: true)
        let klass = PathCatalogue.classify(directory, home: context.home, cwd: nil)
        cwdIsSensitive = klass != .project && klass != .other && klass != .temp && klass != .home
        return DataFlow()
    }

    mutating func pathClass(_ path: String) -> PathClass {
        pathVerdict(path).pathClass
    }

    /// The catalogue's verdict on `path`, shared by the class checks and the file rules.
    mutating func pathVerdict(_ path: String) -> PathCatalogue.Verdict {
        if let known = pathMemo[path] { return known }
        let verdict = PathCatalogue.examine(path, in: pathScope)
        if pathMemo.count < 512 { pathMemo[path] = verdict }
        return verdict
    }

    /// What an operation on `path` can reach (`BlastRadius.of`), with memoized verdicts.
    mutating func blastRadius(_ path: String, recursive: Bool) -> BlastRadius {
        let target = GlobTarget(path)
        return BlastRadius.of(target, verdict: pathVerdict(target.directory), home: context.home, recursive: recursive)
    }

    mutating func labelsForReading(_ path: String) -> DataLabels {
        var labels = fileLabels[path] ?? []
        switch pathClass(path) {
        case .credentialStore, .passwordDatabase, .history: labels.insert(.secret)
        case .systemDir where path.hasPrefix("/etc/"): labels.insert(.systemInfo)
        case .kernelInterface:
            if path.hasSuffix("/environ") { labels.insert(.environment) }
            if path.hasSuffix("/mem") || path.hasSuffix("/maps") { labels.insert(.secret) }
        default: break
        }
        return labels
    }

    /// Judges one file access with the path rules and records it.
    mutating func fileAccess(raw: String, path: String, mode: FileAccessMode, evidence: String) {
        if touchedFiles.count < 64 { touchedFiles.append(FileAccess(raw: raw, path: path, mode: mode)) }
        let key = FileRuleKey(path: path, mode: mode)
        let results: [Finding]
        if let known = fileRuleMemo[key] {
            results = known
        } else {
            let access = FileAccess(raw: raw, path: path, mode: mode)
            results = FileRules.findings(for: access, verdict: pathVerdict(path), scope: pathScope)
            if fileRuleMemo.count < 512 { fileRuleMemo[key] = results }
        }
        for finding in results {
            add(finding.rule, finding.severity, score: finding.score, finding.category ?? .destructiveFS, finding.message, evidence: evidence)
        }
    }
}

/// Memo key of the file rules: one judgement per path and access mode.
struct FileRuleKey: Hashable {
    var path: String
    var mode: FileAccessMode
}
