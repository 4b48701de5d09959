/// The parts of an AppleScript program (`osascript -e …`) that act on the system:
/// `do shell script "CMD" [with administrator privileges]` runs CMD in a shell, and
/// `delete POSIX file "PATH"` or `move … "PATH" to trash` (Finder) removes PATH as `rm` would;
/// `read`, `duplicate` and `move` (elsewhere) of `[POSIX] file "PATH"` read PATH's content, as
/// `cat` or `cp` would. One pass over the bytes, at most 8 statements of each kind.
struct AppleScript {
    var shellScripts: [(code: String, admin: Bool)] = []
    var deletedPaths: [String] = []
    var readPaths: [String] = []

    static let maxStatements = 8

    init(_ source: String) {
        let b = Array(source.utf8)
        var i = 0
        while i < b.count, shellScripts.count < Self.maxStatements || deletedPaths.count < Self.maxStatements || readPaths.count < Self.maxStatements {
            if Self.matches(b, i, "do shell script") || Self.matches(b, i, "do script") {
                let after = i + (Self.matches(b, i, "do shell script") ? 15 : 9)
                if let (text, end) = Self.quoted(b, from: after) {
                    let admin = Self.contains(b, from: end, within: 64, "administrator privileges")
                    if shellScripts.count < Self.maxStatements { shellScripts.append((text, admin)) }
                    i = end
                    continue
                }
            } else if let verb = Self.fileVerbs.first(where: { Self.matches(b, i, $0.word) }), i == 0 || !isNameChar(b[i - 1]) {
                var j = i + verb.word.utf8CodeUnitCount
                if Self.matches(b, j, "posix ") { j += 6 }
                let kind = Self.matches(b, j, "file ") ? 5 : Self.matches(b, j, "folder ") ? 7 : 0
                if kind > 0, let (text, end) = Self.quoted(b, from: j + kind) {
                    let toTrash = Self.contains(b, from: end, within: 32, "to trash")
                    if verb.deletes || verb.moves && toTrash {
                        if deletedPaths.count < Self.maxStatements { deletedPaths.append(text) }
                    } else if readPaths.count < Self.maxStatements {
                        readPaths.append(text)
                    }
                    i = end
                    continue
                }
            }
            i += 1
        }
    }

    /// Statements on a file reference; `deletes` for those that remove it.
    static let fileVerbs: [(word: StaticString, deletes: Bool, moves: Bool)] = [
        ("delete ", true, false), ("move ", false, true), ("duplicate ", false, false), ("read ", false, false),
    ]

    /// Case-insensitive ASCII match of `word` at `i`.
    static func matches(_ b: [UInt8], _ i: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= b.count else { return false }
        let w = word.utf8Start
        for k in 0..<count where b[i + k] | 0x20 != w[k] | 0x20 { return false }
        return true
    }

    /// Whether `word` starts within the `window` bytes after `start`.
    static func contains(_ b: [UInt8], from start: Int, within window: Int, _ word: StaticString) -> Bool {
        let end = min(b.count, start + window) - word.utf8CodeUnitCount
        guard start <= end else { return false }
        return (start...end).contains { matches(b, $0, word) }
    }

    /// The double-quoted string after optional blanks at `start` (on the same line), with `\"`
    /// and `\\` unescaped, and the index after its closing quote.
    static func quoted(_ b: [UInt8], from start: Int) -> (String, Int)? {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < b.count, b[i] != 0x0A {
            if b[i] == UInt8(ascii: "\\"), i + 1 < b.count {
                out.append(b[i + 1])
                i += 2
                continue
            }
            if b[i] == UInt8(ascii: "\"") { return (String(decoding: out, as: UTF8.self), i + 1) }
            out.append(b[i])
            i += 1
        }
        return nil
    }
}
