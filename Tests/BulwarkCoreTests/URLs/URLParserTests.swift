import Testing
@testable import BulwarkCore

@Suite struct URLParserTests {
    @Test func parsesAFullURL() throws {
        let u = try #require(URLParser.parse("HTTPS://User:Pa55@API.Example.COM.:8443/v1/items?q=1&x=2#frag"))
        #expect(u.scheme == "https")
        #expect(u.host == "api.example.com")
        #expect(u.port == 8443)
        #expect(u.path == "/v1/items")
        #expect(u.query == "q=1&x=2")
        #expect(u.userinfo == "User:Pa55")
        #expect(u.hostKind == .domain)
        #expect(u.raw == "HTTPS://User:Pa55@API.Example.COM.:8443/v1/items?q=1&x=2#frag")
    }

    @Test(arguments: [
        ("https://github.com", "https", "github.com", nil as Int?, "/", HostKind.domain),
        ("http://localhost:3000/api", "http", "localhost", 3000, "/api", .localhost),
        ("ws://127.0.0.1:9229/x", "ws", "127.0.0.1", 9229, "/x", .localhost),
        ("wss://chat.example.org/socket", "wss", "chat.example.org", nil, "/socket", .domain),
        ("ftp://files.example.net/pub/a.tgz", "ftp", "files.example.net", nil, "/pub/a.tgz", .domain),
        ("file:///etc/passwd", "file", "", nil, "/etc/passwd", .localhost),
        ("http://[::1]:8080/", "http", "::1", 8080, "/", .localhost),
        ("http://[fd00:ec2::254]/latest/meta-data/", "http", "fd00:ec2::254", nil, "/latest/meta-data/", .metadata),
        ("http://[fe80::1%25eth0]/", "http", "fe80::1%eth0", nil, "/", .linkLocal),
        ("http://[2606:4700::1111]/", "http", "2606:4700::1111", nil, "/", .ipv6),
        ("http://[::ffff:169.254.169.254]/", "http", "::ffff:169.254.169.254", nil, "/", .metadata),
        ("http://169.254.169.254/latest/meta-data/iam/", "http", "169.254.169.254", nil, "/latest/meta-data/iam/", .metadata),
        ("http://169.254.170.2/v2/credentials", "http", "169.254.170.2", nil, "/v2/credentials", .metadata),
        ("http://100.100.100.200/latest/meta-data", "http", "100.100.100.200", nil, "/latest/meta-data", .metadata),
        ("http://metadata.google.internal/computeMetadata/v1/", "http", "metadata.google.internal", nil, "/computeMetadata/v1/", .metadata),
        ("http://10.1.2.3/", "http", "10.1.2.3", nil, "/", .privateNetwork),
        ("http://172.20.0.5/", "http", "172.20.0.5", nil, "/", .privateNetwork),
        ("http://172.32.0.5/", "http", "172.32.0.5", nil, "/", .ipv4),
        ("http://192.168.1.1/", "http", "192.168.1.1", nil, "/", .privateNetwork),
        ("http://169.254.1.1/", "http", "169.254.1.1", nil, "/", .linkLocal),
        ("http://8.8.8.8/", "http", "8.8.8.8", nil, "/", .ipv4),
        ("http://0.0.0.0:8000/", "http", "0.0.0.0", 8000, "/", .localhost),
        ("http://db.internal:5432/", "http", "db.internal", 5432, "/", .privateNetwork),
        ("http://printer.local/", "http", "printer.local", nil, "/", .privateNetwork),
        ("http://app.localhost/", "http", "app.localhost", nil, "/", .localhost),
        ("http://x.localtest.me/", "http", "x.localtest.me", nil, "/", .localhost),
        ("http://169.254.169.254.nip.io/", "http", "169.254.169.254.nip.io", nil, "/", .metadata),
        ("http://app-10-0-0-1.sslip.io/", "http", "app-10-0-0-1.sslip.io", nil, "/", .privateNetwork),
        ("http://%31%32%37.0.0.1/", "http", "127.0.0.1", nil, "/", .localhost),
        ("http://evil.com\\@good.com/", "http", "evil.com", nil, "/@good.com/", .domain),
        ("https://münchen.de/", "https", "münchen.de", nil, "/", .domain),
    ])
    func parsesSchemeURLs(text: String, scheme: String, host: String, port: Int?, path: String, kind: HostKind) throws {
        let u = try #require(URLParser.parse(text))
        #expect(u.scheme == scheme)
        #expect(u.host == host)
        #expect(u.port == port)
        #expect(u.path == path)
        #expect(u.hostKind == kind)
    }

    @Test(arguments: [
        ("http://2130706433/", "127.0.0.1", HostKind.localhost),
        ("http://0x7f000001/", "127.0.0.1", .localhost),
        ("http://0177.0.0.1/", "127.0.0.1", .localhost),
        ("http://127.1/", "127.0.0.1", .localhost),
        ("http://0x7f.1/", "127.0.0.1", .localhost),
        ("http://2852039166/", "169.254.169.254", .metadata),
        ("http://0xa9fea9fe/", "169.254.169.254", .metadata),
        ("http://0251.0376.0251.0376/", "169.254.169.254", .metadata),
        ("http://169.254.43518/", "169.254.169.254", .metadata),
        ("http://[::ffff:7f00:1]/", "127.0.0.1", .localhost),
        ("http://[64:ff9b::a9fe:a9fe]/", "169.254.169.254", .metadata),
    ])
    func decodesObfuscatedIPv4(text: String, decoded: String, kind: HostKind) throws {
        let u = try #require(URLParser.parse(text))
        #expect(u.ipv4Address == decoded)
        #expect(u.hostKind == kind)
        #expect(u.isObfuscatedIP)
    }

    @Test(arguments: ["http://127.0.0.1/", "http://8.8.8.8/", "http://example.com/", "http://[::1]/", "http://[2001:db8::1]/"])
    func canonicalAddressesAreNotObfuscated(text: String) throws {
        #expect(try #require(URLParser.parse(text)).isObfuscatedIP == false)
    }

    @Test(arguments: [
        ("evil.com", "evil.com", nil as Int?, "/", HostKind.domain),
        ("evil.com/x.sh", "evil.com", nil, "/x.sh", .domain),
        ("10.0.0.1:8080/a", "10.0.0.1", 8080, "/a", .privateNetwork),
        ("localhost:3000", "localhost", 3000, "/", .localhost),
        ("localhost", "localhost", nil, "/", .localhost),
        ("[::1]:8080/x", "::1", 8080, "/x", .localhost),
        ("api.github.com/repos", "api.github.com", nil, "/repos", .domain),
        ("transfer.sh/upload", "transfer.sh", nil, "/upload", .domain),
        ("paste.rs", "paste.rs", nil, "/", .domain),
        ("user:secret@example.org/x", "example.org", nil, "/x", .domain),
        ("  'example.io/path?x=1'  ", "example.io", nil, "/path", .domain),
        ("//cdn.example.com/lib.js", "cdn.example.com", nil, "/lib.js", .domain),
    ])
    func parsesSchemeLessHosts(text: String, host: String, port: Int?, path: String, kind: HostKind) throws {
        let u = try #require(URLParser.parse(text))
        #expect(u.scheme == "")
        #expect(u.host == host)
        #expect(u.port == port)
        #expect(u.path == path)
        #expect(u.hostKind == kind)
    }

    @Test(arguments: [
        "file.txt", "a.out", "script.sh", "main.py", "1.5", "README.md", "package.json", "config.yaml",
        "src/main.swift", "index.js", "v1.2.3", "2130706433", "0x7f000001", "127.1", "go.mod", "app.tar.gz",
        "main.py:12", "Makefile.in", "lib.rs", "", "   ", "foo", "-rf", "a b.com", "evil..com",
        ".com", "x.c0m", "http://", "http://:80/", "http://exa mple.com/", "http://host:99999/",
        "http://host:abc/", "http://[::1/", "http://[zz::1]/", "http://1.2.3.4.5/", "http://256.1.1.1/",
        "http://1.2.3.999/", "http://a<b.com/", "mailto:x@example.com",
    ])
    func rejectsNonURLs(text: String) {
        #expect(URLParser.parse(text) == nil)
    }
}
