import Testing
@testable import BulwarkCore

@Suite struct GlobPatternTests {
    @Test(arguments: [
        ("*", "anything", true), ("mcp__github__*", "mcp__github__create_issue", true), ("mcp__github__*", "mcp__gitlab__x", false),
        ("kind:shell", "kind:shell", true), ("run_?hell", "run_shell", true), ("a*b*c", "aXXbYYc", true), ("a*b*c", "aXXbYY", false),
        ("", "", true), ("*", "", true), ("**", "x", true),
    ])
    func namesMatch(pattern: String, text: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(text) == expected)
    }

    @Test(arguments: [
        ("~/.ssh/**", "~/.ssh/id_rsa", true), ("~/.ssh/**", "~/.ssh/keys/deploy", true), ("~/.ssh/*", "~/.ssh/keys/deploy", false),
        ("**/.env", "/home/u/app/.env", true), ("**/.env", "/home/u/app/.env.example", false), ("/etc/**", "/etc/shadow", true),
        ("/etc/*", "/etc/ssh/sshd_config", false), ("**/*.pem", "/srv/tls/server.pem", true), ("/etc/shadow", "/etc/shadow", true),
    ])
    func pathsMatchBySegment(pattern: String, path: String, expected: Bool) {
        #expect(GlobPattern(pattern, isPath: true).matches(path) == expected)
    }

    @Test(arguments: [
        ("*.github.com", "api.github.com", true), ("*.github.com", "github.com", false), ("*.github.com", "evilgithub.com", false),
        ("github.com", "GitHub.com", true), ("*.ngrok.io", "a.b.ngrok.io", true), ("webhook.site", "webhook.site.evil", false),
    ])
    func hostsMatch(pattern: String, host: String, expected: Bool) {
        #expect(GlobPattern(pattern).matchesHost(host) == expected)
    }

    @Test func pathologicalPatternsStayFast() {
        let pattern = GlobPattern(String(repeating: "*a", count: 50) + "b")
        #expect(!pattern.matches(String(repeating: "a", count: 5_000)))
    }
}
