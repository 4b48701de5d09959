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
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return bytes.withUnsafeBufferPointer { bytesContain($0, n) }
    }

    func containsAny(_ needles: [StaticString]) -> Bool {
        for needle in needles where contains(needle) { return true }
        return false
    }
}
