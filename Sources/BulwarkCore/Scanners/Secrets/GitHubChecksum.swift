/// The checksum of GitHub's prefixed tokens (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`): the last six
/// characters are the base62 CRC32 of the 30 random characters before them.
enum GitHubChecksum {
    private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

    /// `body` is the part after the prefix: 36 alphanumerics.
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>) -> Bool {
        guard body.count == 36 else { return false }
        let split = body.lowerBound + 30
        var n = CRC32.checksum(bytes, body.lowerBound..<split)
        var digits = [UInt8](repeating: alphabet[0], count: 6)
        var k = 5
        while n > 0, k >= 0 {
            digits[k] = alphabet[Int(n % 62)]
            n /= 62
            k -= 1
        }
        for j in 0..<6 where bytes[split + j] != digits[j] { return false }
        return true
    }
}
