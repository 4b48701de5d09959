/// Secrets in commands that the assignment scanner cannot see: `curl -u user:password`,
/// PowerShell `ConvertTo-SecureString [-String] "password" -AsPlainText -Force`, and SQL
/// `IDENTIFIED BY 'password'` (MySQL, MariaDB, Oracle).
enum CommandLineSecretScanner {
    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        // One pass decides whether either command word occurs at all.
        var secure = false
        var curl = false
        var identified = false
        var i = 0
        let n = b.count
        while i + 4 <= n, !(secure && curl && identified) {
            let c = b[i] | 0x20
            if c == 0x63 {  // c
                if !curl, ScanByte.hasPrefixFolded(b, at: i, "curl") { curl = true }
                if !secure, ScanByte.hasPrefixFolded(b, at: i, "convertto-securestring") { secure = true }
            } else if c == 0x69, !identified, ScanByte.hasPrefixFolded(b, at: i, "identified") {
                identified = true
            }
            i += 1
        }
        if secure { secureStrings(b, into: &out) }
        if curl { curlUsers(b, into: &out) }
        if identified { sqlIdentifiedBy(b, into: &out) }
    }

    static func secureStrings(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        var from = 0
        while let at = ScanByte.findFolded(b, "convertto-securestring", from: from) {
            var k = at + 22
            from = k
            // Skip flags (-String, -AsPlainText, -Force) to the first argument.
            for _ in 0..<6 {
                while k < b.count, ScanByte.isSpace(b[k]) { k += 1 }
                guard k < b.count, b[k] == 0x2D else { break }
                while k < b.count, !ScanByte.isWhite(b[k]) { k += 1 }
            }
            guard let (value, quoted) = AssignmentScanner.value(b, at: k, sep: .space),
                SecretValueFilter.acceptsPassword(b, value, quoted: quoted)
            else { continue }
            out.append(ContentMatch(kind: .secret, type: "generic_password_assignment", range: value, confidence: 0.8))
            from = value.upperBound
        }
    }

    static func curlUsers(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        var from = 0
        while let at = ScanByte.findFolded(b, "curl", from: from) {
            from = at + 4
            // Within the same line: -u or --user followed by user:password.
            var k = at + 4
            while k < b.count, b[k] != 0x0A, k - at < 2048 {
                if b[k] == 0x2D, k > 0, ScanByte.isSpace(b[k - 1]) {
                    var f = k
                    while f < b.count, !ScanByte.isWhite(b[f]) { f += 1 }
                    let flag = SecretValueFilter.lowered(b, k..<f)
                    if flag == "-u" || flag == "--user" || flag == "--proxy-user" {
                        let v = AssignmentScanner.skipSpaces(b, f)
                        if let (value, _) = AssignmentScanner.value(b, at: v, sep: .space),
                            let colon = (value.lowerBound..<value.upperBound).first(where: { b[$0] == 0x3A })
                        {
                            let password = (colon + 1)..<value.upperBound
                            if password.count >= 4, !SecretValueFilter.isPlaceholder(b, password) {
                                out.append(
                                    ContentMatch(kind: .secret, type: "generic_password_assignment", range: password, confidence: 0.8))
                            }
                        }
                    }
                    k = f
                    continue
                }
                k += 1
            }
            from = max(from, k)
        }
    }

    static func sqlIdentifiedBy(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        var from = 0
        while let at = ScanByte.findFolded(b, "identified", from: from) {
            from = at + 10
            // IDENTIFIED BY 'x' or IDENTIFIED WITH plugin BY 'x'.
            var k = AssignmentScanner.skipSpaces(b, from)
            if ScanByte.hasPrefixFolded(b, at: k, "with ") {
                k = AssignmentScanner.skipSpaces(b, k + 5)
                while k < b.count, ScanByte.isWord(b[k]) { k += 1 }
                k = AssignmentScanner.skipSpaces(b, k)
            }
            guard ScanByte.hasPrefixFolded(b, at: k, "by "),
                let (value, quoted) = AssignmentScanner.value(b, at: AssignmentScanner.skipSpaces(b, k + 3), sep: .space),
                SecretValueFilter.acceptsPassword(b, value, quoted: quoted)
            else { continue }
            out.append(ContentMatch(kind: .secret, type: "generic_password_assignment", range: value, confidence: 0.8))
            from = value.upperBound
        }
    }
}
