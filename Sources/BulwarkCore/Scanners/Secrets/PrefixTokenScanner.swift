/// Finds provider tokens by prefix in one left-to-right pass.
///
/// At each position that starts a word, only the rules whose prefix begins with that byte are
/// tried, and a body is read for at most the rule's maximum length, so the pass is linear.
enum PrefixTokenScanner {
    /// Well-known documentation examples that are not secrets.
    private static let documentedExamples: [[UInt8]] = [
        Array("AKIAIOSFODNN7EXAMPLE".utf8),
    ]

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        let table = TokenRuleCatalogue.byFirstByte
        let starts = TokenRuleCatalogue.isFirstByte
        let pairs = TokenRuleCatalogue.isFirstPair
        var i = 0
        while i < n {
            let c = b[i]
            if !starts[Int(c)] || i + 1 >= n || !pairs[Int(c) << 8 | Int(b[i + 1])] || !startsWord(b, i) {
                i += 1
                continue
            }
            var advanced = false
            for rule in table[Int(c)] where ScanByte.hasPrefix(b, at: i, rule.prefix) {
                if let match = match(rule, b, at: i) {
                    out.append(match)
                    i = match.range.upperBound
                    advanced = true
                    break
                }
            }
            if !advanced { i += 1 }
        }
    }

    /// A token starts a word: the byte before is not a letter or digit (an ANSI colour sequence
    /// such as `ESC[93m` right before the token also counts as a boundary).
    @inline(__always) static func startsWord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i == 0 { return true }
        let p = b[i - 1]
        if !ScanByte.isAlnum(p) { return true }
        if p == 0x6D {  // 'm' closing an SGR escape: ESC [ digits ; ... m
            var k = i - 2
            while k >= 0, ScanByte.isDigit(b[k]) || b[k] == 0x3B { k -= 1 }
            return k >= 1 && k < i - 2 && b[k] == 0x5B && b[k - 1] == 0x1B
        }
        return false
    }

    static func match(_ rule: TokenRule, _ b: UnsafeBufferPointer<UInt8>, at start: Int) -> ContentMatch? {
        let bodyStart = start + rule.prefix.count
        var j = bodyStart
        let limit = min(b.count, bodyStart + rule.maxBody + 1)
        while j < limit, rule.alphabet.contains(b[j]) { j += 1 }
        var bodyEnd = j
        // Dotted and base64 alphabets may swallow a sentence's final period or padding oddities.
        if rule.alphabet == .dotted || rule.alphabet == .percentEncoded {
            while bodyEnd > bodyStart, b[bodyEnd - 1] == 0x2E { bodyEnd -= 1 }
        }
        let length = bodyEnd - bodyStart
        guard length >= rule.minBody, length <= rule.maxBody else { return nil }
        // The token must end at a word boundary: a fixed-length body followed by more word bytes
        // is some longer string.
        if bodyEnd == j, j < b.count, ScanByte.isAlnum(b[j]) { return nil }
        if rule.mixed {
            var letters = false
            var digits = false
            for k in bodyStart..<bodyEnd {
                if ScanByte.isDigit(b[k]) { digits = true } else if ScanByte.isAlpha(b[k]) { letters = true }
            }
            if !(letters && digits) { return nil }
        }
        if let marker = rule.marker, !contains(b, bodyStart..<bodyEnd, marker) { return nil }
        if rule.alphabet == .hex, !consistentHexCase(b, bodyStart..<bodyEnd) { return nil }
        for example in documentedExamples where bodyEnd - start == example.count && ScanByte.hasPrefix(b, at: start, example) {
            return nil
        }
        let valid = rule.checksum?(b, bodyStart..<bodyEnd) ?? false
        var confidence = valid ? 0.99 : rule.confidence
        // Documentation examples ("…EXAMPLE…") are still reported, with little confidence.
        if SecretValueFilter.contains(b, bodyStart..<bodyEnd, "example") { confidence = 0.3 }
        return ContentMatch(kind: .secret, type: rule.type, range: start..<bodyEnd, confidence: confidence, validated: valid)
    }

    /// Hex bodies are all lowercase or all uppercase; mixed case is base62 text that happens to
    /// use only hex letters.
    static func consistentHexCase(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var upper = false
        var lower = false
        for k in r {
            if ScanByte.isUpper(b[k]) { upper = true } else if ScanByte.isLower(b[k]) { lower = true }
        }
        return !(upper && lower)
    }

    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard r.count >= needle.count else { return false }
        var k = r.lowerBound
        while k + needle.count <= r.upperBound {
            if ScanByte.hasPrefix(b, at: k, needle) { return true }
            k += 1
        }
        return false
    }
}
