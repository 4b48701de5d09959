/// History-destroying git operations.
extension ShellAnalyzer {
    mutating func git(_ inv: CommandInvocation) -> DataFlow? {
        var args = Array(inv.arguments)
        // Skip global options (`-C dir`, `-c key=value`, `--git-dir=…`).
        while let first = args.first, first.hasPrefix("-") {
            args.removeFirst()
            if (first == "-C" || first == "-c"), !args.isEmpty {
                let value = args.removeFirst()
                if first == "-c", value.lowercased().hasPrefix("core.hookspath") || value.lowercased().hasPrefix("core.sshcommand") || value.lowercased().hasPrefix("core.pager") {
                    add("shell.git.config_exec", .high, score: 75, .execution, "Sets a git option that runs arbitrary commands (\(value.prefix(while: { $0 != "=" })))", evidence: inv.text)
                }
            }
            if first.hasPrefix("--exec-path") { add("shell.git.config_exec", .high, score: 75, .execution, "Points git at another exec path", evidence: inv.text) }
        }
        guard let sub = args.first else { return DataFlow() }
        let rest = args.dropFirst()
        if ["push", "pull", "fetch", "clone", "remote", "submodule", "ls-remote"].contains(sub) {
            for arg in rest where arg.contains("://") || arg.hasPrefix("git@") {
                guard let url = URLParser.parse(arg.hasPrefix("git@") ? "ssh://" + arg.replacingOccurrences(of: ":", with: "/") : arg) else { continue }
                judgeRequest(HTTPRequestFacet(method: sub == "push" ? "PUSH" : "GET", url: url, bodyFile: nil, hasBody: sub == "push"), inv: inv)
            }
        }
        let scan = OptionScan(rest)
        switch sub {
        case "push":
            let force = scan.has("f") || scan.has(long: "force") || scan.long.contains(where: { $0.hasPrefix("force-with-lease") }) || rest.contains { $0.hasPrefix("+") }
            let protected = rest.contains { ["main", "master", "production", "prod", "release", "trunk", "develop"].contains($0.split(separator: ":").last.map(String.init)?.trimmingCharacters(in: "+") ?? "") }
            if force {
                add("shell.git.force_push", protected ? .high : .medium, score: protected ? 75 : nil, .destructiveGit, "Force-pushes, overwriting remote history\(protected ? " on a protected branch" : "")", evidence: inv.text)
            }
            if scan.has(long: "mirror") || scan.has(long: "delete") || scan.has("d") || rest.contains(where: { $0.hasPrefix(":") && $0.count > 1 }) {
                add("shell.git.remote_delete", .high, .destructiveGit, "Deletes or mirrors over remote branches", evidence: inv.text)
            }
        case "reset":
            if scan.has(long: "hard") { add("shell.git.reset_hard", .medium, .destructiveGit, "Discards uncommitted work (git reset --hard)", evidence: inv.text) }
        case "clean":
            if scan.has("f") || scan.has(long: "force") {
                add("shell.git.clean", scan.has("x") ? .medium : .low, .destructiveGit, "Deletes untracked files (git clean)", evidence: inv.text)
            }
        case "filter-branch", "filter-repo":
            add("shell.git.rewrite_history", .high, .destructiveGit, "Rewrites the repository history", evidence: inv.text)
        case "reflog":
            if rest.contains("expire"), rest.contains(where: { $0.contains("now") || $0.contains("all") }) {
                add("shell.git.destroy_reflog", .high, .destructiveGit, "Expires the reflog, making lost commits unrecoverable", evidence: inv.text)
            }
        case "gc":
            if rest.contains(where: { $0.hasPrefix("--prune=now") }) { add("shell.git.destroy_reflog", .medium, .destructiveGit, "Prunes unreachable objects immediately", evidence: inv.text) }
        case "update-ref":
            if scan.has("d") { add("shell.git.delete_ref", .medium, .destructiveGit, "Deletes a ref directly", evidence: inv.text) }
        case "branch":
            if scan.has("D") { add("shell.git.delete_branch", .low, .destructiveGit, "Force-deletes a branch", evidence: inv.text) }
        case "checkout", "restore":
            if rest.contains(".") && (rest.contains("--") || sub == "restore") {
                add("shell.git.discard_changes", .low, .destructiveGit, "Discards local changes", evidence: inv.text)
            }
        case "config":
            let key = rest.first(where: { !$0.hasPrefix("-") })?.lowercased() ?? ""
            if ["core.hookspath", "core.sshcommand", "core.pager", "core.editor", "core.fsmonitor", "sequence.editor"].contains(key) || key.hasPrefix("alias.") && rest.contains(where: { $0.hasPrefix("!") }) {
                add("shell.git.config_exec", .high, score: 75, .persistence, "Configures git to run a command (\(key))", evidence: inv.text)
            }
            if key == "credential.helper" || rest.contains("--get-all") && rest.contains(where: { $0.contains("credential") }) { return DataFlow(labels: .secret) }
        case "credential":
            if rest.contains("fill") { return DataFlow(labels: .secret) }
        default:
            break
        }
        return DataFlow()
    }
}
