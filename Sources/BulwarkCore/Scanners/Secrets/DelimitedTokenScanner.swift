/// Provider tokens recognised by an inner delimiter rather than a prefix: Telegram bot tokens
/// (`123456789:AA…`), Facebook app tokens (`appid|secret`), Discord bot tokens (three dotted
/// parts, the first the base64 of a numeric id), Google OAuth client ids, Azure client secrets
/// (`…Q~…`), Terraform Cloud tokens (`.atlasv1.`) and New Relic keys ending in `NRAL`.
enum DelimitedTokenScanner {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            var found: ContentMatch?
            switch c {
            case 0x3A: found = telegram(b, i)  // ':'
            case 0x7C: found = facebookApp(b, i)  // '|'
            case 0x2E:  // '.'
                if i > 0, ScanByte.isAlnum(b[i - 1]) || b[i - 1] == 0x2D || b[i - 1] == 0x5F {
                    found = discord(b, i) ?? googleClientID(b, i) ?? terraform(b, i)
                }
            case 0x51: found = azureSecret(b, i)  // 'Q'
            case 0x4E: found = newRelicSuffix(b, i)  // 'N'
            case 0x2D: found = mailgunSigningKey(b, i) ?? mailchimp(b, i)  // '-'
            default: break
            }
            if let m = found {
                out.append(m)
                i = max(i + 1, m.range.upperBound)
            } else {
                i += 1
            }
        }
    }

    /// Counts bytes matching `pred` going left from `end` (exclusive), at most `limit`.
    @inline(__always) static func runLeft(
        _ b: UnsafeBufferPointer<UInt8>, _ end: Int, limit: Int, _ pred: (UInt8) -> Bool
    ) -> Int {
        var k = end
        while k > 0, end - k < limit + 1, pred(b[k - 1]) { k -= 1 }
        return end - k
    }

    /// Counts bytes matching `pred` going right from `start`, at most `limit + 1`.
    @inline(__always) static func runRight(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, limit: Int, _ pred: (UInt8) -> Bool
    ) -> Int {
        var k = start
        while k < b.count, k - start < limit + 1, pred(b[k]) { k += 1 }
        return k - start
    }

    static func telegram(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard i + 2 < b.count, b[i + 1] == 0x41, b[i + 2] == 0x41 else { return nil }
        let digits = runLeft(b, i, limit: 10, ScanByte.isDigit)
        guard (8...10).contains(digits) else { return nil }
        let start = i - digits
        if start > 0, ScanByte.isAlnum(b[start - 1]) { return nil }
        let body = runRight(b, i + 3, limit: 40, ScanByte.isURLSafe)
        guard body == 33 else { return nil }
        return ContentMatch(kind: .secret, type: "telegram_bot_token", range: start..<(i + 3 + body), confidence: 0.95)
    }

    static func facebookApp(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        let digits = runLeft(b, i, limit: 16, ScanByte.isDigit)
        guard (15...16).contains(digits) else { return nil }
        let start = i - digits
        if start > 0, ScanByte.isAlnum(b[start - 1]) { return nil }
        let body = runRight(b, i + 1, limit: 40, ScanByte.isURLSafe)
        guard body == 27 else { return nil }
        return ContentMatch(kind: .secret, type: "facebook_app_token", range: start..<(i + 1 + body), confidence: 0.9)
    }

    static func discord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        let first = runLeft(b, i, limit: 28, ScanByte.isURLSafe)
        guard (23...28).contains(first) else { return nil }
        let start = i - first
        if start > 0, ScanByte.isURLSafe(b[start - 1]) || b[start - 1] == 0x2E { return nil }
        guard b[start] == 0x4D || b[start] == 0x4E || b[start] == 0x4F else { return nil }
        let second = runRight(b, i + 1, limit: 7, ScanByte.isURLSafe)
        guard second == 6, i + 7 < b.count, b[i + 7] == 0x2E else { return nil }
        let third = runRight(b, i + 8, limit: 40, ScanByte.isURLSafe)
        guard (27...38).contains(third) else { return nil }
        // The first part is the base64 of the bot's numeric id.
        guard let id = Base64Decoder.decode(b, start..<i), id.count >= 17, id.allSatisfy(ScanByte.isDigit) else { return nil }
        return ContentMatch(kind: .secret, type: "discord_bot_token", range: start..<(i + 8 + third), confidence: 0.95)
    }

    private static let googleSuffix: StaticString = ".apps.googleusercontent.com"

    static func googleClientID(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard ScanByte.hasPrefixFolded(b, at: i, googleSuffix) else { return nil }
        let random = runLeft(b, i, limit: 32) { ScanByte.isLower($0) || ScanByte.isDigit($0) }
        guard random == 32, i - 33 >= 0, b[i - 33] == 0x2D else { return nil }
        let digits = runLeft(b, i - 33, limit: 14, ScanByte.isDigit)
        guard (8...14).contains(digits) else { return nil }
        let start = i - 33 - digits
        let end = i + googleSuffix.utf8CodeUnitCount
        return ContentMatch(kind: .secret, type: "google_oauth_client_id", range: start..<end, confidence: 0.9)
    }

    static func terraform(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard ScanByte.hasPrefixFolded(b, at: i, ".atlasv1.") else { return nil }
        let head = runLeft(b, i, limit: 14, ScanByte.isAlnum)
        guard head == 14 else { return nil }
        let body = runRight(b, i + 9, limit: 100) { ScanByte.isURLSafe($0) || $0 == 0x3D }
        guard (60...100).contains(body) else { return nil }
        return ContentMatch(kind: .secret, type: "terraform_token", range: (i - 14)..<(i + 9 + body), confidence: 0.95)
    }

    @inline(__always) static func isAzureSecretByte(_ c: UInt8) -> Bool {
        ScanByte.isURLSafe(c) || c == 0x7E || c == 0x2E
    }

    static func azureSecret(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard i >= 4, i + 1 < b.count, b[i + 1] == 0x7E, ScanByte.isDigit(b[i - 1]) else { return nil }
        for k in (i - 4)..<(i - 1) where !isAzureSecretByte(b[k]) { return nil }
        let start = i - 4
        if start > 0, isAzureSecretByte(b[start - 1]) { return nil }
        let body = runRight(b, i + 2, limit: 34, isAzureSecretByte)
        guard (31...34).contains(body) else { return nil }
        return ContentMatch(kind: .secret, type: "azure_client_secret", range: start..<(i + 2 + body), confidence: 0.9)
    }

    static func newRelicSuffix(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard i + 4 <= b.count, b[i + 1] == 0x52, b[i + 2] == 0x41, b[i + 3] == 0x4C else { return nil }  // NRAL
        if i + 4 < b.count, ScanByte.isAlnum(b[i + 4]) { return nil }
        let body = runLeft(b, i, limit: 36) { ScanByte.isLower($0) || ScanByte.isDigit($0) }
        guard body == 36 else { return nil }
        let start = i - 36
        if start > 0, ScanByte.isAlnum(b[start - 1]) { return nil }
        return ContentMatch(kind: .secret, type: "newrelic_key", range: start..<(i + 4), confidence: 0.9)
    }

    @inline(__always) static func isLowerHex(_ c: UInt8) -> Bool { ScanByte.isDigit(c) || (c &- 0x61) < 6 }

    /// Mailgun keys: 32 hex, '-', 8 hex, '-', 8 hex.
    static func mailgunSigningKey(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard runLeft(b, i, limit: 32, isLowerHex) == 32 else { return nil }
        let start = i - 32
        if start > 0, ScanByte.isAlnum(b[start - 1]) || b[start - 1] == 0x2D { return nil }
        guard runRight(b, i + 1, limit: 8, isLowerHex) == 8, i + 9 < b.count, b[i + 9] == 0x2D,
            runRight(b, i + 10, limit: 8, isLowerHex) == 8
        else { return nil }
        let end = i + 18
        if end < b.count, ScanByte.isAlnum(b[end]) || b[end] == 0x2D { return nil }
        return ContentMatch(kind: .secret, type: "mailgun_key", range: start..<end, confidence: 0.85)
    }

    /// Mailchimp API keys: 32 lowercase hex, then the data centre (`-us6`).
    static func mailchimp(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> ContentMatch? {
        guard i + 3 < b.count, b[i + 1] == 0x75, b[i + 2] == 0x73, runLeft(b, i, limit: 32, isLowerHex) == 32 else { return nil }
        let start = i - 32
        if start > 0, ScanByte.isAlnum(b[start - 1]) { return nil }
        let dc = runRight(b, i + 3, limit: 2, ScanByte.isDigit)
        guard (1...2).contains(dc) else { return nil }
        let end = i + 3 + dc
        if end < b.count, ScanByte.isAlnum(b[end]) { return nil }
        return ContentMatch(kind: .secret, type: "mailchimp_key", range: start..<end, confidence: 0.9)
    }
}
