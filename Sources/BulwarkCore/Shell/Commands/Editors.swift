/// Line editors (`ed`, `red`, `ex`) run the script they read on stdin: `e FILE` and `r FILE`
/// load a file, `w FILE` writes the buffer, and `!CMD` (also `r !CMD`, `w !CMD`) runs a shell
/// command. `printf 'e /etc/shadow\n,p\n' | ed` reads the password hashes as `cat` would.
extension ShellAnalyzer {
    mutating func lineEditor(_ inv: CommandInvocation) -> DataFlow? {
        // vi and vim read commands on stdin only in Ex mode (`-e`, `-es`, `-E`).
        let exMode = inv.name == "ed" || inv.name == "red" || inv.name == "ex"
            || inv.arguments.contains { $0 == "-e" || $0 == "-E" || $0 == "-es" || $0 == "-Es" }
        guard exMode, let script = inv.stdinText else { return openForEditing(inv) }
        var labels: DataLabels = []
        for operand in inv.arguments where !operand.hasPrefix("-") && !operand.hasPrefix("+") {
            labels.formUnion(labelsForReading(normalizer.normalize(operand)))
        }
        var lines = 0
        var inputMode = false
        for rawLine in script.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            lines += 1
            if lines > Self.maxEditorLines {
                truncated = true
                add("shell.too_complex", .critical, .malformed, "An editor script of more than \(Self.maxEditorLines) lines is not followed; it cannot be judged and is refused", evidence: inv.text)
                break
            }
            // Text typed after `a`, `i` or `c` is data, up to a line holding a single `.`.
            if inputMode {
                if rawLine == "." { inputMode = false }
                continue
            }
            guard let command = EditorCommand(rawLine) else { continue }
            let evidence = "\(inv.name): \(rawLine.prefix(120))"
            switch command {
            case .input:
                inputMode = true
            case .shell(let code):
                let flow = runScript(code, origin: .stdinScript, inv: inv, privileged: inv.privileged, stdin: nil)
                labels.formUnion(flow.labels)
            case .read(let file):
                let path = normalizer.normalize(file)
                labels.formUnion(labelsForReading(path))
                fileAccess(raw: file, path: path, mode: .read, evidence: evidence)
            case .write(let file, let append):
                let path = normalizer.normalize(file)
                fileAccess(raw: file, path: path, mode: append ? .append : .write, evidence: evidence)
                if !labels.isEmpty { fileLabels[path, default: []].formUnion(labels) }
            }
        }
        return DataFlow(labels: labels.union(inv.stdinLabels))
    }

    /// Longer editor scripts are refused (fail closed), not judged by their first lines.
    static let maxEditorLines = 256

    /// An editor opened on files (`sudo vim /etc/sudoers`, `nano ~/.bashrc`) is there to change
    /// them: each file operand is judged as modified in place.
    mutating func openForEditing(_ inv: CommandInvocation) -> DataFlow? {
        let valued: Set<Character>
        switch inv.name {
        case "emacs": valued = ["l", "f", "u", "L"]
        case "vi", "vim", "nvim", "view": valued = ["c", "S", "u", "i", "T", "s", "w", "W", "U"]  // -o/-O/-p take an attached number
        default: valued = ["Y", "T", "r", "o", "s"]
        }
        let scan = OptionScan(inv.arguments, shortWithValue: valued, longWithValue: ["cmd", "load", "eval", "funcall", "init-directory", "cols", "rows", "syntax", "tabsize"])
        // `vim -R`, `view`, `nano -v`: read-only.
        let readOnly = inv.name == "view" || scan.has("R") && inv.name != "nano" || scan.has("v") && inv.name == "nano" || scan.has(long: "view")
        var labels: DataLabels = []
        for operand in scan.operands.prefix(16) where !operand.hasPrefix("+") {
            let path = normalizer.normalize(operand)
            fileAccess(raw: operand, path: path, mode: .read, evidence: inv.text)
            labels.formUnion(labelsForReading(path))
            // Reading a credential, history or log file is already the worse of the two.
            switch pathClass(path) {
            case .credentialStore, .history, .logs, .temp, .project, .home, .other, .dotfile:
                continue
            default:
                if !readOnly { fileAccess(raw: operand, path: path, mode: .append, evidence: inv.text) }
            }
        }
        return DataFlow(labels: labels)
    }
}

/// One `ed`/`ex` command that touches a file or the shell; other commands are `nil`.
enum EditorCommand: Equatable {
    /// `a`, `i`, `c`: the lines that follow are text, not commands.
    case input
    case shell(String)
    case read(String)
    case write(String, append: Bool)

    init?(_ line: Substring) {
        var rest = line.drop { $0 == " " || $0 == "\t" || $0 == ":" }
        // Addresses: `1,$`, `%`, `.`, `'a`, `/re/`, `+3`.
        while let c = rest.first {
            if c.isNumber || ",;$.%+-".contains(c) {
                rest = rest.dropFirst()
            } else if c == "'" {
                rest = rest.dropFirst(2)
            } else if c == "/" || c == "?" {
                let body = rest.dropFirst()
                guard let end = body.firstIndex(of: c) else { return nil }
                rest = body[body.index(after: end)...]
            } else {
                break
            }
        }
        if rest.first == "!" {
            guard let code = Self.shellCode(rest) else { return nil }
            self = .shell(code)
            return
        }
        let name = rest.prefix { $0.isLetter }
        var argument = rest.dropFirst(name.count)
        let append = argument.hasPrefix(">>")
        if append { argument = argument.dropFirst(2) }
        let operand = String(argument).trimmingCharacters(in: " \t")
        if operand.isEmpty, ["a", "i", "c", "append", "insert", "change"].contains(name) {
            self = .input
            return
        }
        guard !operand.isEmpty else { return nil }
        switch name {
        case "e", "E", "edit", "r", "read", "vi", "visual", "split", "sp", "new", "tabe", "tabedit":
            if operand.hasPrefix("!") {
                guard let code = Self.shellCode(Substring(operand)) else { return nil }
                self = .shell(code)
            } else {
                self = .read(operand)
            }
        case "w", "W", "wq", "write", "x", "xit", "sav", "saveas", "up", "update":
            if operand.hasPrefix("!") {
                guard let code = Self.shellCode(Substring(operand)) else { return nil }
                self = .shell(code)
            } else {
                self = .write(operand, append: append || name == "W")
            }
        default:
            return nil
        }
    }

    /// The command after a `!`, or `nil` when there is none.
    private static func shellCode(_ bang: Substring) -> String? {
        let code = String(bang.dropFirst()).trimmingCharacters(in: " \t")
        return code.isEmpty ? nil : code
    }
}
