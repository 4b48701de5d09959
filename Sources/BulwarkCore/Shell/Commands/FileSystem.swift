/// Deletion, permissions, raw disk writes and other file-system impact.
extension ShellAnalyzer {
    /// Judges deleting `raw` with the blast-radius scale.
    /// `selective`: only some entries under the path go (`find / -name '*.old' -delete`).
    mutating func judgeDelete(_ raw: String, recursive: Bool, inv: CommandInvocation, dynamic: Bool, selective: Bool = false) {
        let path = normalizer.normalize(raw)
        if dynamic || raw.contains("${") || raw.contains("$(") {
            let trimmed = raw.hasPrefix("/") ? raw : ""
            if recursive, trimmed.hasPrefix("/${") || trimmed.hasPrefix("/$(") || raw.hasPrefix("${") || raw.hasPrefix("$(") || raw.hasPrefix("$") {
                add("shell.destructive.delete_unresolved", .high, .destructiveFS, "Recursively deletes a path built from an unknown variable (an empty value would hit the parent)", evidence: inv.text)
            }
            return
        }
        let pathKind = pathClass(path)
        if pathKind == .logs && !recursive {
            add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Deletes a system log (\(path))", evidence: inv.text)
            return
        }
        if pathKind == .history {
            add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Deletes shell history", evidence: inv.text)
            return
        }
        var radius = blastRadius(path, recursive: recursive)
        // A top-level directory (`/workspace`, `/data`) removed recursively is as bad as a system one.
        if recursive, !selective, radius == .file, isTopLevel(path) { radius = .system }
        if selective {
            // Filtered deletes remove matching files only: worth a review where the tree is sensitive.
            if radius >= .home {
                add("shell.destructive.selective_delete", .high, .destructiveFS, "Deletes matching files across \(radius.description) (\(raw))", evidence: inv.text)
            }
            return
        }
        if recursive, let cwd = context.cwd, path == cwd || path == cwd + "/*", radius < .home {
            add("shell.destructive.delete_project", .high, score: 80, .destructiveFS, "Recursively deletes the whole working directory (all uncommitted work)", evidence: inv.text)
            return
        }
        switch radius {
        case .root:
            add("shell.destructive.delete_root", .critical, .destructiveFS, "Deletes the whole filesystem (\(raw))", evidence: inv.text)
        case .system:
            // Removing a system tree (`/etc`, `/usr/lib`) is critical; a specific file or a deep subtree asks for review.
            let depth = path.split(separator: "/").count
            let wide = recursive && (depth <= 2 || path.hasSuffix("/*") && depth <= 3)
            add("shell.destructive.delete_system", wide ? .critical : .high, .destructiveFS, "Deletes system files (\(path))", evidence: inv.text)
        case .home:
            add("shell.destructive.delete_home", recursive ? .critical : .high, .destructiveFS, "Deletes the home directory (\(raw))", evidence: inv.text)
        case .credentialStore:
            add("shell.destructive.delete_credentials", .high, score: 75, .destructiveFS, "Deletes a credential store (\(path))", evidence: inv.text)
        case .dotfiles:
            let klass = pathClass(path)
            if klass == .history {
                add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Deletes shell history", evidence: inv.text)
            } else {
                add("shell.destructive.delete_dotfiles", .medium, .destructiveFS, "Deletes configuration in the home directory (\(raw))", evidence: inv.text)
            }
        case .file, .project, .temp:
            let klass = pathClass(path)
            if klass == .logs {
                add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Deletes system logs (\(path))", evidence: inv.text)
            } else if klass == .history {
                add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Deletes shell history", evidence: inv.text)
            }
        }
    }

    func isTopLevel(_ path: String) -> Bool {
        guard path.hasPrefix("/"), path.count > 1 else { return false }
        let rest = path.dropFirst()
        return !rest.contains("/") && !rest.contains("*") && !rest.hasPrefix(".")
    }

    mutating func rm(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments)
        let recursive = scan.has("r") || scan.has("R") || scan.has(long: "recursive")
        if scan.has(long: "no-preserve-root") {
            add("shell.destructive.no_preserve_root", .critical, .destructiveFS, "rm --no-preserve-root disables the last guard against deleting /", evidence: inv.text)
        }
        for (offset, operand) in scan.operands.enumerated() {
            let dynamic = inv.dynamicArguments.contains(inv.argv.lastIndex(of: operand) ?? -1)
            judgeDelete(operand, recursive: recursive || inv.name == "rmdir", inv: inv, dynamic: dynamic)
            if offset > 64 { break }
        }
        return DataFlow()
    }

    mutating func shred(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["n", "s"], longWithValue: ["iterations", "size", "random-source"])
        for operand in scan.operands {
            let path = normalizer.normalize(operand)
            let klass = pathClass(path)
            switch klass {
            case .temp, .project: continue
            case .history:
                add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Shreds shell history", evidence: inv.text)
            case .logs:
                add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Shreds system logs", evidence: inv.text)
            case .blockDevice:
                add("shell.destructive.wipe_disk", .critical, .destructiveFS, "Overwrites a whole disk (\(path))", evidence: inv.text)
            case .other:
                add("shell.destructive.shred", .medium, .destructiveFS, "Irrecoverably overwrites \(operand)", evidence: inv.text)
            default:
                add("shell.destructive.shred", .high, score: 75, .destructiveFS, "Irrecoverably overwrites \(path)", evidence: inv.text)
            }
        }
        return DataFlow()
    }

    mutating func judgeFind(_ inv: CommandInvocation) {
        let args = Array(inv.arguments)
        var roots: [String] = []
        for a in args {
            if a.hasPrefix("-") || a == "(" || a == "!" { break }
            roots.append(a)
        }
        if roots.isEmpty { roots = ["."] }
        if args.contains("-delete") {
            let selective = args.contains { Self.findFilters.contains($0) }
            // `-maxdepth 0` deletes the root alone and `-maxdepth 1` its entries, like `rm ROOT`
            // and `rm ROOT/*`; deeper, the tree.
            let depth = args.firstIndex(of: "-maxdepth").flatMap { $0 + 1 < args.count ? Int(args[$0 + 1]) : nil }
            for root in roots {
                switch depth {
                case 0: judgeDelete(root, recursive: false, inv: inv, dynamic: false, selective: selective)
                case 1: judgeDelete((root.hasSuffix("/") ? root : root + "/") + "*", recursive: false, inv: inv, dynamic: false, selective: selective)
                default: judgeDelete(root, recursive: true, inv: inv, dynamic: false, selective: selective)
                }
            }
        }
        // Hunting for credential files across the system or the home directory.
        var normalizedRoots: [String]?
        var k = 0
        while k + 1 < args.count {
            if ["-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-wholename"].contains(args[k]) {
                let pattern = args[k + 1].lowercased()
                let paths = normalizedRoots ?? roots.map { normalizer.normalize($0) }
                normalizedRoots = paths
                let strong = Self.strongCredentialPatterns.contains(where: { pattern.contains($0) })
                    || paths.contains { p in Self.credentialDirectories.contains { p.contains($0) } }
                if strong || Self.credentialFilePatterns.contains(where: { pattern.contains($0) }) {
                    let broad = paths.contains { p in
                        let radius = blastRadius(p, recursive: true)
                        return radius >= .home || p == "/home" || p == "/Users" || p == "/root" || Self.credentialDirectories.contains { p.contains($0) }
                    }
                    if broad {
                        add("shell.credential.search", .high, score: strong ? 75 : 65, .credentialAccess, "Searches the system for credential files (\(args[k + 1]))", evidence: inv.text)
                    }
                }
            }
            if args[k] == "-perm" {
                let mode = args[k + 1]
                if mode.contains("4000") || mode.contains("u=s") || mode.contains("u+s") || mode.contains("2000") || mode.contains("g=s") {
                    add("shell.privilege.suid_search", .medium, .privilegeEscalation, "Searches for set-uid binaries (a privilege-escalation step)", evidence: inv.text)
                }
            }
            k += 1
        }
    }

    /// `find` tests that select only some entries (`-maxdepth` and `-mindepth` only bound the depth: the
    /// entries they keep still include the whole first level).
    static let findFilters: Set<String> = [
        "-name", "-iname", "-path", "-ipath", "-regex", "-iregex", "-size", "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin",
        "-newer", "-empty", "-user", "-group", "-perm", "-wholename", "-links", "-inum", "-newermt", "-newerct", "-used",
        "-uid", "-gid", "-nouser",
    ]

    /// Names that only credential files have.
    static let strongCredentialPatterns = [
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".pem", "*.key", ".pfx", ".p12", "credentials", ".netrc", ".git-credentials", "shadow",
        ".aws", "wallet", ".kdbx", ".pgpass", ".gnupg", "accesstokens", "access_tokens", "token_cache", "login data", "keychain", "*.ovpn",
    ]
    static let credentialDirectories = ["/.aws", "/.azure", "/.config/gcloud", "/.oci", "/.kube", "/.ssh", "/.gnupg", "/.docker"]

    static let credentialFilePatterns = [
        "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", ".pem", "*.key", ".pfx", ".p12", "credentials", ".netrc", ".git-credentials",
        "shadow", ".aws", "wallet", ".kdbx", "authorized_keys", ".pgpass", "known_hosts", "secrets", ".env", "*.ovpn", "bash_history",
        "password", "passwd", "htpasswd", "keychain", "login data", "cookies",
    ]

    mutating func chmod(_ inv: CommandInvocation) -> DataFlow? {
        let args = Array(inv.arguments)
        var recursive = false
        var operands: [String] = []
        for a in args {
            if a == "-R" || a == "--recursive" { recursive = true; continue }
            if a.hasPrefix("--") { continue }
            if a.hasPrefix("-"), a.count > 1, a.dropFirst().allSatisfy({ "RvcfH".contains($0) }) {
                if a.contains("R") { recursive = true }
                continue
            }
            operands.append(a)
        }
        guard operands.count >= 2 else { return DataFlow() }
        let mode = operands[0]
        let targets = operands.dropFirst()
        let worldWritable = Self.isWorldWritable(mode)
        let setuid = Self.isSetuid(mode)
        for target in targets {
            let path = normalizer.normalize(target)
            let klass = pathClass(path)
            let radius = blastRadius(path, recursive: recursive)
            if setuid {
                let severe = klass == .systemDir || Self.shells.contains(commandName(path)) || Self.interpreters[commandName(path)] != nil || ["find", "vim", "cp", "env", "less"].contains(commandName(path))
                if Self.isSetuidOnly(mode) || severe {
                    add("shell.privilege.setuid", severe ? .critical : .high, score: severe ? nil : 75, .privilegeEscalation, "Sets the set-uid bit on \(path)", evidence: inv.text)
                } else if Self.grantsExecuteWithSetID(mode), !recursive, !target.hasSuffix("/") {
                    // `g+xs`: a set-gid program, not a directory's group inheritance (`g+s`, `2775`).
                    add("shell.privilege.setgid", .high, score: 75, .privilegeEscalation, "Makes \(path) a set-gid program", evidence: inv.text)
                } else {
                    add("shell.privilege.setgid", .medium, .privilegeEscalation, "Sets the set-gid bit on \(path)", evidence: inv.text)
                }
            }
            if worldWritable {
                switch klass {
                case .passwordDatabase, .sudoers, .credentialStore, .shellStartup, .scheduler, .authorizedKeys, .loaderConfig, .pamConfig, .systemDir, .root, .blockDevice, .kernelInterface:
                    add("shell.permissions.world_writable_sensitive", .critical, .privilegeEscalation, "Makes \(path) writable by every user", evidence: inv.text)
                default:
                    if radius >= .home || (recursive && isTopLevel(path)) {
                        add("shell.permissions.world_writable_sensitive", .critical, .privilegeEscalation, "Makes \(path) writable by every user", evidence: inv.text)
                    } else {
                        add("shell.permissions.world_writable", .medium, .privilegeEscalation, "Makes \(target) writable by every user", evidence: inv.text)
                    }
                }
            } else if klass == .passwordDatabase || klass == .sudoers || (klass == .credentialStore && Self.loosensAccess(mode)) {
                add("shell.permissions.sensitive_file", .high, .privilegeEscalation, "Changes the permissions of \(path)", evidence: inv.text)
            } else if recursive, radius >= .system {
                add("shell.permissions.system_recursive", .high, score: 75, .privilegeEscalation, "Recursively changes permissions under \(path)", evidence: inv.text)
            }
        }
        return DataFlow()
    }

    static func isWorldWritable(_ mode: String) -> Bool {
        if let digits = Int(mode, radix: 8), mode.allSatisfy(\.isNumber) {
            return digits & 0o002 != 0
        }
        for clause in mode.split(separator: ",") {
            guard let opIndex = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { continue }
            let who = clause[..<opIndex]
            let perms = clause[clause.index(after: opIndex)...]
            if (who.isEmpty || who.contains("o") || who.contains("a")) && perms.contains("w") { return true }
        }
        return false
    }

    /// A symbolic clause that adds execute and set-id together (`g+xs`, `+sx`).
    static func grantsExecuteWithSetID(_ mode: String) -> Bool {
        mode.split(separator: ",").contains { (clause: Substring) -> Bool in
            guard let op = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { return false }
            let perms = clause[clause.index(after: op)...]
            return perms.contains("s") && perms.contains("x")
        }
    }

    static func isSetuid(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber), mode.count == 4, let digits = Int(mode, radix: 8) {
            return digits & 0o6000 != 0
        }
        return mode.split(separator: ",").contains { clause in
            guard let op = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { return false }
            return clause[clause.index(after: op)...].contains("s")
        }
    }

    /// The set-uid bit specifically (not only set-gid, which directories use for shared groups).
    static func isSetuidOnly(_ mode: String) -> Bool {
        if mode.allSatisfy(\.isNumber), mode.count == 4, let digits = Int(mode, radix: 8) { return digits & 0o4000 != 0 }
        return mode.split(separator: ",").contains { clause in
            guard let op = clause.firstIndex(where: { $0 == "+" || $0 == "=" }) else { return false }
            let who = clause[..<op]
            return clause[clause.index(after: op)...].contains("s") && (who.isEmpty || who.contains("u") || who.contains("a"))
        }
    }

    static func loosensAccess(_ mode: String) -> Bool {
        if let digits = Int(mode, radix: 8), mode.allSatisfy(\.isNumber) { return digits & 0o077 != 0 }
        return mode.contains("o+") || mode.contains("g+") || mode.contains("a+")
    }

    mutating func chown(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, longWithValue: ["from", "reference"])
        let recursive = scan.has("R") || scan.has(long: "recursive")
        guard scan.operands.count >= 2 else { return DataFlow() }
        for target in scan.operands.dropFirst() {
            let path = normalizer.normalize(target)
            let klass = pathClass(path)
            let radius = blastRadius(path, recursive: recursive)
            if klass == .passwordDatabase || klass == .sudoers || klass == .authorizedKeys || klass == .pamConfig || klass == .loaderConfig {
                add("shell.permissions.sensitive_owner", .critical, .privilegeEscalation, "Changes the owner of \(path)", evidence: inv.text)
            } else if recursive, radius >= .system || (isTopLevel(path) && path != context.cwd) {
                let wide = path.split(separator: "/").count <= 1 || radius == .root
                add("shell.permissions.system_recursive", wide ? .critical : .high, .privilegeEscalation, "Recursively changes ownership under \(path)", evidence: inv.text)
            }
        }
        return DataFlow()
    }

    mutating func chattr(_ inv: CommandInvocation) -> DataFlow? {
        guard let mode = inv.arguments.first(where: { $0.hasPrefix("+") || $0.hasPrefix("-") }) else { return DataFlow() }
        if mode.contains("i") || mode.contains("a") {
            lockFiles(inv.arguments.filter { !$0.hasPrefix("+") && !$0.hasPrefix("-") }, flags: mode, inv: inv)
        }
        return DataFlow()
    }

    /// macOS `chflags [-R] FLAGS FILE…`: `hidden` hides files from the Finder; `schg`/`uchg`
    /// (immutable) and `sappnd`/`uappnd` (append-only) make them resist removal, as `chattr +i` does.
    mutating func chflags(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: [], longWithValue: [])
        guard let flags = scan.operands.first else { return DataFlow() }
        let set = flags.lowercased().split(separator: ",")
        if set.contains("hidden") { hideFiles(inv) }
        let locking: Set<Substring> = ["schg", "schange", "simmutable", "uchg", "uchange", "uimmutable", "sappnd", "sappend", "uappnd", "uappend"]
        if set.contains(where: { locking.contains($0) }) { lockFiles(Array(scan.operands.dropFirst()), flags: flags, inv: inv) }
        return DataFlow()
    }

    /// Immutable or append-only files resist removal and edits; outside the project that is evasion.
    mutating func lockFiles(_ targets: [String], flags: String, inv: CommandInvocation) {
        let system = targets.contains { t in
            let p = normalizer.normalize(t)
            return blastRadius(p, recursive: false) >= .dotfiles || pathClass(p) != .other
        }
        add("shell.evasion.immutable_attribute", system ? .high : .medium, score: system ? 75 : nil, .defenseEvasion, "Sets the immutable/append-only attribute (\(flags)) so files resist removal or edits", evidence: inv.text)
    }

    /// Hiding files from the user (`chflags hidden`, `SetFile -a V`): an agent works in the open.
    mutating func hideFiles(_ inv: CommandInvocation) {
        add("shell.evasion.hide_file", .high, score: 75, .defenseEvasion, "Hides files from the user's file browser", evidence: inv.text)
    }

    mutating func dd(_ inv: CommandInvocation) -> DataFlow? {
        var input: String? = nil
        var output: String? = nil
        for a in inv.arguments {
            if a.hasPrefix("if=") { input = String(a.dropFirst(3)) }
            if a.hasPrefix("of=") { output = String(a.dropFirst(3)) }
        }
        var labels: DataLabels = inv.stdinLabels
        if let input {
            let path = normalizer.normalize(input)
            labels = labelsForReading(path)
            let klass = pathClass(path)
            if path.hasPrefix("/proc/"), path.hasSuffix("/mem") || klass == .blockDevice && path.contains("mem") {
                add("shell.credential.memory_dump", .critical, .credentialAccess, "Reads process or physical memory", evidence: inv.text)
            }
            fileAccess(raw: input, path: path, mode: .read, evidence: inv.text)
        }
        if let output {
            let path = normalizer.normalize(output)
            let klass = pathClass(path)
            if klass == .blockDevice {
                add("shell.destructive.wipe_disk", .critical, .destructiveFS, "Writes raw data over a disk device (\(path))", evidence: inv.text)
            } else if klass == .logs {
                add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Overwrites system logs (\(path))", evidence: inv.text)
            } else {
                fileAccess(raw: output, path: path, mode: .write, evidence: inv.text)
            }
            return DataFlow()
        }
        return DataFlow(labels: labels)
    }

    mutating func formatDisk(_ inv: CommandInvocation) -> DataFlow? {
        add("shell.destructive.format_disk", .critical, .destructiveFS, "Formats or repartitions a disk (\(inv.name))", evidence: inv.text)
        return DataFlow()
    }

    mutating func truncateFile(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["s", "r", "o"], longWithValue: ["size", "reference", "io-blocks"])
        for operand in scan.operands {
            let path = normalizer.normalize(operand)
            let klass = pathClass(path)
            if Self.isSystemLog(path, klass) { add("shell.evasion.delete_logs", .high, score: 75, .defenseEvasion, "Truncates system logs (\(path))", evidence: inv.text) }
            if klass == .history { add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Truncates shell history", evidence: inv.text) }
            fileAccess(raw: operand, path: path, mode: .write, evidence: inv.text)
        }
        return DataFlow()
    }

    /// `cp`, `mv`, `install`, `ln`, `tee`: the destination is written.
    mutating func copyLike(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["t", "S", "m", "o", "g"], longWithValue: ["target-directory", "suffix", "mode", "owner", "group"])
        var operands = scan.operands
        if inv.name == "tee" {
            let append = scan.has("a") || scan.has(long: "append")
            for target in operands.prefix(16) {
                let path = normalizer.normalize(target)
                fileAccess(raw: target, path: path, mode: append ? .append : .write, evidence: inv.text)
                if !inv.stdinLabels.isEmpty { fileLabels[path, default: []].formUnion(inv.stdinLabels) }
                // `… | tee -a ~/.bashrc` plants what `>> ~/.bashrc` would.
                if let text = inv.stdinText ?? inv.stdinFragments { checkPlantedPayload(text, path: target, normalized: path, evidence: inv.text) }
                recordWrittenText(inv.stdinText ?? inv.stdinFragments, path: path, append: append)
            }
            return DataFlow(labels: inv.stdinLabels, text: inv.stdinText)
        }
        var destination: String? = scan.value("t") ?? scan.value("target-directory")
        if destination == nil, operands.count >= 2 { destination = operands.removeLast() }
        if inv.name == "ln" {
            // `ln -sf /dev/null ~/.bash_history` silences history.
            if let d = destination, operands.first == "/dev/null", pathClass(normalizer.normalize(d)) == .history {
                add("shell.evasion.clear_history", .high, score: 75, .defenseEvasion, "Links shell history to /dev/null", evidence: inv.text)
            }
        }
        if inv.name == "cp" || inv.name == "ln" || inv.name == "install", operands.contains(where: { Self.shells.contains(commandName($0)) && $0.contains("/bin/") }) {
            add("shell.escape.copy_shell", .high, score: 75, .defenseEvasion, "Copies or links a shell binary under another name or place", evidence: inv.text)
        }
        if let destination {
            let path = normalizer.normalize(destination)
            var dest = path
            if let source = operands.first, operands.count == 1, pathClass(path) == .systemDir || path.hasSuffix("/") {
                // Copying into a directory writes DIR/basename.
                let base = source.split(separator: "/").last.map(String.init) ?? source
                if !base.isEmpty, !path.hasSuffix(base) { dest = path + "/" + base }
            }
            fileAccess(raw: destination, path: dest, mode: .write, evidence: inv.text)
            var carried: DataLabels = []
            for source in operands {
                let sp = normalizer.normalize(source)
                carried.formUnion(labelsForReading(sp))
                if inv.name != "ln" { fileAccess(raw: source, path: sp, mode: .read, evidence: inv.text) }
                if inv.name == "mv" {
                    // A move removes the source: that matters for history, logs and credentials,
                    // and for whole trees (`mv ~ /tmp/x` takes the home directory away as `rm -rf ~`
                    // would; so does moving `/etc` or `/usr`). Renaming one system file is a write.
                    let klass = pathClass(sp)
                    let radius = blastRadius(sp, recursive: true)
                    if klass == .history || klass == .logs || klass == .credentialStore {
                        judgeDelete(source, recursive: false, inv: inv, dynamic: false)
                    } else if radius == .home || radius == .root || (radius == .system && isTopLevel(sp)) {
                        judgeDelete(source, recursive: true, inv: inv, dynamic: false)
                    }
                }
            }
            if !carried.isEmpty { fileLabels[dest, default: []].formUnion(carried) }
            if !writtenTexts.isEmpty, inv.name == "cp" || inv.name == "mv" || inv.name == "install", operands.count == 1 {
                recordWrittenText(writtenTexts[normalizer.normalize(operands[0])], path: dest, append: false)
            }
            if carried.contains(.secret), pathClass(dest) != .credentialStore {
                add("shell.credential.staging", .high, score: 75, .credentialAccess, "Copies secret material to \(dest)", evidence: inv.text)
            }
            for (k, v) in fileLabels where operands.contains(where: { normalizer.normalize($0) == k }) {
                fileLabels[dest, default: []].formUnion(v)
            }
        }
        return DataFlow()
    }

    /// `sed -i` edits files in place; `sed e` executes.
    mutating func sed(_ inv: CommandInvocation) -> DataFlow? {
        let scan = OptionScan(inv.arguments, shortWithValue: ["e", "f", "l"], longWithValue: ["expression", "file", "line-length"])
        var scripts = scan.allValues("e", "expression")
        var operands = scan.operands
        if scripts.isEmpty, !operands.isEmpty { scripts.append(operands.removeFirst()) }
        let inPlace = scan.has("i") || scan.long.contains(where: { $0.hasPrefix("in-place") }) || inv.arguments.contains { $0.hasPrefix("-i") }
        if inPlace {
            let joined = scripts.joined(separator: ";").lowercased()
            for file in operands {
                let path = normalizer.normalize(file)
                fileAccess(raw: file, path: path, mode: .write, evidence: inv.text)
                if path.contains("selinux/config") || (joined.contains("selinux") && joined.contains("disabled")) {
                    add("shell.evasion.disable_selinux", .critical, .defenseEvasion, "Disables SELinux in its configuration", evidence: inv.text)
                }
                if path.contains("journald.conf") || path.contains("rsyslog") || path.contains("audit") {
                    add("shell.evasion.disable_logging", .high, score: 75, .defenseEvasion, "Edits logging or audit configuration", evidence: inv.text)
                }
            }
        }
        for script in scripts {
            let trimmed = script.trimmingCharacters(in: " ")
            if trimmed == "e" || trimmed.hasSuffix("e") && trimmed.dropLast().allSatisfy({ $0.isNumber || $0 == "," || $0 == "$" }) || trimmed.contains("/e") || trimmed.hasPrefix("1e ") {
                add("shell.escape.sed_execute", .high, score: 75, .execution, "sed's `e` command executes shell commands", evidence: inv.text)
            }
        }
        var labels = inv.stdinLabels
        for file in operands { labels.formUnion(labelsForReading(normalizer.normalize(file))) }
        return DataFlow(labels: labels)
    }

    /// A timestamp in the last century or the 2000s: `197001010000`, `01/01/1970`, `2001-05-06`.
    static func isBackdated(_ stamp: String) -> Bool {
        if stamp.hasPrefix("19") || stamp.hasPrefix("200") { return true }
        return stamp.split(whereSeparator: { !$0.isNumber }).contains { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("200")) }
    }

    /// `touch -t/-d/-r` rewrites timestamps (timestomping).
    mutating func touch(_ inv: CommandInvocation) -> DataFlow? {
        // macOS `SetFile -m DATE` / `-d DATE` set the modification and creation dates.
        let setfile = inv.name == "setfile"
        let scan = OptionScan(inv.arguments, shortWithValue: setfile ? ["a", "c", "d", "m", "t"] : ["t", "d", "r"], longWithValue: ["date", "reference", "time"])
        let stamp = setfile ? scan.value("m") ?? scan.value("d") : scan.value("t") ?? scan.value("d") ?? scan.value("date")
        let reference = setfile ? nil : scan.value("r") ?? scan.value("reference")
        // `SetFile -a V` sets the invisible attribute (lower-case letters clear attributes).
        if setfile, scan.value("a")?.contains("V") == true { hideFiles(inv) }
        if stamp != nil || reference != nil {
            let system = scan.operands.contains { o in
                let c = pathClass(normalizer.normalize(o))
                return c != .project && c != .other && c != .temp
            }
            // Backdating by decades, or borrowing a system binary's times, is anti-forensics.
            let backdated = stamp.map(Self.isBackdated) ?? false
            let mimics = reference.map { r in ["/bin/", "/sbin/", "/usr/", "/etc/", "/System/"].contains { r.hasPrefix($0) } } ?? false
            if system || backdated || mimics {
                add("shell.evasion.timestomp", .high, score: 75, .defenseEvasion, "Rewrites file timestamps to hide changes (\(backdated ? "backdated" : mimics ? "copied from a system file" : "system file"))", evidence: inv.text)
            } else if stamp.map({ !$0.contains("ago") && !$0.lowercased().hasPrefix("now") }) ?? true {
                add("shell.evasion.timestomp", .medium, .defenseEvasion, "Rewrites file timestamps", evidence: inv.text)
            }
        }
        for operand in scan.operands {
            fileAccess(raw: operand, path: normalizer.normalize(operand), mode: .write, evidence: inv.text)
        }
        return DataFlow()
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    func replacingOccurrences(of target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.contains(target) else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        out += rest
        return out
    }
}
