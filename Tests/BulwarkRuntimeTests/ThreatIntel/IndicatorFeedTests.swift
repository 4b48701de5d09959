import BulwarkCore
import Testing
@testable import BulwarkRuntime

@Suite struct IndicatorFeedTests {
    @Test func theDocumentedFormatIsRead() throws {
        var indicators = ThreatIndicators()
        try IndicatorFeed.parse("""
            # abuse.ch, 2026-11-20
            domain: evil.example          # C2
            domain: *.tunnel.example
            ip: 203.0.113.7

            url: /cgi-bin/luci;stok=      # router exploit
            hash: 44D88612FEA8A8F36DE82E1278ABB02F
            command: xmrig
            """, file: "feed.txt", into: &indicators)
        #expect(indicators.domains == ["evil.example": "C2", "tunnel.example": ""])
        #expect(indicators.ips.keys.sorted() == ["203.0.113.7"])
        #expect(indicators.urlFragments.first?.fragment == "/cgi-bin/luci;stok=" && indicators.urlFragments.first?.label == "router exploit")
        #expect(indicators.hashes.keys.sorted() == ["44d88612fea8a8f36de82e1278abb02f"])
        #expect(indicators.commands.keys.sorted() == ["xmrig"])
        #expect(indicators.count == 6)
    }

    @Test func aBadLineNamesFileAndLine() {
        var indicators = ThreatIndicators()
        #expect(throws: IndicatorFeed.Failure.self) { try IndicatorFeed.parse("domain: a.example\nhost: b.example\n", file: "f.txt", into: &indicators) }
        do {
            try IndicatorFeed.parse("domain: a.example\nhash: 1234\n", file: "f.txt", into: &indicators)
        } catch {
            #expect("\(error)".hasPrefix("f.txt:2:"))
        }
    }
}
