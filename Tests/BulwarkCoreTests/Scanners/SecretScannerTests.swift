import Testing
@testable import BulwarkCore

/// Provider formats, structural secrets and the placeholder filters of `SecretScanner`.
/// Every token below is synthetic: random characters in the documented shape.
@Suite struct SecretScannerTests {
    let scanner = SecretScanner()

    func types(_ text: String) -> [String] { scanner.scan(text).map(\.type) }

    /// The matched substring (tests only).
    func value(_ text: String, _ m: ContentMatch) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: bytes[m.range], as: UTF8.self)
    }

    /// A `ghp_` token whose last six characters are the base62 CRC32 of the first thirty.
    static func githubToken(_ random: String) -> String {
        let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in random.utf8 {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
        }
        var n = ~crc
        var suffix = ""
        for _ in 0..<6 {
            suffix = String(alphabet[Int(n % 62)]) + suffix
            n /= 62
        }
        return "ghp_" + random + suffix
    }

    @Test func awsAccessKeyAndSecretNearContext() {
        let text = """
            [default]
            aws_access_key_id = AKIA2OGYBAH6STMMNXNN
            aws_secret_access_key = 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
            """
        let found = scanner.scan(text)
        #expect(found.map(\.type) == ["aws_access_key", "aws_secret_key"])
        #expect(value(text, found[0]) == "AKIA2OGYBAH6STMMNXNN")
        #expect(found.allSatisfy { $0.kind == .secret })
    }

    @Test func documentationExamplesHaveLowConfidence() {
        let m = scanner.scan("cfat_ldxiugEl907l4fW6ViLbhZled5GG95J90dRktokenexample")
        #expect(m.count == 1 && m[0].confidence < 0.5)
    }

    @Test func awsDocumentationExampleIsIgnored() {
        #expect(types("key id AKIAIOSFODNN7EXAMPLE") == [])
    }

    @Test func fortyCharacterStringWithoutAWSContextIsNotAnAWSSecret() {
        #expect(!types("checksum Zx8/Qm3vT1pL0sKd9Wq2Rr7Yb5Nc4Hf6Jg+Ue1Vo ok").contains("aws_secret_key"))
    }

    @Test func githubTokenChecksum() {
        let good = Self.githubToken("x7Kq2LmN9pR4sT6vW8yZ1aB3cD5eF0")
        let m = scanner.scan("export GH=\(good)")
        #expect(m.count == 1 && m[0].type == "github_token" && m[0].validated)
        var bad = good
        bad.removeLast()
        bad += good.hasSuffix("A") ? "B" : "A"
        let n = scanner.scan("token: \(bad)")
        #expect(n.count == 1 && n[0].type == "github_token" && !n[0].validated)
        #expect(types("github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789aBcDeFgHiJkLmNoPqRsTuVwXyZ012345") == ["github_token"])
    }

    @Test(arguments: [
        ("glpat-Xy7Kq2LmN9pR4sT6vW8y", "gitlab_token"),
        ("xoxb-2401234567-3409876543210-AbCdEfGhIjKlMnOpQrStUvWx", "slack_token"),
        ("sk_live_4eC39HqLyjWDarjtT1zdp7dc", "stripe_key"),
        ("rk_live_51H8aBcDeFgHiJkLmNoPqRsT", "stripe_key"),
        ("sk-proj-Ab3De5Gh7Jk9Lm1No3Pq5Rs7Tu9Vw1Xy3Za5Bc7De9Fg1Hi3", "openai_key"),
        ("sk-ant-api03-Ab3De5Gh7Jk9Lm1No3Pq5Rs7Tu9Vw1Xy3Za5Bc7De9Fg1Hi3Jk5Lm7No9Pq1Rs3Tu5Vw7Xy9Za1Bc3De5Fg7-AbCdEfAA", "anthropic_key"),
        ("AIzaSyB3x7Kq2LmN9pR4sT6vW8yZ1aB3cD5eF0g", "google_api_key"),
        ("npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "npm_token"),
        ("SG.aB3cD5eF7gH9iJ1kL3mN5o.pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3", "sendgrid_key"),
        ("SKa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6", "twilio_key"),
        ("HRKU-AAb3cD5eF7gH9iJ1kL3mN5oP7qR9sT1uV3wX5yZ7aB9cD1eF3gH5iJ7kL9mN1o", "heroku_key"),
        ("pypi-AgEIcHlwaS5vcmcCJGI4ZTk0ZGNlLTU2ZjAtNDc4OC1hNDg1LWYxYjYyNzQ5NjQ0OQ", "pypi_token"),
    ])
    func providerTokens(token: String, type: String) {
        let found = scanner.scan("config: \(token) # rotate")
        #expect(found.map(\.type) == [type], "\(token)")
    }

    @Test func prefixInsideAWordIsNotAToken() {
        #expect(types("mask_live_4eC39HqLyjWDarjtT1zdp7dc") == [])
        #expect(types("risk-proj-Ab3De5Gh7Jk9Lm1No3Pq5Rs7Tu9Vw1Xy3Za5Bc7De9") == [])
    }

    @Test func privateKeyPEMBlock() {
        let text = """
            const key = `-----BEGIN RSA PRIVATE KEY-----
            MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun
            VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK
            -----END RSA PRIVATE KEY-----`;
            """
        let found = scanner.scan(text)
        #expect(found.map(\.type) == ["private_key_pem"])
        #expect(value(text, found[0]).hasSuffix("-----END RSA PRIVATE KEY-----"))
        #expect(types("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----") == [])
        #expect(types("Paste it between -----BEGIN PRIVATE KEY----- and the end marker.") == [])
    }

    @Test func jwtNeedsAnAlgHeader() {
        let jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        #expect(types("Authorization: Bearer \(jwt)") == ["jwt"])
        // Three dotted base64 parts whose header has no "alg" are not a JWT.
        #expect(types("eyJmb28iOiJiYXIifQ.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc") == [])
    }

    @Test func databaseURLPassword() {
        let text = "DATABASE_URL=postgres://app:S3cr3t-Pa55w0rd@db.internal:5432/prod"
        let found = scanner.scan(text)
        #expect(found.map(\.type) == ["database_url_password"])
        #expect(value(text, found[0]) == "S3cr3t-Pa55w0rd")
        #expect(types("postgres://app:password@localhost/db") == [])
        #expect(types("see https://example.com/path@2x.png") == [])
    }

    @Test(arguments: [
        "password=Tr0ub4dor&3x",
        "DB_PASSWORD: \"k8#Vn2!qLp\"",
        "{\"password\": \"hX9$mQ2vLr\"}",
        "mysql -u root --password Sne3sd8AZjq",
        "api_key = \"q8Wm2Zr7Lk3Vn9Bx5Tc1\"",
        "AUTH_TOKEN=9f8e7d6c5b4a39281706f5e4d3c2b1a0",
        "val password: String = \"exord13Paw64\"",
        "curl -u admin:Xk9mQ2vL https://api.internal",
        "client_secret: Zq8Rt6Yp4Wn2Xm0Vb7Nc",
        "CREATE USER 'app'@'%' IDENTIFIED BY 'Zq8Rt6#Yp4';",
        "$pw = ConvertTo-SecureString -String \"P4ss#w0rd!x\" -AsPlainText -Force",
    ])
    func genericAssignments(text: String) {
        let found = scanner.scan(text)
        #expect(found.count == 1, "\(text)")
        #expect(found.first.map { $0.type.hasPrefix("generic_") } == true, "\(text)")
    }

    @Test(arguments: [
        "password=changeme",
        "password: xxxxxxxx",
        "password: <password>",
        "DB_PASSWORD=${DB_PASSWORD}",
        "password = \"********\"",
        "password: hunter",
        "password = get_password(user)",
        "password = self.password",
        "token=qw",
        "the password is incorrect",
        "password: YOUR_PASSWORD_HERE",
        "api_key: your-api-key",
        "sort_key = lambda item: item.name",
        "Reset your password: click the link below.",
        "PASS Interface test: items are unique",
        "token = os.environ['TOKEN']",
        "max_tokens: 4096",
        "RESTIC_PASSWORD_COMMAND='/path/to/command' restic backup",
        "restic --password-file ~/.config/restic/pw backup",
        "\"key\": \"attached_file_0\"",
        "static let versionKey = \"io.modelcontextprotocol/protocolVersion\"",
    ])
    func placeholdersAndCodeAreNotSecrets(text: String) {
        #expect(types(text) == [], "\(text)")
    }

    @Test func valueRangeExcludesTheName() {
        let text = "export API_TOKEN=\"q8Wm2Zr7Lk3Vn9Bx5Tc1\""
        let m = scanner.scan(text)
        #expect(m.count == 1)
        #expect(value(text, m[0]) == "q8Wm2Zr7Lk3Vn9Bx5Tc1")
    }

    @Test func findingEvidenceNeverContainsTheSecret() {
        let secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        let m = scanner.scan("key=\(secret)")
        #expect(m.count == 1)
        let f = m[0].finding()
        #expect(f.rule.rawValue == "content.secret.stripe_key")
        #expect(f.layer == .content)
        #expect(f.severity == .high)
        #expect(!f.evidence.contains(secret) && !f.message.contains(secret))
        #expect(f.evidence.contains("[REDACTED:stripe_key]"))
    }
}
