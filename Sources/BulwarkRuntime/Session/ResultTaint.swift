import BulwarkCore

extension SessionState {
    /// Feeds a tool result into the taint set.
    ///
    /// - Secrets the scanner finds in the result are tainted, whatever the source.
    /// - When the call read a sensitive source (its verdict had a credential-access finding, such
    ///   as reading `~/.aws/credentials`), every value-like token of the result is tainted too:
    ///   a credential file need not look like a known secret format.
    /// - When the result carried prompt injection, the addresses and URLs in it are tainted: an
    ///   injected "send it to amy@example.com" must not be obeyed later.
    public mutating func absorbResult(tool: String, texts: [String], scans: [ContentScan], sensitiveSource: Bool) {
        for (text, scan) in zip(texts, scans) {
            for match in scan.matches where match.kind == .secret {
                let value = Self.substring(text, match.range)
                taint(value, label: "\(match.type) found in the result of \(tool)")
            }
            if sensitiveSource {
                for token in Self.valueTokens(text).prefix(64) { taint(token, label: "the result of \(tool), a sensitive source") }
            }
            if scan.categories.contains(.promptInjection) {
                for token in Self.addressTokens(text).prefix(16) { taint(token, label: "an address in an injected result of \(tool)") }
            }
        }
    }

    static func substring(_ text: String, _ range: Range<Int>) -> String {
        let u = Array(text.utf8)
        let lo = max(0, min(range.lowerBound, u.count)), hi = max(lo, min(range.upperBound, u.count))
        return String(decoding: u[lo..<hi], as: UTF8.self)
    }

    /// Tokens of 12+ bytes, split at whitespace, quotes and `=`, `:`, `,` (values of `key = value` lines).
    static func valueTokens(_ text: String) -> [String] {
        text.split(whereSeparator: { " \t\r\n\"'=:,;".contains($0) }).map(String.init).filter { $0.utf8.count >= 12 }
    }

    /// E-mail addresses and URLs.
    static func addressTokens(_ text: String) -> [String] {
        text.split(whereSeparator: { " \t\r\n\"'<>(),;".contains($0) }).map(String.init).filter {
            ($0.contains("@") && $0.contains(".")) || $0.hasPrefix("http://") || $0.hasPrefix("https://")
        }.map { String($0.trimmingSuffix(".")) }
    }
}

extension String {
    func trimmingSuffix(_ c: Character) -> Substring {
        var s = Substring(self)
        while s.last == c { s = s.dropLast() }
        return s
    }
}
