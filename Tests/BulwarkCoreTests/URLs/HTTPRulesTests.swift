import Testing
@testable import BulwarkCore

@Suite struct HTTPRulesTests {
    static func rules(_ method: String, _ url: String, bodyFile: String? = nil, hasBody: Bool = false) throws -> [String: Severity] {
        let facet = try #require(URLParser.parse(url))
        let found = HTTPRules.findings(for: HTTPRequestFacet(method: method, url: facet, bodyFile: bodyFile, hasBody: hasBody))
        #expect(found.allSatisfy { $0.layer == .impact })
        return Dictionary(found.map { ($0.rule.rawValue, $0.severity) }, uniquingKeysWith: { a, _ in a })
    }

    @Test(arguments: [
        ("GET", "https://api.github.com/repos/apple/swift/pulls"),
        ("POST", "https://api.github.com/repos/o/r/issues"),
        ("GET", "https://hooks.slack.com/services/T0/B0/xyz"),
        ("POST", "https://hooks.slack.com/services/T0/B0/xyz"),
        ("GET", "https://pypi.org/simple/requests/"),
        ("GET", "https://registry.npmjs.org/react"),
        ("GET", "https://www.googleapis.com/storage/v1/b"),
        ("GET", "http://localhost:3000/health"),
        ("POST", "http://127.0.0.1:8080/api"),
        ("GET", "http://[::1]:8080/"),
        ("GET", "https://raw.githubusercontent.com/o/r/main/install.sh"),
        ("GET", "https://user@example.com/x"),
    ])
    func ordinaryTrafficYieldsNothing(method: String, url: String) throws {
        #expect(try Self.rules(method, url).isEmpty)
    }

    @Test(arguments: [
        ("GET", "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http.metadata_endpoint", Severity.critical),
        ("GET", "http://metadata.google.internal/computeMetadata/v1/", "http.metadata_endpoint", .critical),
        ("GET", "http://[fd00:ec2::254]/latest/", "http.metadata_endpoint", .critical),
        ("GET", "http://100.100.100.200/latest/meta-data/", "http.metadata_endpoint", .critical),
        ("POST", "https://webhook.site/abc", "http.exfil_service", .high),
        ("GET", "https://webhook.site/abc?d=c2VjcmV0", "http.exfil_service", .high),
        ("GET", "https://pastebin.com/raw/abc", "http.exfil_service", .medium),
        ("PUT", "https://transfer.sh/x.txt", "http.exfil_service", .high),
        ("POST", "https://x.ngrok-free.app/", "http.exfil_service", .high),
        ("GET", "http://2130706433/", "http.obfuscated_ip", .high),
        ("GET", "http://0x7f.1/", "http.obfuscated_ip", .high),
        ("GET", "http://1.2.3.4/x.sh", "http.raw_ip", .low),
        ("POST", "http://1.2.3.4/collect", "http.raw_ip", .medium),
        ("GET", "http://10.0.0.5/", "http.raw_ip", .info),
        ("GET", "http://169.254.1.1/", "http.raw_ip", .low),
        ("GET", "https://admin:hunter2@example.com/", "http.userinfo_credentials", .medium),
        ("GET", "https://github.com@evil.example/", "http.userinfo_deception", .medium),
        ("POST", "https://x.duckdns.org/", "http.dynamic_dns", .medium),
        ("GET", "https://bit.ly/abc", "http.url_shortener", .low),
    ])
    func riskyRequestsRaiseTheirRule(method: String, url: String, rule: String, severity: Severity) throws {
        #expect(try Self.rules(method, url)[rule] == severity)
    }

    @Test func obfuscatedMetadataAddressRaisesBoth() throws {
        let r = try Self.rules("GET", "http://0xa9fea9fe/latest/meta-data/")
        #expect(r["http.metadata_endpoint"] == .critical)
        #expect(r["http.obfuscated_ip"] == .high)
        #expect(r["http.raw_ip"] == nil)
    }

    @Test func getWithBodyCountsAsSending() throws {
        #expect(try Self.rules("GET", "https://paste.ee/x", hasBody: true)["http.exfil_service"] == .high)
    }

    @Test(arguments: [
        ("/home/dev/.ssh/id_rsa", "https://example.com/u", Severity.critical),
        ("/home/dev/.aws/credentials", "https://webhook.site/x", .critical),
        ("/home/dev/proj/.env", "https://example.com/u", .critical),
        ("/etc/shadow", "https://example.com/u", .critical),
        ("/home/dev/.ssh/id_rsa", "http://localhost:8080/u", .high),
        ("/root/.bash_history", "https://example.com/u", .high),
        ("/etc/passwd", "https://example.com/u", .medium),
        ("/home/dev/proj/payload.json", "https://api.example.com/v1", .low),
    ])
    func uploadsAreJudgedByTheFileSent(file: String, url: String, severity: Severity) throws {
        #expect(try Self.rules("POST", url, bodyFile: file)["http.upload_file"] == severity)
    }

    @Test(arguments: ["/home/dev/proj/payload.json", "-", "/dev/stdin"])
    func localOrStdinUploadsOfOrdinaryFilesYieldNothing(file: String) throws {
        #expect(try Self.rules("POST", "http://localhost:8080/api", bodyFile: file).isEmpty)
    }

    @Test func facetNormalizesMethodAndBody() throws {
        let u = try #require(URLParser.parse("https://example.com"))
        let r = HTTPRequestFacet(method: "post", url: u, bodyFile: "/tmp/a")
        #expect(r.method == "POST")
        #expect(r.hasBody)
        #expect(r.sendsData)
        #expect(!HTTPRequestFacet(method: "GET", url: u).sendsData)
    }
}
