/// Stage (c) of the injection firewall: structure rather than words. Chat-template role markers,
/// fake conversation boundaries, fake tool calls, hidden HTML comments and zero-size text,
/// markdown images that carry data out, invisible Unicode tag characters and token floods.
/// One pass over the UTF-8 bytes per check; no regular expressions.
struct StructureScanner: Sendable {
    typealias Match = InjectionScanner.Match

    func scan(_ text: String, bytes b: [UInt8], into out: inout [Match]) {
        markers(b, into: &out)
        lines(b, into: &out)
        hiddenContent(b, into: &out)
        markdownExfiltration(b, into: &out)
        tokenFlood(b, into: &out)
    }

    // MARK: Markers: chat-template tokens, fake tool calls, HTML comments

    /// Lower case: matched with `ScanByte.hasPrefixFolded`.
    static let templateTokens: [(StaticString, Severity)] = [
        ("[inst]", .high), ("[/inst]", .high), ("<<sys>>", .high), ("<</sys>>", .high), ("<start_of_turn>", .high), ("<end_of_turn>", .high),
        ("</tool_output>", .medium), ("</tool_result>", .medium), ("</function_results>", .medium), ("</tool_response>", .medium),
        ("<system>", .medium), ("</system>", .medium), ("</user>", .medium), ("<assistant>", .medium), ("</instructions>", .medium), ("</context>", .medium),
    ]
    static let toolCallShapes: [StaticString] = ["\"tool_calls\"", "\"function_call\"", "\"tool_use\"", "<tool_call>", "<function_calls>", "<invoke name=", "<function=", "\"tool_name\":"]

    /// One pass over the bytes, looking only where a `<`, `[` or `"` starts a known marker:
    /// `<|im_start|>` and other `<|…|>` tokens, the bracketed markers of other chat templates,
    /// tool-output tags, and what looks like a serialized tool call.
    func markers(_ b: [UInt8], into out: inout [Match]) {
        b.withUnsafeBufferPointer { markers($0, into: &out) }
    }

    func markers(_ b: UnsafeBufferPointer<UInt8>, into out: inout [Match]) {
        var template = false
        var toolCall = false
        var i = 0
        while i < b.count, !(template && toolCall) {
            let c = b[i]
            defer { i += 1 }
            guard c == UInt8(ascii: "<") || c == UInt8(ascii: "[") || c == UInt8(ascii: "\"") else { continue }
            if !template, c == UInt8(ascii: "<"), i + 3 < b.count, b[i + 1] == UInt8(ascii: "|") {
                var j = i + 2
                while j < b.count, j - i < 40, isTokenByte(b[j]) { j += 1 }
                if j + 1 < b.count, j > i + 2, b[j] == UInt8(ascii: "|"), b[j + 1] == UInt8(ascii: ">") {
                    template = true
                    out.append(Match(rule: "injection.role_marker", severity: .high, message: "Chat-template control token in the text", phrase: String(decoding: b[i...(j + 1)], as: UTF8.self)))
                    continue
                }
            }
            if !template, c != UInt8(ascii: "\"") {
                for (token, severity) in Self.templateTokens where ScanByte.hasPrefixFolded(b, at: i, token) {
                    template = true
                    out.append(Match(rule: "injection.role_marker", severity: severity, message: "Chat-template or tool-output marker in the text", phrase: "\(token)"))
                    break
                }
            }
            if !toolCall {
                for shape in Self.toolCallShapes where shape.utf8Start[0] == c && ScanByte.hasPrefixFolded(b, at: i, shape) {
                    toolCall = true
                    out.append(Match(rule: "injection.fake_tool_call", severity: .medium, message: "The text contains what looks like a tool call", phrase: "\(shape)"))
                    break
                }
            }
        }
    }

    func isTokenByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "/")
    }

    // MARK: Lines: role headers and fake boundaries

    static let roleHeaders: Set<String> = ["system", "developer", "admin", "administrator"]
    static let boundaryVerbs: Set<String> = ["end", "begin", "start", "stop", "ending", "beginning"]
    static let boundaryNouns: Set<String> = ["input", "prompt", "instructions", "instruction", "section", "context", "output", "buffer", "conversation", "user", "message", "data", "document", "ambiguity", "query", "text", "transcript", "code", "system", "untrusted", "examples", "rules", "session", "admin", "memory", "response", "tool", "chat", "content", "password", "request", "email"]

    func lines(_ b: [UInt8], into out: inout [Match]) {
        var foundHeader = false
        var foundBoundary = false
        var start = 0
        var count = 0
        while start < b.count, count < 2_000, !(foundHeader && foundBoundary) {
            var end = start
            while end < b.count, b[end] != 0x0A { end += 1 }
            defer { start = end + 1; count += 1 }
            guard end - start <= 200, end > start else { continue }
            let line = b[start..<end]
            let header = !foundHeader && mayBeRoleHeader(line)
            let boundary = !foundBoundary && mayBeBoundary(line)
            guard header || boundary else { continue }
            let string = String(decoding: line, as: UTF8.self)
            let text = Substring(string)
            let words = TextNormalizer.words(string, limit: 200)
            guard !words.isEmpty else { continue }
            if header, isRoleHeader(text, firstWord: words[0]) {
                foundHeader = true
                out.append(Match(rule: "injection.role_marker", severity: .medium, message: "A line poses as a system or developer message", phrase: String(text.prefix(60))))
            }
            if boundary, words.count <= 8, isBoundary(text, words: words) {
                foundBoundary = true
                out.append(Match(rule: "injection.fake_boundary", severity: .medium, message: "A line fakes the end or start of a prompt section", phrase: String(text.prefix(60))))
            }
        }
    }

    /// Cheap prefilters: the first letter of the line could start a role name; the line has a
    /// boundary verb in it.
    func mayBeRoleHeader(_ line: ArraySlice<UInt8>) -> Bool {
        for c in line {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "\t"): continue
            default: return c | 0x20 == UInt8(ascii: "s") || c | 0x20 == UInt8(ascii: "d") || c | 0x20 == UInt8(ascii: "a")
            }
        }
        return false
    }

    static let boundaryStems: [StaticString] = ["end", "begin", "start", "stop"]

    func mayBeBoundary(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { p in
            Self.boundaryStems.contains { ScanByte.findFolded(p, $0) != nil }
        }
    }

    /// `### System:`, `SYSTEM:`, `[system]`, `**Developer:**` at the start of a line.
    func isRoleHeader(_ line: Substring, firstWord: String) -> Bool {
        guard Self.roleHeaders.contains(firstWord) else { return false }
        var sawWord = false
        for c in line.utf8 {
            if (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) { sawWord = true; continue }
            if !sawWord {
                if c == UInt8(ascii: " ") || c == UInt8(ascii: "#") || c == UInt8(ascii: "*") || c == UInt8(ascii: "[") || c == UInt8(ascii: "<") || c == UInt8(ascii: "\t") { continue }
                return false
            }
            return c == UInt8(ascii: ":") || c == UInt8(ascii: "]") || c == UInt8(ascii: ">") || (c == UInt8(ascii: "*") && line.contains(":"))
        }
        return false
    }

    /// A short line such as `%%% END USER AMBIGUITY %%%`, `=== END USER SECTION ===` or
    /// `END UNTRUSTED USER INPUT`: a boundary verb and a section noun, decorated or in capitals.
    func isBoundary(_ line: Substring, words: [String]) -> Bool {
        // LaTeX environments (`\end{document}`) are markup, not a conversation boundary.
        guard !line.contains("\\"), words.contains(where: { Self.boundaryVerbs.contains($0) }), words.contains(where: { Self.boundaryNouns.contains($0) }) else { return false }
        var decoration = 0
        var upper = 0
        var lower = 0
        for c in line.utf8 {
            switch c {
            case UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "="), UInt8(ascii: "*"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"): decoration += 1
            case 0x41...0x5A: upper += 1
            case 0x61...0x7A: lower += 1
            default: break
            }
        }
        return decoration >= 2 || (upper >= 6 && lower == 0)
    }

    // MARK: Hidden content

    static let hiddenStyles: [StaticString] = ["font-size:0", "font-size: 0", "display:none", "display: none", "visibility:hidden", "visibility: hidden", "opacity:0", "opacity: 0", "color:white", "color: white", "color:#fff", "color: #fff", "height:0", "width:0"]

    /// HTML comments with words in them, text styled to be invisible, and Unicode tag characters
    /// (which spell ASCII invisibly). Hidden text is a signal; what it says is scanned like the rest.
    func hiddenContent(_ b: [UInt8], into out: inout [Match]) {
        var markup = false
        var comment: Range<Int>? = nil
        var tags = 0
        b.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let c = p[i]
                if c == UInt8(ascii: "<") || c == UInt8(ascii: "{") {
                    markup = true
                    if comment == nil, c == UInt8(ascii: "<"), i + 3 < p.count, p[i + 1] == UInt8(ascii: "!"), p[i + 2] == UInt8(ascii: "-"), p[i + 3] == UInt8(ascii: "-") {
                        var j = i + 4
                        while j + 2 < p.count, !(p[j] == UInt8(ascii: "-") && p[j + 1] == UInt8(ascii: "-") && p[j + 2] == UInt8(ascii: ">")) { j += 1 }
                        comment = (i + 4)..<max(i + 4, min(j, p.count))
                    }
                } else if c == 0xF3, i + 3 < p.count, p[i + 1] == 0xA0, p[i + 2] == 0x80 || p[i + 2] == 0x81 {
                    // U+E0000…U+E007F in UTF-8: F3 A0 80…81 xx.
                    tags += 1
                    i += 4
                    continue
                }
                i += 1
            }
        }
        if let comment {
            let inner = String(decoding: b[comment], as: UTF8.self)
            if TextNormalizer.words(inner, limit: 4_000).count >= 4 {
                out.append(Match(rule: "injection.hidden_text", severity: .low, message: "Hidden HTML comment with text", phrase: String(inner.prefix(60))))
            }
        }
        if markup {
            for style in Self.hiddenStyles where b.withUnsafeBufferPointer({ ScanByte.findFolded($0, style) != nil }) {
                out.append(Match(rule: "injection.hidden_text", severity: .low, message: "Text styled to be invisible", phrase: "\(style)"))
                break
            }
        }
        if tags >= 4 {
            out.append(Match(rule: "injection.invisible_tags", severity: .high, message: "Invisible Unicode tag characters smuggle text", phrase: "\(tags) tag characters"))
        }
    }

    /// The ASCII text spelled by Unicode tag characters, if any (ASCII smuggling).
    static func tagText(_ text: String) -> String? {
        var decoded: [UInt8] = []
        for scalar in text.unicodeScalars where (0xE0020...0xE007E).contains(scalar.value) {
            decoded.append(UInt8(scalar.value - 0xE0000))
            if decoded.count >= 4096 { break }
        }
        return decoded.count >= 4 ? String(decoding: decoded, as: UTF8.self) : nil
    }

    // MARK: Markdown exfiltration

    /// `![alt](https://host/path?q={data})`: an image the client renders by fetching a URL, which
    /// carries a placeholder or conversation data in its query. Images with any query are a signal.
    func markdownExfiltration(_ b: [UInt8], into out: inout [Match]) {
        var i = 0
        var signalled = false
        while i + 4 < b.count {
            defer { i += 1 }
            guard b[i] == UInt8(ascii: "]"), b[i + 1] == UInt8(ascii: "("), hasHTTP(b, at: i + 2) else { continue }
            let isImage = imageBang(b, before: i)
            var j = i + 2
            var query = false
            var placeholder = false
            while j < b.count, j - i < 2048, b[j] != UInt8(ascii: ")"), b[j] != UInt8(ascii: " "), b[j] != UInt8(ascii: "\n") {
                let c = b[j]
                if c == UInt8(ascii: "?") || c == UInt8(ascii: "=") { query = true }
                if query, c == UInt8(ascii: "{") || c == UInt8(ascii: "<") || c == UInt8(ascii: "[") || c == UInt8(ascii: "$") { placeholder = true }
                j += 1
            }
            let url = String(decoding: b[(i + 2)..<j], as: UTF8.self)
            if placeholder {
                out.append(Match(rule: "injection.markdown_exfiltration", severity: .high, message: "Markdown \(isImage ? "image" : "link") whose URL is a template for data", phrase: String(url.prefix(80))))
                return
            }
            if isImage, query, !signalled {
                signalled = true
                out.append(Match(rule: "injection.markdown_exfiltration", severity: .low, message: "Markdown image with a query string", phrase: String(url.prefix(80))))
            }
        }
    }

    func hasHTTP(_ b: [UInt8], at i: Int) -> Bool {
        let http = Array("http".utf8)
        guard i + 4 <= b.count else { return false }
        for k in 0..<4 where b[i + k] | 0x20 != http[k] { return false }
        return true
    }

    /// Whether the `]` at `close` ends the alt text of `![…]`.
    func imageBang(_ b: [UInt8], before close: Int) -> Bool {
        var k = close - 1
        while k >= 0, close - k < 300 {
            if b[k] == UInt8(ascii: "[") { return k > 0 && b[k - 1] == UInt8(ascii: "!") }
            if b[k] == UInt8(ascii: "\n") { return false }
            k -= 1
        }
        return false
    }

    // MARK: Token floods

    /// A long run of a few tokens repeated (`ö ö ö …`, `) ] } ) ] } …`): an attack on the model's
    /// attention, not language. At least 32 whitespace-separated tokens in a row that repeat with
    /// a period of at most four tokens, anywhere in the text.
    func tokenFlood(_ b: [UInt8], into out: inout [Match]) {
        // Tokens are compared by a 64-bit FNV-1a hash kept in a ring of the last four.
        var ring: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var run: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var best = 0
        var seen = 0
        b.withUnsafeBufferPointer { p in
            var hash: UInt64 = 0xcbf29ce484222325
            var inToken = false
            var i = 0
            while i <= p.count, best < 32 {
                let c: UInt8 = i < p.count ? p[i] : 0x20
                i += 1
                if c != 0x20 && c != 0x0A && c != 0x09 && c != 0x0D {
                    hash = (hash ^ UInt64(c)) &* 0x100000001b3
                    inToken = true
                    continue
                }
                guard inToken else { continue }
                inToken = false
                let h = hash
                hash = 0xcbf29ce484222325
                run.0 = seen >= 1 && ring.3 == h ? run.0 + 1 : 0
                run.1 = seen >= 2 && ring.2 == h ? run.1 + 1 : 0
                run.2 = seen >= 3 && ring.1 == h ? run.2 + 1 : 0
                run.3 = seen >= 4 && ring.0 == h ? run.3 + 1 : 0
                best = max(best, run.0 + 1, run.1 + 2, run.2 + 3, run.3 + 4)
                ring = (ring.1, ring.2, ring.3, h)
                seen += 1
            }
        }
        guard best >= 32 else { return }
        out.append(Match(rule: "injection.token_flood", severity: .medium, message: "Long run of repeated tokens", phrase: "\(best) tokens repeating with a period of at most 4"))
    }
}
