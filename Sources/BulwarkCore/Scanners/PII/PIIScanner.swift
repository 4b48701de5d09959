/// Finds personal data in text: e-mail addresses, phone numbers, payment cards (IIN + Luhn),
/// IBANs (country length + mod 97), US SSNs (issuance rules), IPv4/IPv6 addresses and, after an
/// explicit mention, US driver's licence numbers.
///
/// Pure and linear in the input size; hand-written byte scans, no regular expressions. Numbers in
/// ordinary prose (prices, dates, quantities, sizes, ports) are not reported: each detector
/// either checks a checksum or needs an unambiguous shape or a nearby cue word.
public struct PIIScanner: Sendable {
    public init() {}

    /// All personal data in `text`, ordered by position; a match wholly inside another is dropped.
    public func scan(_ text: String) -> [ContentMatch] {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    /// Scans raw UTF-8 bytes.
    public func scan(bytes b: UnsafeBufferPointer<UInt8>) -> [ContentMatch] {
        guard b.count >= 6 else { return [] }
        let traits = TextTraits(b)
        var strong: [ContentMatch] = []
        var weak: [ContentMatch] = []
        if traits.hasAt { EmailDetector.scan(b, into: &strong) }
        if traits.digits >= 12 { PaymentCardDetector.scan(b, into: &strong) }
        if traits.digits >= 4 { IBANDetector.scan(b, into: &strong) }
        if traits.digits >= 9 { SSNDetector.scan(b, into: &strong) }
        if traits.digits >= 5 { DriverLicenseDetector.scan(b, into: &strong) }
        if traits.digits >= 4 || traits.colons >= 2 { IPAddressDetector.scan(b, into: &weak) }
        if traits.digits >= 7 { PhoneDetector.scan(b, into: &weak) }
        // A card, IBAN or SSN read as a phone number is still the card, IBAN or SSN.
        return MatchSet.normalized(strong + SecretScanner.withoutOverlaps(weak, of: strong))
    }
}
