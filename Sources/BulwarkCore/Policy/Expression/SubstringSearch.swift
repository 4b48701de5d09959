/// Substring search over UTF-8 bytes in linear time (Knuth–Morris–Pratt).
///
/// CEL's `contains` asks whether one string's code points occur in another's; because UTF-8 is
/// self-synchronizing, that is exactly whether the bytes occur. The failure table of a constant
/// argument is built once, when the program is compiled.
enum SubstringSearch {
    /// Fills `table` (as long as `pattern`) with the length of the longest proper border of each prefix.
    static func failureTable(_ pattern: UnsafeBufferPointer<UInt8>, into table: UnsafeMutableBufferPointer<Int32>) {
        guard !pattern.isEmpty else { return }
        table[0] = 0
        var k = 0
        var i = 1
        while i < pattern.count {
            while k > 0 && pattern[i] != pattern[k] { k = Int(table[k - 1]) }
            if pattern[i] == pattern[k] { k += 1 }
            table[i] = Int32(k)
            i += 1
        }
    }

    /// Whether `pattern` occurs in `text`; `table` is `pattern`'s failure table. While no prefix
    /// of the pattern is matched, a tight loop skips to the next occurrence of its first byte.
    static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<Int32>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = pattern.count
        let n = text.count
        guard m > 0 else { return true }
        guard m <= n else { return false }
        let first = pattern[0]
        var k = 0
        var i = 0
        while i < n {
            if k == 0 {
                while i < n && text[i] != first { i += 1 }
                guard i < n else { return false }
                k = 1
            } else {
                let byte = text[i]
                while k > 0 && byte != pattern[k] { k = Int(table[k - 1]) }
                if byte == pattern[k] { k += 1 }
            }
            if k == m { return true }
            i += 1
        }
        return false
    }

    /// Whether `pattern` occurs in `text`, building the failure table now (a pattern known only at run time).
    static func occurs(_ pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= text.count else { return false }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: pattern.count) { table in
            failureTable(pattern, into: table)
            return occurs(pattern, table: UnsafeBufferPointer(table), in: text)
        }
    }
}
