/// Lower-cased UTF-8 bytes of a text with fast substring tests, for rules that look for
/// several markers in the same (possibly long) string without allocating per test.
struct ByteText {
    let bytes: [UInt8]

    init(lowercasing text: String) {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) }
        bytes = out
    }

    /// Whether `needle` (ASCII, lower case) occurs.
    func contains(_ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        guard n > 0, n <= bytes.count else { return n == 0 }
        let p = needle.utf8Start
        let first = p[0]
        return bytes.withUnsafeBufferPointer { h in
            var i = 0
            let last = h.count - n
            while i <= last {
                if h[i] == first {
                    var k = 1
                    while k < n, h[i + k] == p[k] { k += 1 }
                    if k == n { return true }
                }
                i += 1
            }
            return false
        }
    }

    func containsAny(_ needles: [StaticString]) -> Bool {
        for needle in needles where contains(needle) { return true }
        return false
    }
}
