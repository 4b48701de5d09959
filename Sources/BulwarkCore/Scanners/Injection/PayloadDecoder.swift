/// Stage (b) of the injection firewall: text hidden in encodings. Base64 and hex runs,
/// percent-encoding, `\xNN` escapes and Unicode tag characters are decoded and handed back for
/// another scan (rot13 is matched on the words directly, see `PhraseMatcher.rot13Bits`). A long high-entropy run that decodes to
/// nothing readable is only a signal (`injection.encoded_payload`, low), never a verdict alone.
struct PayloadDecoder: Sendable {
    /// A decoded payload: how it was encoded and the text it carries.
    struct Payload: Sendable {
        var encoding: String
        var text: String
    }

    /// At most this many payloads per text, and this many bytes of the text looked at.
    static let maxPayloads = 8
    static let maxScan = 1 << 20

    func payloads(_ text: String, bytes: [UInt8], signals: inout [InjectionScanner.Match]) -> [Payload] {
        let b = bytes.count > Self.maxScan ? Array(bytes.prefix(Self.maxScan)) : bytes
        var out: [Payload] = []
        // One pass finds the runs long enough to hide a payload (ordinary words are shorter) and
        // counts `%XX` escapes; only those runs are decoded.
        var runs: [Range<Int>] = []
        var percents = 0
        b.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                guard isRunByte(p[i]) else {
                    if p[i] == UInt8(ascii: "%"), i + 2 < p.count, hexValue(p[i + 1]) != nil, hexValue(p[i + 2]) != nil { percents += 1 }
                    i += 1
                    continue
                }
                var j = i + 1
                while j < p.count, isRunByte(p[j]) { j += 1 }
                if j - i >= 16, runs.count < 64 { runs.append(i..<j) }
                i = j
            }
        }
        for run in runs where out.count < Self.maxPayloads {
            if let payload = base64(b, run, signals: &signals) ?? hex(b, run) { out.append(payload) }
        }
        if percents >= 3, let decoded = percentDecoded(b) { out.append(Payload(encoding: "URL-encoded", text: decoded)) }
        if b.contains(0xF3), let tags = StructureScanner.tagText(text) { out.append(Payload(encoding: "Unicode-tag", text: tags)) }
        return Array(out.prefix(Self.maxPayloads))
    }

    /// Base64 and hex alphabets, `=` padding and the `\x` of escapes.
    @inline(__always) func isRunByte(_ c: UInt8) -> Bool {
        ScanByte.isBase64(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: "=") || c == UInt8(ascii: "\\")
    }

    // MARK: Base64

    /// A run of at least 20 base64 characters with both cases, decoded when the result is mostly
    /// printable text; otherwise, when long and random-looking, an entropy signal.
    func base64(_ b: [UInt8], _ run: Range<Int>, signals: inout [InjectionScanner.Match]) -> Payload? {
        var upper = false, lower = false
        var end = run.upperBound
        while end > run.lowerBound, b[end - 1] == UInt8(ascii: "=") { end -= 1 }
        for c in b[run.lowerBound..<end] {
            if c == UInt8(ascii: "\\") || c == UInt8(ascii: "=") { return nil }
            if c >= 0x41 && c <= 0x5A { upper = true } else if c >= 0x61 && c <= 0x7A { lower = true }
        }
        guard end - run.lowerBound >= 20, upper, lower else { return nil }
        let text = String(decoding: b[run.lowerBound..<end], as: UTF8.self)
        if let bytes = Base64.decode(text), let decoded = readable(bytes) { return Payload(encoding: "base64", text: decoded) }
        if end - run.lowerBound >= 64, entropy(b[run.lowerBound..<end]) >= 5.0, signals.count < 4 {
            signals.append(.init(rule: "injection.encoded_payload", severity: .low, message: "Long high-entropy run that is not readable text", phrase: String(text.prefix(40))))
        }
        return nil
    }

    // MARK: Hex

    /// A run of at least 16 hex digits (optionally `\x`-escaped) that decodes to printable text.
    func hex(_ b: [UInt8], _ run: Range<Int>) -> Payload? {
        var bytes: [UInt8] = []
        var k = run.lowerBound
        while k < run.upperBound {
            if k + 1 < run.upperBound, b[k] == UInt8(ascii: "\\"), b[k + 1] | 0x20 == UInt8(ascii: "x") { k += 2 }
            guard k + 1 < run.upperBound, let hi = hexValue(b[k]), let lo = hexValue(b[k + 1]) else { break }
            bytes.append(UInt8(hi << 4 | lo))
            k += 2
        }
        guard bytes.count >= 8, let text = readable(bytes), text.contains(" ") else { return nil }
        return Payload(encoding: "hex", text: text)
    }

    // MARK: Percent-encoding

    /// The text with `%XX` escapes decoded, when it has at least three of them.
    func percentDecoded(_ b: [UInt8]) -> String? {
        var escapes = 0
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
                out.append(UInt8(hi << 4 | lo))
                escapes += 1
                i += 3
            } else {
                out.append(b[i] == UInt8(ascii: "+") ? 0x20 : b[i])
                i += 1
            }
        }
        return escapes >= 3 ? String(decoding: out, as: UTF8.self) : nil
    }

    // MARK: Helpers

    /// The bytes as text when at least 85% of them are printable ASCII or whitespace and they
    /// hold at least two letters-only words.
    func readable(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 8 else { return nil }
        var printable = 0
        var spaces = 0
        for c in bytes {
            if (c >= 0x20 && c < 0x7F) || c == 0x0A || c == 0x09 || c == 0x0D { printable += 1 }
            if c == 0x20 { spaces += 1 }
        }
        guard printable * 100 >= bytes.count * 85, spaces >= 1 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Shannon entropy in bits per byte.
    func entropy(_ bytes: ArraySlice<UInt8>) -> Double {
        bytes.withUnsafeBufferPointer { ValueShape($0, 0..<$0.count).entropy }
    }
}
