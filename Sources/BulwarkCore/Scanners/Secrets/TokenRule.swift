/// A provider token recognised by its literal prefix and the length and alphabet of its body.
struct TokenRule: Sendable {
    /// The literal prefix, matched case-sensitively (`ghp_`, `xoxb-`, `AKIA`).
    let prefix: [UInt8]
    /// The `ContentMatch.type` it reports.
    let type: String
    let alphabet: TokenAlphabet
    let minBody: Int
    let maxBody: Int
    let confidence: Double
    /// The body must mix letters and digits (guards short, loose prefixes against words).
    let mixed: Bool
    /// The body must contain this literal (OpenAI's `T3BlbkFJ` marker).
    let marker: [UInt8]?
    /// Checks a format checksum; the match is `validated` when it passes.
    let checksum: (@Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool)?

    init(
        _ prefix: String, _ type: String, _ alphabet: TokenAlphabet, _ minBody: Int, _ maxBody: Int? = nil,
        confidence: Double = 0.9, mixed: Bool = false, marker: String? = nil,
        checksum: (@Sendable (UnsafeBufferPointer<UInt8>, Range<Int>) -> Bool)? = nil
    ) {
        self.prefix = Array(prefix.utf8)
        self.type = type
        self.alphabet = alphabet
        self.minBody = minBody
        self.maxBody = maxBody ?? minBody
        self.confidence = confidence
        self.mixed = mixed
        self.marker = marker.map { Array($0.utf8) }
        self.checksum = checksum
    }
}
