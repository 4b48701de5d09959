import Testing
@testable import BulwarkCore

/// Hang guards: the content scanners are linear, including on adversarial repetitions of the
/// prefixes and separators they look for. (Release latency is measured separately.)
@Suite struct ContentScanSpeedTests {
    static func text(bytes: Int, unit: String) -> String {
        var s = ""
        s.reserveCapacity(bytes + unit.utf8.count)
        while s.utf8.count < bytes { s += unit }
        return s
    }

    static let units = [
        "Contact jane.doe@example.com or call (415) 555-2671; password=Tr0ub4dor&3x, card 4111 1111 1111 1111. ",
        "sk-sk-sk-ghp_ghp_AKIA xoxb- -----BEGIN PRIVATE KEY----- eyJ. ",
        "password=password=password=:::::====@@@@",
        "1234 5678 9012 3456 7890 1234 5678 9012 ",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "ZGVidWdDb250YWluZXI6CiAgaW1hZ2U6CiAgICB2ZXJzaW9uOiBpbnN0YWxsLWRlYnVnLXZlcnNpb24K",
    ]

    @Test(arguments: units)
    func oneMegabyteFinishes(unit: String) {
        let input = Self.text(bytes: 1 << 20, unit: unit)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = SecretScanner().scan(input)
            _ = PIIScanner().scan(input)
        }
        #expect(elapsed < .seconds(30), "1 MB took \(elapsed)")
    }
}
