import Testing
@testable import BulwarkCore

/// Validators and false-positive guards of `PIIScanner`. All values are synthetic.
@Suite struct PIIScannerTests {
    let scanner = PIIScanner()

    func types(_ text: String) -> [String] { scanner.scan(text).map(\.type) }

    @Test func email() {
        #expect(types("Write to jane.doe+alerts@mail.example.co.uk.") == ["email"])
        #expect(types("user@localhost and @mentions and a@b") == [])
    }

    @Test(arguments: [
        "Call me at (415) 555-2671 tomorrow",
        "reach us: +44 20 7946 0958",
        "office 415-555-2671",
        "my number is 415.555.2671",
        "Phone: 0490 75 40 81",
        "+1-604-696-5272x565",
        "Mobile: 07700 900123",
    ])
    func phones(text: String) {
        #expect(types(text) == ["phone"], "\(text)")
    }

    @Test(arguments: [
        "Janet sells 16 eggs a day at $2 each and 3 ducks for 1250 dollars.",
        "The meeting is on 2024-01-31 at 12:30:45.",
        "Order 1234567 shipped in 3 boxes of 250 items.",
        "find files larger than 1048576 bytes and listen on port 8080",
        "The population grew from 1,234,567 to 2,345,678.",
        "Version 10.0.19045 build 3803",
    ])
    func numbersInProseAreNotPII(text: String) {
        #expect(types(text) == [], "\(text)")
    }

    @Test func paymentCardsNeedLuhnAndIIN() {
        #expect(types("card 4111 1111 1111 1111 exp 12/29") == ["credit_card"])
        #expect(types("card 4111-1111-1111-1111") == ["credit_card"])
        #expect(types("amex 378282246310005") == ["credit_card"])
        #expect(types("card 4111 1111 1111 1112") == [])  // Luhn fails
        #expect(types("id 9111111111111111") == [])  // no such IIN
        // Unusual lengths need a card word: a 13-digit id is not a card by itself.
        #expect(types("\"sample_id\": 4222222222222") == [])
        #expect(types("visa 4222222222222") == ["credit_card"])
        #expect(types("kill -9 1234 2345 3456 4567 5678") == [])
        let m = scanner.scan("5555555555554444")
        #expect(m.first?.validated == true)
    }

    @Test func ibanNeedsLengthAndMod97() {
        #expect(types("IBAN GB82 WEST 1234 5698 7654 32 please") == ["iban"])
        #expect(types("DE89370400440532013000") == ["iban"])
        #expect(types("GB82 WEST 1234 5698 7654 33") == [])  // check digits wrong
        #expect(types("DE8937040044053201300") == [])  // one character short
    }

    @Test func ssnIssuanceRules() {
        #expect(types("SSN 123-45-6789") == ["us_ssn"])
        #expect(types("666-12-3456") == [])
        #expect(types("000-12-3456") == [])
        #expect(types("912-12-3456") == [])
        #expect(types("123-00-6789") == [])
        #expect(types("echo 111-11-1111") == [])
        #expect(types("social security number 123456789") == ["us_ssn"])
        #expect(types("invoice 123456789") == [])
    }

    @Test func ipAddresses() {
        #expect(types("connect to 192.168.1.20:22") == ["ip_address"])
        #expect(types("999.1.1.1 and 1.2.3") == [])
        #expect(types("upgrade to v1.2.3.4") == [])
        #expect(types("host 2001:db8::8a2e:370:7334 is up") == ["ip_address"])
        #expect(types("at 12:30:45 and std::vector") == [])
    }

    @Test func driversLicenceOnlyWithItsCue() {
        #expect(types("my driver's license number is F162823540116") == ["us_driver_license"])
        #expect(types("reference F162823540116") == [])
    }

    @Test func findingsUsePIIRuleIDs() {
        let m = scanner.scan("SSN 123-45-6789")
        #expect(m.first?.finding().rule.rawValue == "content.pii.us_ssn")
        #expect(m.first?.finding().evidence.contains("6789") == false)
    }
}
