/// Parses URLs with a hand-written scanner over UTF-8 (no Foundation, no regular expressions).
///
/// With a scheme (`https://…`, `ftp://…`, `ws://…`, `file:///…`) any syntactically valid host is
/// accepted, including obfuscated IPv4 (`http://0x7f000001/`). Without a scheme (`evil.com/x.sh`,
/// `10.0.0.1:8080/a`, `[::1]:8080`, `localhost:3000`) a token is a host only when it is
/// `localhost`, a canonical dotted quad, a bracketed IPv6 address, or a dotted name whose last
/// label is letters only, at least two long and not a common file extension — so `main.py`,
/// `a.out` and `1.5` are not URLs.
public enum URLParser {
    /// The URL in `text`, or `nil` when `text` is not one. Surrounding blanks, quotes and angle
    /// brackets are ignored.
    public static func parse(_ text: String) -> URLFacet? {
        var u = ArraySlice(text.utf8)
        while let f = u.first, isBlank(f) { u = u.dropFirst() }
        while let l = u.last, isBlank(l) { u = u.dropLast() }
        if u.count >= 2, let f = u.first, let l = u.last,
            (f == 0x22 && l == 0x22) || (f == 0x27 && l == 0x27) || (f == 0x3C && l == 0x3E) {
            u = u.dropFirst().dropLast()
        }
        guard !u.isEmpty, u.count <= 8192, !u.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        let bytes = Array(u)
        let raw = String(decoding: bytes, as: UTF8.self)
        if let colon = schemeEnd(bytes) {
            let scheme = String(decoding: bytes[0..<colon].map { lower($0) }, as: UTF8.self)
            return parseAuthority(bytes, from: colon + 3, scheme: scheme, strict: false, raw: raw)
        }
        if bytes.count > 2 && bytes[0] == 0x2F && bytes[1] == 0x2F {
            return parseAuthority(bytes, from: 2, scheme: "", strict: false, raw: raw)
        }
        if let colon = bytes.firstIndex(of: 0x3A), nonHierarchicalSchemes.contains(raw.prefix(colon).lowercased()) {
            return nil
        }
        return parseAuthority(bytes, from: 0, scheme: "", strict: true, raw: raw)
    }

    /// `mailto:x@host` and friends are not network locations.
    static let nonHierarchicalSchemes: Set<String> = ["mailto", "tel", "sms", "data", "javascript", "urn", "news", "about"]

    /// The index of `:` in `scheme://`, if `u` starts with one.
    static func schemeEnd(_ u: [UInt8]) -> Int? {
        guard let first = u.first, isAlpha(first) else { return nil }
        var i = 1
        while i < u.count && i <= 32 {
            let b = u[i]
            if b == 0x3A {
                guard i + 2 < u.count, u[i + 1] == 0x2F, u[i + 2] == 0x2F else { return nil }
                return i
            }
            guard isAlpha(b) || isDigit(b) || b == 0x2B || b == 0x2D || b == 0x2E else { return nil }
            i += 1
        }
        return nil
    }

    /// Schemes where `\` separates like `/` (as browsers do).
    static let specialSchemes: Set<String> = ["", "http", "https", "ws", "wss", "ftp", "ftps"]

    static func parseAuthority(_ u: [UInt8], from start: Int, scheme: String, strict: Bool, raw: String) -> URLFacet? {
        let special = specialSchemes.contains(scheme)
        let n = u.count
        var end = start
        while end < n {
            let b = u[end]
            if b == 0x2F || b == 0x3F || b == 0x23 || (special && b == 0x5C) { break }
            end += 1
        }
        var authority = u[start..<end]
        var userinfo: String? = nil
        if let at = authority.lastIndex(of: 0x40) {
            userinfo = String(decoding: authority[..<at], as: UTF8.self)
            authority = authority[(at + 1)...]
        }
        var hostBytes = authority
        var portBytes: ArraySlice<UInt8>? = nil
        var bracketed = false
        if authority.first == 0x5B {
            guard let close = authority.firstIndex(of: 0x5D) else { return nil }
            bracketed = true
            hostBytes = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == 0x3A else { return nil }
                portBytes = after.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: 0x3A) {
            hostBytes = authority[..<colon]
            portBytes = authority[(colon + 1)...]
        }
        var port: Int? = nil
        if let pb = portBytes, !pb.isEmpty {
            guard pb.count <= 5, pb.allSatisfy(isDigit) else { return nil }
            let value = pb.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            guard value <= 65535 else { return nil }
            port = value
        }
        guard var host = decodeHost(hostBytes) else { return nil }
        if bracketed {
            guard IPv6Address.parse(host) != nil else { return nil }
        } else {
            guard isValidHostName(host) else { return nil }
            if host.isEmpty && !(scheme == "file" && userinfo == nil && port == nil) { return nil }
            if strict && !isPlausibleBareHost(host) { return nil }
            if !strict && endsWithNumericLabel(host) && IPv4Address.decode(host) == nil { return nil }
        }
        if host.hasSuffix(".") { host.removeLast() }

        var pathEnd = end
        while pathEnd < n && u[pathEnd] != 0x3F && u[pathEnd] != 0x23 { pathEnd += 1 }
        var pathBytes = Array(u[end..<pathEnd])
        if special { for i in pathBytes.indices where pathBytes[i] == 0x5C { pathBytes[i] = 0x2F } }
        var path = String(decoding: pathBytes, as: UTF8.self)
        if path.isEmpty && !host.isEmpty { path = "/" }
        var query: String? = nil
        if pathEnd < n && u[pathEnd] == 0x3F {
            var qEnd = pathEnd + 1
            while qEnd < n && u[qEnd] != 0x23 { qEnd += 1 }
            query = String(decoding: u[(pathEnd + 1)..<qEnd], as: UTF8.self)
        }
        return URLFacet(
            raw: raw, scheme: scheme, host: host, port: port, path: path, query: query,
            userinfo: userinfo, hostKind: HostClassifier.kind(of: host))
    }

    /// Percent-decodes and lower-cases a host; `nil` on a malformed escape.
    static func decodeHost(_ bytes: ArraySlice<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            var b = bytes[i]
            if b == 0x25 {
                guard i + 2 < bytes.endIndex, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else {
                    return nil
                }
                b = hi << 4 | lo
                i += 2
            }
            out.append(lower(b))
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Letters, digits, `-`, `_`, `.` and non-ASCII (internationalized names); for IPv6 the caller
    /// checks separately.
    /// Letters, digits, `-`, `_`, `.` and non-ASCII; also `=` ending a label (`MTEx=.evil.com`),
    /// which is base64 padding: such hosts are parsed so that the smuggled data can be judged.
    static func isValidHostName(_ host: String) -> Bool {
        var previous: UInt8 = 0
        for b in host.utf8.reversed() {
            let ok = isAlpha(b) || isDigit(b) || b == 0x2D || b == 0x5F || b == 0x2E || b >= 0x80
                || b == 0x3D && (previous == 0x2E || previous == 0x3D)
            guard ok else { return false }
            previous = b
        }
        return true
    }

    /// `1.5` or `host.123`: such hosts must be IPv4 literals.
    static func endsWithNumericLabel(_ host: String) -> Bool {
        let h = host.hasSuffix(".") ? Substring(host.dropLast()) : Substring(host)
        guard let last = h.split(separator: ".").last else { return false }
        if last.utf8.allSatisfy(isDigit) { return true }
        return last.utf8.count > 2 && last.hasPrefix("0x") && last.utf8.dropFirst(2).allSatisfy { hexValue($0) != nil }
    }

    /// A host without a scheme: see the type documentation.
    static func isPlausibleBareHost(_ rawHost: String) -> Bool {
        let host = rawHost.hasSuffix(".") ? String(rawHost.dropLast()) : rawHost
        if host == "localhost" { return true }
        if IPv4Address.isCanonical(host) { return true }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 63 }) else { return false }
        guard let tld = labels.last else { return false }
        if HostCatalogue.service(for: host) != nil { return true }
        if tld.hasPrefix("xn--") && tld.utf8.count > 4 { return true }
        guard tld.utf8.count >= 2, tld.utf8.allSatisfy(isAlpha) else { return false }
        return !fileExtensions.contains(tld)
    }

    /// File extensions that are not (or, in practice, are not used as) top-level domains.
    static let fileExtensions: Set<Substring> = [
        "sh", "bash", "zsh", "fish", "ps1", "psm1", "bat", "cmd", "vbs", "py", "pyc", "pyi", "ipynb",
        "js", "mjs", "cjs", "ts", "tsx", "jsx", "vue", "svelte", "md", "markdown", "rst", "adoc", "txt",
        "json", "jsonl", "yaml", "yml", "toml", "xml", "html", "htm", "css", "scss", "sass", "less",
        "cc", "cpp", "cxx", "hpp", "hh", "mm", "rs", "go", "java", "kt", "kts", "swift", "rb", "pl",
        "pm", "php", "lua", "dart", "scala", "ex", "exs", "erl", "hs", "ml", "jl", "zig", "nim", "cs",
        "fs", "vb", "asm", "out", "so", "dylib", "dll", "exe", "bin", "obj", "lib", "log", "csv", "tsv",
        "ini", "cfg", "conf", "env", "lock", "gz", "tgz", "tar", "bz2", "xz", "zst", "zip", "rar",
        "jar", "war", "deb", "rpm", "pkg", "dmg", "iso", "img", "pdf", "doc", "docx", "xls", "xlsx",
        "ppt", "pptx", "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "mp3", "mp4", "mov",
        "wav", "avi", "mkv", "pem", "key", "crt", "cer", "csr", "pub", "p12", "pfx", "db", "sqlite",
        "sql", "bak", "tmp", "swp", "orig", "patch", "diff", "sum", "mod", "gradle", "properties",
        "pom", "nix", "tf", "tfvars", "tfstate", "hcl", "proto", "graphql", "gql", "wasm", "map",
        "mk", "cmake", "am", "in", "ac", "m4", "tex", "bib", "epub", "plist", "xib", "storyboard",
        "pbxproj", "xcconfig", "dockerfile", "gitignore", "editorconfig", "d", "o", "a", "c", "h",
        "r", "s", "old", "new", "dat", "data", "bz", "lz", "7z", "cache", "pid", "sock", "service",
        "timer", "socket", "desktop", "plugin", "test", "spec", "min", "config", "example", "sample",
        "template", "tpl", "j2", "erb", "ejs", "hbs", "mustache", "twig", "liquid", "snap", "whl",
        "egg", "gem", "crate", "nupkg", "apk", "aab", "ipa", "class", "pyd", "pdb", "ko", "efi", "rom",
    ]

    // MARK: - Bytes

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }
    static func hexValue(_ b: UInt8) -> UInt8? { Hex.value(b) }
}
