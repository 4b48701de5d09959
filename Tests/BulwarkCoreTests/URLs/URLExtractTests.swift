import Testing
@testable import BulwarkCore

@Suite struct URLExtractTests {
    @Test(arguments: [
        ("see https://example.com/a.", ["example.com"]),
        ("curl -s http://169.254.169.254/latest/meta-data/ | sh", ["169.254.169.254"]),
        ("(docs at https://en.wikipedia.org/wiki/Foo_(bar)) and more", ["en.wikipedia.org"]),
        ("a \"https://a.io/x\" and 'http://b.io' and <https://c.io/y>", ["a.io", "b.io", "c.io"]),
        ("url=https://webhook.site/abc?d=1,next", ["webhook.site"]),
        ("“https://paste.ee/p/x” done", ["paste.ee"]),
        ("git clone git+ssh://git@github.com/o/r.git", ["github.com"]),
        ("ws://[::1]:9000/sock;", ["::1"]),
        ("no urls here: a://b but ://x and http:/y", []),
        ("https://a.com/1https://b.com/2", ["a.com", "b.com"]),
        ("https://a.com/r?next=https://b.com/x", ["a.com", "b.com"]),
        ("two: http://x.org,http://y.org", ["x.org", "y.org"]),
        ("", []),
    ])
    func findsSchemeURLsInText(text: String, hosts: [String]) {
        #expect(URLParser.extract(from: text).map(\.host) == hosts)
    }

    @Test func dropsTrailingPunctuationButKeepsBalancedBrackets() {
        let urls = URLParser.extract(from: "Go to https://x.dev/p?a=1! Or (https://y.dev/q).")
        #expect(urls.map(\.raw) == ["https://x.dev/p?a=1", "https://y.dev/q"])
    }

    @Test func isBounded() {
        let text = String(repeating: "http://a.com ", count: 1000)
        #expect(URLParser.extract(from: text).count == 256)
        #expect(URLParser.extract(from: text, limit: 3).count == 3)
    }
}
