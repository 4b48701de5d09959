/// The characters allowed in the body of a prefixed provider token.
enum TokenAlphabet: Sendable {
    /// Letters only.
    case alpha
    /// Letters and digits.
    case alnum
    /// Lowercase letters and digits.
    case lowerAlnum
    /// Uppercase letters and digits.
    case upperAlnum
    /// Hexadecimal digits (either case).
    case hex
    /// base64url: letters, digits, `-`, `_`.
    case urlSafe
    /// base64url plus `.` (dotted tokens).
    case dotted
    /// Standard base64 with `+`, `/` and `=` padding.
    case base64
    /// RFC 4648 base32, uppercase (A–Z, 2–7).
    case base32
    /// Letters, digits, `-`, `_`, `.` and `%` (URL-encoded tokens).
    case percentEncoded
    /// base64url with `=` padding.
    case urlSafePadded
    /// Lowercase letters, digits and `$` (Braintree's `$`-delimited fields).
    case dollarDelimited

    @inline(__always) func contains(_ b: UInt8) -> Bool {
        switch self {
        case .alpha: ScanByte.isAlpha(b)
        case .alnum: ScanByte.isAlnum(b)
        case .lowerAlnum: ScanByte.isLower(b) || ScanByte.isDigit(b)
        case .upperAlnum: ScanByte.isUpper(b) || ScanByte.isDigit(b)
        case .hex: ScanByte.isHex(b)
        case .urlSafe: ScanByte.isURLSafe(b)
        case .dotted: ScanByte.isURLSafe(b) || b == 0x2E
        case .base64: ScanByte.isBase64(b) || b == 0x3D
        case .base32: ScanByte.isUpper(b) || (b >= 0x32 && b <= 0x37)
        case .percentEncoded: ScanByte.isURLSafe(b) || b == 0x2E || b == 0x25
        case .urlSafePadded: ScanByte.isURLSafe(b) || b == 0x3D
        case .dollarDelimited: ScanByte.isLower(b) || ScanByte.isDigit(b) || b == 0x24
        }
    }
}
