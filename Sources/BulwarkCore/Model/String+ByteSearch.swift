/// Naive byte-substring search: the needles here are short markers, so it beats anything fancier.
@inlinable
func bytesContain(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = n.count
    if count == 0 { return true }
    if count > h.count { return false }
    let first = n[0]
    var i = 0
    let last = h.count - count
    while i <= last {
        if h[i] == first {
            var k = 1
            while k < count, h[i + k] == n[k] { k += 1 }
            if k == count { return true }
        }
        i += 1
    }
    return false
}

extension String {
    /// Byte-level substring test. It shadows the generic `StringProtocol.contains(_:)` from
    /// `_StringProcessing` inside this module: rules call it in loops over marker lists, and the
    /// generic version costs microseconds per call. Matching is on UTF-8 bytes, which is what the
    /// rules want for their ASCII markers.
    @inlinable
    func contains(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in bytesContain(h, n) } }
    }
}

extension String {
    /// The string's UTF-8 bytes, in place when they are contiguous (native and small strings
    /// always are), else from a copy.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
