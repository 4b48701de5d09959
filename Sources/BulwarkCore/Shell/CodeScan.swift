/// A language-agnostic scan of interpreter one-liners (`python -c`, `perl -e`, `awk`, `node -e`…):
/// call chains with their string-literal arguments, all string literals, and identifiers.
/// It is not a parser for any one language; it extracts what the operation rules need.
struct CodeScan {
    struct Call {
        var callee: String
        var strings: [String]
        var hasNonLiteralArguments: Bool
        /// An argument names the home directory by expression: `os.homedir()`, `Dir.home`,
        /// `Path.home()`, `process.env.HOME`, `$ENV{HOME}`.
        var mentionsHome = false
    }

    var calls: [Call] = []
    var strings: [String] = []
    var identifiers: Set<String> = []
    /// Strings next to a `|` (awk `"cmd" | getline`, `print | "sh"`): commands the program pipes to.
    var pipedStrings: [String] = []

    /// More calls than this in one program: the scan stops and `truncated` is set (fail closed).
    static let maxCalls = 4096
    /// A call's arguments are read within this many bytes of its `(`; past it they are unknown.
    static let argumentWindow = 2048
    var truncated = false

    init(_ code: String) {
        let b = Array(code.utf8)
        // String literals are tokenized once, so reading a call's arguments never rereads them:
        // the scan stays linear however deeply calls nest (`a(a(a(…`).
        let literals = Self.literals(b)
        var next = 0
        var i = 0
        while i < b.count {
            while next < literals.count, literals[next].start < i { next += 1 }
            if next < literals.count, literals[next].start == i {
                let (text, end) = (literals[next].text, literals[next].end)
                let c = b[i]
                strings.append(text)
                if c == UInt8(ascii: "`") { calls.append(Call(callee: "`", strings: [text], hasNonLiteralArguments: false)) }
                // `"cmd" | getline` or `| "cmd"`
                var j = end
                while j < b.count, b[j] == 0x20 { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: "|"), j + 1 < b.count, b[j + 1] != UInt8(ascii: "|") { pipedStrings.append(text) }
                var k = i - 1
                while k >= 0, b[k] == 0x20 { k -= 1 }
                if k >= 0, b[k] == UInt8(ascii: "|"), k == 0 || b[k - 1] != UInt8(ascii: "|") { pipedStrings.append(text) }
                i = end
                continue
            }
            let c = b[i]
            if isNameStart(c) || c == UInt8(ascii: "$") || c == UInt8(ascii: "%") && i + 1 < b.count && isNameStart(b[i + 1]) {
                var j = i + 1
                // Identifier chain: a.b, A::B, a->b, a:b (lua methods).
                while j < b.count {
                    if isNameChar(b[j]) { j += 1; continue }
                    if b[j] == UInt8(ascii: "."), j + 1 < b.count, isNameStart(b[j + 1]) { j += 2; continue }
                    if b[j] == UInt8(ascii: ":"), j + 2 < b.count, b[j + 1] == UInt8(ascii: ":"), isNameStart(b[j + 2]) { j += 3; continue }
                    if b[j] == UInt8(ascii: "-"), j + 2 < b.count, b[j + 1] == UInt8(ascii: ">"), isNameStart(b[j + 2]) { j += 3; continue }
                    if b[j] == UInt8(ascii: ":"), j + 1 < b.count, isNameStart(b[j + 1]), j + 2 < b.count { j += 2; continue }
                    break
                }
                let chain = String(decoding: b[i..<j], as: UTF8.self)
                identifiers.insert(chain)
                var k = j
                while k < b.count, b[k] == 0x20 { k += 1 }
                if k < b.count, b[k] == UInt8(ascii: "(") || k > j && (b[k] == UInt8(ascii: "'") || b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "`")) {
                    guard calls.count < Self.maxCalls else {
                        truncated = true
                        return
                    }
                }
                if k < b.count, b[k] == UInt8(ascii: "(") {
                    let (args, nonLiteral, home) = Self.readArguments(b, from: k, literals: literals, first: next)
                    calls.append(Call(callee: chain, strings: args, hasNonLiteralArguments: nonLiteral, mentionsHome: home))
                    i = k + 1
                    continue
                }
                if k < b.count, k > j, b[k] == UInt8(ascii: "'") || b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "`") {
                    // Perl/Ruby style `system "cmd"`, `exec "/bin/sh"`.
                    while next < literals.count, literals[next].start < k { next += 1 }
                    if next < literals.count, literals[next].start == k {
                        calls.append(Call(callee: chain, strings: [literals[next].text], hasNonLiteralArguments: false))
                    }
                }
                i = j
                continue
            }
            i += 1
        }
    }

    /// Every quoted string in `b`, in order: a quote outside a string opens one.
    static func literals(_ b: [UInt8]) -> [(start: Int, end: Int, text: String)] {
        var found: [(start: Int, end: Int, text: String)] = []
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "`") {
                let (text, end) = readString(b, from: i)
                found.append((i, end, text))
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    /// Reads a quoted string starting at `from` (the quote); returns its text and the index after it.
    static func readString(_ b: [UInt8], from: Int) -> (String, Int) {
        let quote = b[from]
        var out: [UInt8] = []
        var i = from + 1
        while i < b.count {
            let c = b[i]
            if c == quote { return (String(decoding: out, as: UTF8.self), i + 1) }
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                let e = b[i + 1]
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                default: out.append(e)
                }
                i += 2
                continue
            }
            out.append(c)
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), b.count)
    }

    /// Reads a parenthesized argument list: the string literals in it (nested lists included)
    /// and whether anything else (a variable, a call) appears. `first` indexes the first literal
    /// at or after `from`. Past `argumentWindow` bytes the rest counts as non-literal.
    static func readArguments(_ b: [UInt8], from: Int, literals: [(start: Int, end: Int, text: String)], first: Int) -> ([String], Bool, Bool) {
        var strings: [String] = []
        var nonLiteral = false
        var home = false
        var depth = 0
        var i = from
        var next = first
        while next < literals.count, literals[next].start < from { next += 1 }
        let limit = min(b.count, from + argumentWindow)
        while i < limit {
            if next < literals.count, literals[next].start == i {
                strings.append(literals[next].text)
                i = literals[next].end
                next += 1
                continue
            }
            let c = b[i]
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1; i += 1; continue }
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                depth -= 1
                i += 1
                if depth == 0 { return (strings, nonLiteral, home) }
                continue
            }
            if isNameStart(c) || c == UInt8(ascii: "$") {
                nonLiteral = true
                var j = i + 1
                while j < limit, isNameChar(b[j]) || b[j] == UInt8(ascii: ".") { j += 1 }
                if !home { home = namesHome(b[i..<j]) }
                i = j
                continue
            }
            i += 1
        }
        return (strings, nonLiteral || i < b.count, home)
    }

    /// `home`, `HOME`, `x.home`, `homedir`, `home_dir` (ASCII case-insensitive).
    static func namesHome(_ name: ArraySlice<UInt8>) -> Bool {
        func ends(with suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard name.count >= n else { return false }
            let s = suffix.utf8Start
            var k = 0
            for byte in name.suffix(n) {
                guard byte | 0x20 == s[k] | 0x20 else { return false }
                k += 1
            }
            return true
        }
        if ends(with: "homedir") || ends(with: "home_dir") { return true }
        guard ends(with: "home") else { return false }
        let before = name.count - 4
        return before == 0 || name[name.startIndex + before - 1] == UInt8(ascii: ".") || name[name.startIndex + before - 1] == UInt8(ascii: "$")
    }
}
