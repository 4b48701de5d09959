/// AppleScript deletions: `delete POSIX file "/var/log/system.log"` (Finder) removes the file as
/// `rm` would. (`do shell script` is followed by the interpreter rules.)
enum AppleScriptDeletes {
    /// The quoted paths after `delete [POSIX] file|folder`. Linear in the length of `source`.
    static func scan(_ source: String) -> [String] {
        guard source.utf8.count >= 12 else { return [] }
        // ASCII-only lowering keeps every byte offset, so indices of `lower` are valid in `source`.
        let lower = String(decoding: source.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        var out: [String] = []
        var rest = lower[...]
        while let hit = rest.firstRange(of: "delete ") {
            var after = lower[hit.upperBound...]
            if after.hasPrefix("posix ") { after = after.dropFirst(6) }
            if after.hasPrefix("file ") || after.hasPrefix("folder "), let text = quoted(in: source, from: after.startIndex) {
                out.append(text)
            }
            rest = lower[hit.upperBound...]
        }
        return out
    }

    /// The double-quoted string that starts the rest of the statement, with `\"` and `\\` unescaped.
    private static func quoted(in source: String, from index: String.Index) -> String? {
        guard let open = source[index...].firstIndex(of: "\""), !source[index..<open].contains("\n") else { return nil }
        var text = ""
        var i = source.index(after: open)
        while i < source.endIndex {
            let c = source[i]
            if c == "\\", source.index(after: i) < source.endIndex {
                i = source.index(after: i)
                text.append(source[i])
            } else if c == "\"" {
                return text
            } else {
                text.append(c)
            }
            i = source.index(after: i)
        }
        return nil
    }
}
