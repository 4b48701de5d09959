/// One secret or piece of personal data found in a text.
public struct ContentMatch: Sendable, Equatable {
    /// Whether this is a secret or PII.
    public var kind: ContentKind
    /// A stable snake_case identifier such as `aws_access_key`, `github_token` or `credit_card`.
    public var type: String
    /// UTF-8 byte offsets of the sensitive value in the scanned text (not of its label).
    public var range: Range<Int>
    /// How sure the scanner is, from 0 to 1.
    public var confidence: Double
    /// True when the format carries a checksum (Luhn, mod 97, CRC32…) and it passed.
    public var validated: Bool

    public init(kind: ContentKind, type: String, range: Range<Int>, confidence: Double, validated: Bool = false) {
        self.kind = kind
        self.type = type
        self.range = range
        self.confidence = confidence
        self.validated = validated
    }
}
