/// Finds credentials in text: provider tokens by their documented formats (with checksums where
/// the format has one), private keys, JWTs, passwords in URLs, and generic `password=`/`token:`
/// assignments filtered for placeholders and low entropy.
///
/// Pure and linear in the input size: every rule is a hand-written scan over UTF-8 bytes with
/// bounded look-ahead; no regular expressions.
public struct SecretScanner: Sendable {
    public init() {}

    /// All secrets in `text`, ordered by position; a match wholly inside another is dropped.
    public func scan(_ text: String) -> [ContentMatch] {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    /// Scans raw UTF-8 bytes.
    public func scan(bytes b: UnsafeBufferPointer<UInt8>) -> [ContentMatch] {
        guard b.count >= 8 else { return [] }
        let traits = TextTraits(b)
        var specific: [ContentMatch] = []
        PrefixTokenScanner.scan(b, into: &specific)
        DelimitedTokenScanner.scan(b, into: &specific)
        if traits.longestBase64Run >= 40 { Base64BlobScanner.scan(b, into: &specific) }
        if traits.hasFiveDashes { PEMBlockScanner.scan(b, into: &specific) }
        if traits.hasJWTStart { JWTScanner.scan(b, into: &specific) }
        if traits.hasSchemeSeparator { URLCredentialScanner.scan(b, into: &specific) }
        if traits.longestBase64Run >= 40 {
            let accessKeys = specific.filter { $0.type == "aws_access_key" }
            AWSSecretKeyScanner.scan(b, accessKeys: accessKeys, into: &specific)
        }

        var generic: [ContentMatch] = []
        AssignmentScanner.scan(b, into: &generic)
        CommandLineSecretScanner.scan(b, into: &generic)
        // A provider-specific match names the secret better than a generic assignment over it.
        let all = specific + Self.withoutOverlaps(generic, of: specific)
        return MatchSet.normalized(all)
    }

    /// The matches of `candidates` that overlap none of `taken`.
    static func withoutOverlaps(_ candidates: [ContentMatch], of taken: [ContentMatch]) -> [ContentMatch] {
        guard !taken.isEmpty, !candidates.isEmpty else { return candidates }
        let sorted = taken.map(\.range).sorted { $0.lowerBound < $1.lowerBound }
        // Prefix maxima of range ends let each candidate be checked with one binary search.
        var maxEnd: [Int] = []
        maxEnd.reserveCapacity(sorted.count)
        var m = Int.min
        for r in sorted {
            m = max(m, r.upperBound)
            maxEnd.append(m)
        }
        return candidates.filter { c in
            // Last taken range starting before c ends.
            var lo = 0
            var hi = sorted.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if sorted[mid].lowerBound < c.range.upperBound { lo = mid + 1 } else { hi = mid }
            }
            return lo == 0 || maxEnd[lo - 1] <= c.range.lowerBound
        }
    }
}
