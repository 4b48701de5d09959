/// Classifies the name on the left of an assignment: a password field, a token/key field, or
/// neither.
enum SecretKeyword {
    enum Category {
        case password
        case token
    }

    private static let passwordInfixes: [String] = ["password", "passwd", "passphrase", "passwort", "paswoord"]
    private static let passwordSuffixes: [String] = [
        "pwd", "pswd", "psswd", "pswrd", "psword", "psswrd", "pssword", "paswd", "paswrd", "pasword", "passw", "pass",
    ]
    private static let notPasswords: [String] = [
        "bypass", "compass", "surpass", "trespass", "overpass", "underpass", "encompass", "impass", "firstpass",
        "multipass", "renderpass", "subpass", "onepass", "secondpass",
    ]
    /// After "password" in a name, these mean the field is about the password, not the password.
    private static let passwordMetaWords: [String] = [
        "hash", "field", "length", "len", "policy", "reset", "label", "prompt", "input", "placeholder", "hint", "regex",
        "pattern", "type", "min", "max", "required", "error", "strength", "expir", "changed", "file", "path", "env",
        "var", "name", "url", "mode", "rule", "check", "valid", "format", "salt", "digest", "enabled", "count",
        "attempt", "age", "history", "manager", "store", "prefix", "suffix", "char", "msg", "message", "text",
        "title", "help", "view", "visible", "toggle", "icon", "column", "command", "cmd", "script", "program",
        "helper", "source", "from",
    ]
    private static let metaPrefixes: [String] = ["forgot", "show", "hide", "toggle", "validate", "check", "is", "has", "min", "max", "num", "count", "reset"]

    private static let tokenSuffixes: [String] = [
        "secret", "token", "apikey", "accesskey", "secretkey", "privatekey", "authkey", "auth", "authorization",
        "bearer", "credential", "credentials", "clientsecret", "apisecret", "key",
    ]
    private static let notTokens: [String] = [
        "monkey", "donkey", "turkey", "hockey", "jockey", "whiskey", "hotkey", "publickey", "pubkey", "foreignkey",
        "primarykey", "sortkey", "partitionkey", "cachekey", "idempotencykey", "dictkey", "mapkey", "keykey",
        "lookupkey", "routingkey", "shortcutkey", "objectkey", "translationkey", "i18nkey", "rowkey", "uniquekey",
        "groupkey", "querykey", "namekey", "labelkey", "itemkey", "childkey", "nexttoken", "pagetoken",
        "continuationtoken", "cancellationtoken", "maxtoken", "mintoken", "numtoken", "counttoken", "eostoken",
        "bostoken", "padtoken", "unktoken", "septoken", "clstoken", "masktoken", "starttoken", "endtoken",
        "keytoken", "sessionkey", "localstoragekey", "storagekey", "statekey", "settingskey", "configkey",
        "datakey", "fieldkey", "columnkey", "tablekey", "indexkey", "entrykey", "hashkey",
    ]

    /// `raw` is the name as written (`--ANY_Password`, `ID`, `my_pw`).
    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ raw: Range<Int>) -> Category? {
        guard raw.count >= 2, raw.count <= 64 else { return nil }
        // "pw" only as a whole name or a separated suffix (my_pw, ANY-PW).
        let n = raw.upperBound
        if ScanByte.lower(b[n - 1]) == 0x77, ScanByte.lower(b[n - 2]) == 0x70,
            raw.count == 2 || b[n - 3] == 0x5F || b[n - 3] == 0x2D
        {
            return .password
        }
        var s = Name()
        for i in raw {
            let c = b[i]
            if c == 0x5F || c == 0x2D || c == 0x2E || c == 0x20 { continue }
            s.bytes.append(ScanByte.lower(c))
        }
        for suffix in ["value", "val", "str", "string", "literal"] where s.hasSuffix(suffix) && s.count > suffix.utf8.count + 2 {
            s.bytes.removeLast(suffix.utf8.count)
            break
        }
        for plural in ["words", "tokens", "secrets", "keys", "passwds"] where s.hasSuffix(plural) {
            s.bytes.removeLast()
            break
        }
        for p in metaPrefixes where s.hasPrefix(p) && s.count > p.utf8.count + 2 {
            // "isPassword", "showPassword": flags about the secret, not the secret.
            if p == "is" || p == "has" {
                let rest = p.utf8.count
                if s.has("pass", at: rest) || s.has("secret", at: rest) || s.has("token", at: rest) { return nil }
            } else {
                return nil
            }
        }
        for infix in passwordInfixes {
            guard let at = s.firstIndex(of: infix) else { continue }
            let after = at + infix.utf8.count
            for meta in passwordMetaWords where s.has(meta, at: after) { return nil }
            return .password
        }
        for suffix in passwordSuffixes where s.hasSuffix(suffix) {
            for word in notPasswords where s.hasSuffix(word) { return nil }
            return .password
        }
        for suffix in tokenSuffixes where s.hasSuffix(suffix) {
            for word in notTokens where s.hasSuffix(word) { return nil }
            return .token
        }
        return nil
    }

    /// A lowercased name with byte-level affix tests.
    struct Name {
        var bytes: [UInt8] = []
        var count: Int { bytes.count }

        func has(_ word: String, at offset: Int) -> Bool {
            var k = offset
            for c in word.utf8 {
                guard k < bytes.count, bytes[k] == c else { return false }
                k += 1
            }
            return true
        }

        func hasPrefix(_ word: String) -> Bool { has(word, at: 0) }

        func hasSuffix(_ word: String) -> Bool {
            let n = word.utf8.count
            return n <= bytes.count && has(word, at: bytes.count - n)
        }

        func firstIndex(of word: String) -> Int? {
            let n = word.utf8.count
            guard n <= bytes.count else { return nil }
            for k in 0...(bytes.count - n) where has(word, at: k) { return k }
            return nil
        }
    }
}
