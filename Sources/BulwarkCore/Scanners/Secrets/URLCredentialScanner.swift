/// Passwords in URLs: `scheme://user:password@host`. Database schemes report
/// `database_url_password`, others `url_credentials`. The match covers the password only.
enum URLCredentialScanner {
    static let databaseSchemes: Set<String> = [
        "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
        "mssql", "sqlserver", "oracle", "cassandra", "clickhouse", "cockroachdb", "neo4j", "couchdb", "memcached",
        "jdbc:postgresql", "jdbc:mysql", "jdbc:sqlserver", "jdbc:oracle", "jdbc:mariadb", "db2", "snowflake",
    ]

    static func scan(_ b: UnsafeBufferPointer<UInt8>, into out: inout [ContentMatch]) {
        let n = b.count
        var i = 0
        while i + 3 < n {
            guard b[i] == 0x3A, b[i + 1] == 0x2F, b[i + 2] == 0x2F else {
                i += 1
                continue
            }
            let authorityStart = i + 3
            // The authority ends at '/', '?', '#', whitespace or a quote; userinfo ends at its last '@'.
            var k = authorityStart
            var lastAt = -1
            while k < n, k - authorityStart < 512 {
                let c = b[k]
                if c == 0x2F || c == 0x3F || c == 0x23 || ScanByte.isWhite(c) || c == 0x22 || c == 0x27 || c == 0x60
                    || c == 0x3C || c == 0x3E
                { break }
                if c == 0x40 { lastAt = k }
                k += 1
            }
            defer { i = max(i + 3, k) }
            guard lastAt > authorityStart else { continue }
            // The password follows the first ':' of the userinfo.
            var colon = -1
            for p in authorityStart..<lastAt where b[p] == 0x3A {
                colon = p
                break
            }
            guard colon > authorityStart, lastAt - colon - 1 >= 3 else { continue }
            let password = (colon + 1)..<lastAt
            guard !SecretValueFilter.isPlaceholder(b, password), !SecretValueFilter.isWeakURLPassword(b, password) else { continue }
            let scheme = schemeBefore(b, i)
            let type = databaseSchemes.contains(scheme) ? "database_url_password" : "url_credentials"
            out.append(ContentMatch(kind: .secret, type: type, range: password, confidence: type == "url_credentials" ? 0.75 : 0.9))
        }
    }

    /// The lowercase scheme ending at `colon` (`jdbc:postgresql` included).
    static func schemeBefore(_ b: UnsafeBufferPointer<UInt8>, _ colon: Int) -> String {
        var k = colon
        while k > 0, colon - k < 40 {
            let c = b[k - 1]
            if ScanByte.isAlnum(c) || c == 0x2B || c == 0x2E || c == 0x2D || c == 0x3A { k -= 1 } else { break }
        }
        var s = ""
        for p in k..<colon { s.unicodeScalars.append(Unicode.Scalar(ScanByte.lower(b[p]))) }
        return s
    }
}
