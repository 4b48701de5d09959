/// Decides whether the value of a `password=`/`token:` assignment looks like a real secret:
/// placeholders, variable references, code and dictionary-like words are rejected.
enum SecretValueFilter {
    /// Whole values that are never secrets.
    static let placeholderWords: Set<String> = [
        "password", "passwd", "pass", "pwd", "secret", "token", "apikey", "api_key", "key", "none", "null", "nil",
        "true", "false", "undefined", "empty", "test", "testing", "todo", "fixme", "string", "str", "value",
        "hidden", "redacted", "masked", "required", "optional", "default", "example", "sample", "dummy", "foo",
        "bar", "baz", "admin", "root", "user", "username", "guest", "qwerty", "letmein", "abc123", "password1",
        "password123", "secret123", "p@ssw0rd", "p@ssword", "passw0rd", "changeme", "changeit", "your_password",
        "yourpassword", "mypassword", "my_password", "<password>", "env", "environment", "keep", "mask",
    ]

    /// Fragments that mark a value as a placeholder or template.
    static let placeholderFragments: [StaticString] = [
        "xxx", "***", "...", "${", "{{", "}}", "%(", "$(", "#{", "%{", "<%", "changeme", "change_me", "change-me",
        "changeit", "placeholder", "example", "your_", "your-", "yourapi", "yourpass", "yoursecret", "yourtoken",
        "redacted", "replace_", "replace-", "insert_", "insert-", "dummy", "sample", "fake_", "process.env",
        "os.environ", "getenv", "env[", "secrets.", "vault:", "::", "\\n", "________",
    ]

    static func lowered(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        var s = ""
        s.reserveCapacity(r.count)
        for i in r { s.unicodeScalars.append(Unicode.Scalar(ScanByte.lower(b[i]))) }
        return s
    }

    static func isPlaceholder(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return true }
        let first = b[r.lowerBound]
        let last = b[r.upperBound - 1]
        // Variable references: $VAR, ${VAR}, %VAR%, <value>, [value], {value}.
        if first == 0x24 || first == 0x3C || first == 0x7B || first == 0x5B { return true }
        if first == 0x25, last == 0x25 { return true }
        // One repeated character ("xxxxxx", "000000", "******").
        var same = true
        for i in r where b[i] != first {
            same = false
            break
        }
        if same { return true }
        if r.count <= 24, placeholderWords.contains(lowered(b, r)) { return true }
        for fragment in placeholderFragments where contains(b, r, fragment) { return true }
        return false
    }

    /// A URL password that is a well-known default or placeholder.
    static func isWeakURLPassword(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.count < 3 || (r.count <= 24 && placeholderWords.contains(lowered(b, r)))
    }

    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard r.count >= n else { return false }
        var i = r.lowerBound
        while i + n <= r.upperBound {
            if ScanByte.hasPrefixFolded(b, at: i, needle) { return true }
            i += 1
        }
        return false
    }

    /// Code rather than a literal: calls, indexing, member paths of plain words, URLs and paths.
    static func looksLikeCode(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var dots = 0
        var plainIdentifier = true
        for i in r {
            let c = b[i]
            if c == 0x28 || c == 0x5B { return true }  // ( [
            if c == 0x2E { dots += 1 } else if !(ScanByte.isAlpha(c) || c == 0x5F) { plainIdentifier = false }
        }
        if dots > 0, plainIdentifier { return true }  // self.password, config.db.pass
        if contains(b, r, "://") { return true }
        let first = b[r.lowerBound]
        if first == 0x2F || first == 0x7E { return true }  // /path, ~/path
        if ScanByte.hasPrefix(b, at: r.lowerBound, Array("./".utf8)) { return true }
        return false
    }

    /// `/path/to/file`, `~/.secrets/db`, `./pw.txt`: a file holding the secret, not the secret.
    static func isPath(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let first = b[r.lowerBound]
        guard first == 0x2F || first == 0x7E || first == 0x2E else { return false }
        var slashes = 0
        for i in r {
            let c = b[i]
            if c == 0x2F { slashes += 1 } else if !(ScanByte.isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x2D || c == 0x7E) { return false }
        }
        return slashes >= 2 || (slashes == 1 && first != 0x2F)
    }

    /// camelCase or PascalCase identifiers made of whole words (`getPassword`, `UserToken`).
    static func isCamelWords(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var wordLength = 0
        var words = 0
        for i in r {
            let c = b[i]
            guard ScanByte.isAlpha(c) else { return false }
            if ScanByte.isUpper(c), i != r.lowerBound {
                if wordLength < 3 { return false }
                words += 1
                wordLength = 1
            } else {
                wordLength += 1
            }
            if ScanByte.isUpper(c), i != r.lowerBound, i + 1 < r.upperBound, ScanByte.isUpper(b[i + 1]) { return false }
        }
        return wordLength >= 3 && words >= 1
    }

    /// A password literal: long enough, not a placeholder, and more than one character class.
    static func acceptsPassword(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, quoted: Bool) -> Bool {
        guard r.count >= 6, r.count <= 128, spaces(b, r) < 2, !isPlaceholder(b, r) else { return false }
        if !quoted, looksLikeCode(b, r) { return false }
        if isPath(b, r) { return false }
        let shape = ValueShape(b, r)
        guard shape.letters > 0 || shape.other > 0 else { return false }
        if shape.classes >= 3 { return true }
        if shape.classes == 2 {
            if shape.symbols == 0, shape.digits == 0 {
                // Upper and lower letters only: random-looking, not words (`ConvertTo-SecureString`).
                guard shape.upper >= 2, shape.letters == r.count else { return false }
                return !isCamelWords(b, r)
            }
            return true
        }
        // One class: only long random-looking values.
        return r.count >= 16 && shape.entropy >= 3.5
    }

    /// A token or key literal: at least 10 characters, random-looking, mixing letters and digits.
    static func acceptsToken(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, quoted: Bool) -> Bool {
        guard r.count >= 10, r.count <= 1024, spaces(b, r) == 0, !isPlaceholder(b, r) else { return false }
        if !quoted, looksLikeCode(b, r) { return false }
        if isLicenceKey(b, r) { return true }
        if isWordIdentifier(b, r) { return false }
        let shape = ValueShape(b, r)
        guard shape.letters > 0, shape.entropy >= 3.0 else { return false }
        if shape.digits > 0 { return shape.classes >= 2 }
        // No digits: only a long, mixed-case, unbroken run of letters (not camelCase words, not
        // a dotted or slashed name such as `io.example/protocolVersion`).
        guard r.count >= 20, shape.upper > 0, shape.lower > 0, !isCamelWords(b, r) else { return false }
        for i in r where !ScanByte.isAlpha(b[i]) && b[i] != 0x2B && b[i] != 0x3D { return false }
        return true
    }

    /// Whitespace bytes in the value: keys never have any, and a password with several is prose.
    static func spaces(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int {
        var count = 0
        for i in r where ScanByte.isWhite(b[i]) { count += 1 }
        return count
    }

    /// `attached_file_0`, `MAX_RETRY_COUNT`, `user-name-2`: words joined by `_`, `-` or `.`, in one
    /// case, with at most numeric segments besides. Identifiers, not secrets.
    static func isWordIdentifier(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var segments = 0
        var letters = 0
        var digits = 0
        var upper = false
        var lower = false
        func close() -> Bool {
            defer { letters = 0; digits = 0 }
            if letters > 0, digits > 0 { return false }  // a segment mixing letters and digits
            if letters == 1 { return false }
            segments += 1
            return letters + digits > 0
        }
        for i in r {
            let c = b[i]
            if c == 0x5F || c == 0x2D || c == 0x2E {
                guard close() else { return false }
            } else if ScanByte.isLower(c) {
                lower = true
                letters += 1
            } else if ScanByte.isUpper(c) {
                upper = true
                letters += 1
            } else if ScanByte.isDigit(c) {
                digits += 1
            } else {
                return false
            }
        }
        guard close() else { return false }
        return segments >= 2 && !(upper && lower)
    }

    /// Product and licence keys: four or more dash-separated groups of 4–6 uppercase alphanumerics.
    static func isLicenceKey(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        var groups = 0
        var length = 0
        for i in r {
            let c = b[i]
            if c == 0x2D {
                guard (4...6).contains(length) else { return false }
                groups += 1
                length = 0
            } else if ScanByte.isUpper(c) || ScanByte.isDigit(c) {
                length += 1
            } else {
                return false
            }
        }
        guard (4...6).contains(length) else { return false }
        return groups + 1 >= 4
    }
}
