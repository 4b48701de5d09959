/// Byte classes for the hand-written content scanners (ASCII only; other bytes are "other").
enum ScanByte {
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isWhite(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    /// Letters, digits and `_`: an identifier byte.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x5F }
    /// base64url alphabet: letters, digits, `-` and `_`.
    @inline(__always) static func isURLSafe(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2D || b == 0x5F }
    /// Standard base64 alphabet without padding: letters, digits, `+` and `/`.
    @inline(__always) static func isBase64(_ b: UInt8) -> Bool { isAlnum(b) || b == 0x2B || b == 0x2F }

    /// True when `bytes[at...]` starts with `literal`, comparing ASCII letters case-insensitively
    /// (`literal` must be lowercase).
    static func hasPrefixFolded(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard at >= 0, at + n <= bytes.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where lower(bytes[at + k]) != p[k] { return false }
        return true
    }

    /// True when `bytes[at...]` starts with `literal` exactly.
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at: Int, _ literal: [UInt8]) -> Bool {
        guard at >= 0, at + literal.count <= bytes.count else { return false }
        for k in 0..<literal.count where bytes[at + k] != literal[k] { return false }
        return true
    }

    /// The index of the first occurrence of `literal` (lowercase) at or after `from`, folding case.
    static func findFolded(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from: Int = 0) -> Int? {
        let n = literal.utf8CodeUnitCount
        guard n > 0, bytes.count >= n else { return nil }
        let first = literal.utf8Start[0]
        // For a letter, OR-ing 0x20 folds case; a non-letter byte can only collide with a
        // non-letter, which the full comparison then rejects.
        let fold: UInt8 = isAlpha(first) ? 0x20 : 0
        let last = bytes.count - n
        var i = max(0, from)
        while i <= last {
            if bytes[i] | fold == first, hasPrefixFolded(bytes, at: i, literal) { return i }
            i += 1
        }
        return nil
    }
}
