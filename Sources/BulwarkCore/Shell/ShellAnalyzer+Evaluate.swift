/// The command catalogue's entry point: what one invocation does, and what flows out of it.
extension ShellAnalyzer {
    typealias Handler = @Sendable (inout ShellAnalyzer, CommandInvocation) -> DataFlow?

    mutating func evaluate(_ inv: CommandInvocation) -> DataFlow {
        if inv.dynamicName {
            judgeDynamicName(inv)
            return DataFlow(labels: inv.stdinLabels)
        }
        // `./script` is the project's own program, not the system tool of the same name.
        let localProgram = inv.argv[0].hasPrefix("./") || inv.argv[0].hasPrefix("../")
        if !localProgram, let flow = unwrap(inv) {
            // A shell running a script file (`bash linpeas.sh`) is still judged by the script.
            checkOffensiveTool(inv)
            return flow
        }
        var flow: DataFlow? = nil
        if !localProgram, inv.traits.contains(.catalogued), let handler = Self.catalogue[inv.name] {
            flow = handler(&self, inv)
            // A handler judges what is special about its command (sed's `e`, base64 -d, awk's
            // system()); the files such a command prints are still reads, as they are for cat.
            if flow != nil, inv.traits.contains(.readerAfterHandler) {
                flow?.labels.formUnion(judgeReads(inv))
            }
        }
        checkOffensiveTool(inv)
        checkRemoteDebugging(inv)
        checkTempExecution(inv)
        checkEmbeddedShell(inv)
        runOptionCommands(inv)
        checkLibraryLoad(inv)
        checkExecutedFile(inv)
        checkWrittenProgram(inv)
        checkNetworkSinks(inv)
        return flow ?? defaultFlow(inv)
    }

    /// Commands whose name comes from an unresolved expansion run something we cannot see.
    mutating func judgeDynamicName(_ inv: CommandInvocation) {
        let labels = inv.argumentLabels[0] ?? []
        if labels.contains(.network) {
            add("shell.rce.execute_download", .critical, .remoteCodeExecution, "Runs the output of a network download as a command", evidence: inv.text)
        } else if labels.contains(.decoded) {
            add("shell.obfuscation.execute_decoded", .critical, .defenseEvasion, "Runs a decoded payload as a command", evidence: inv.text)
        } else {
            add("shell.dynamic_command", .medium, .execution, "The command name comes from an expansion whose value is unknown", evidence: inv.text)
        }
    }

    /// What a command writes to stdout when the catalogue says nothing special: data read from
    /// its stdin passes through filters, and files it reads bring their labels.
    mutating func defaultFlow(_ inv: CommandInvocation) -> DataFlow {
        var labels = inv.stdinLabels
        if inv.traits.contains(.fileReader) {
            labels.formUnion(judgeReads(inv))
            for l in inv.argumentLabels.values { labels.formUnion(l) }
        }
        let passes = inv.traits.contains(.textPassThrough) && inv.arguments.isEmpty
        return DataFlow(labels: labels, text: passes ? inv.stdinText : nil, fragments: passes ? inv.stdinFragments : nil)
    }

    /// Judges the files a reader command prints as reads; returns the labels of what they hold.
    mutating func judgeReads(_ inv: CommandInvocation) -> DataLabels {
        var labels: DataLabels = []
        // Pattern-first tools (`grep PATTERN FILE…`) take a non-file first operand.
        var operands = inv.arguments.filter { !$0.hasPrefix("-") }
        if inv.traits.contains(.patternFirst), !operands.isEmpty { operands.removeFirst() }
        let sensitiveDirectory = cwdIsSensitive
        for arg in operands where Self.looksLikePath(arg) || (!inv.traits.contains(.patternFirst) && (sensitiveDirectory || Self.mayBeSensitiveName(arg))) {
            let path = normalizer.normalize(arg)
            labels.formUnion(labelsForReading(path))
            fileAccess(raw: arg, path: path, mode: .read, evidence: inv.text)
            // Archiving whole homes or system trees collects whatever secrets they hold.
            if inv.traits.contains(.archiver), blastRadius(path, recursive: true) >= .home {
                labels.insert(.secret)
            }
        }
        return labels
    }

    /// Operands worth judging as file reads: paths, not patterns or words.
    static func looksLikePath(_ arg: String) -> Bool {
        guard let first = arg.utf8.first else { return false }
        return first == UInt8(ascii: "/") || first == UInt8(ascii: "~") || first == UInt8(ascii: ".") || arg.utf8.contains(UInt8(ascii: "/"))
    }

    /// Commands that print (parts of) the files named in their arguments.
    static let fileReaders: Set<String> = [
        "cat", "tac", "head", "tail", "less", "more", "strings", "od", "xxd", "hexdump", "base64", "base32", "basenc",
        "gzip", "zcat", "bzcat", "xzcat", "nl", "sort", "uniq", "cut", "grep", "egrep", "fgrep", "rg", "tr", "jq", "yq",
        "paste", "column", "fold", "fmt", "pr", "rev", "look", "diff", "comm", "join", "expand", "unexpand", "iconv",
        "uuencode", "gpg", "openssl", "tar", "zip", "7z", "xz", "bzip2", "dd", "awk", "sed", "view", "vim", "vi", "nvim", "nano", "ed", "red", "ex",
        "python", "python3", "perl", "ruby", "node", "php", "sqlite3", "csplit", "split", "file", "wc", "md5sum",
    ]

    static let archivers: Set<String> = ["tar", "zip", "7z", "rar", "cpio", "pax"]

    /// Bare file names worth classifying (the rest resolve to ordinary project files).
    static func mayBeSensitiveName(_ name: String) -> Bool {
        if name.hasPrefix("id_") || name.hasPrefix(".") { return true }
        for suffix in [".pem", ".key", ".p12", ".pfx", ".kdbx", ".keychain", ".keychain-db", "_history", ".tfstate", ".ovpn"] where name.hasSuffix(suffix) { return true }
        return ["credentials", "shadow", "passwd", "gshadow", "sudoers", "authorized_keys", "known_hosts", "Login Data", "Cookies", "config.json"].contains(name)
            || name.contains("credential") || name.contains("secret") || name.contains("token")
    }
    /// Readers whose handler leaves their files to `judgeReads`: not grep (its handler parses
    /// its options and judges its files) nor general-purpose interpreters (their operands are a
    /// script and its arguments); awk is an interpreter whose operands are files.
    static let readersAfterHandler: Set<String> = fileReaders.filter {
        !["grep", "egrep", "fgrep", "rg"].contains($0) && (interpreters[$0] == nil || patternFirst.contains($0)) && !editors.contains($0)
    }
    /// Editors judge their files themselves (`openForEditing`): an edit is a read and, where
    /// writing is worse than reading, a write.
    static let editors: Set<String> = ["view", "vim", "vi", "nvim", "nano", "ed", "red", "ex", "pico", "ee", "emacs", "mg", "joe", "jed", "micro", "mcedit", "sudoedit", "nvi", "vis", "kak", "hx"]
    static let patternFirst: Set<String> = ["grep", "egrep", "fgrep", "rg", "sed", "awk", "jq", "yq", "look", "tr"]

    /// Filters whose output is their input when called without arguments.
    static let textPassThrough: Set<String> = ["cat", "tee", "dd"]
}
