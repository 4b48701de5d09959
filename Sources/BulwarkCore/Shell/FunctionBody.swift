/// Cuts a function's body out of the source: the text between the `{` (or `(`) that follows the
/// definition and its match, skipping quoted text and escapes. Linear in the body's size.
enum FunctionBody {
    static let maxBytes = 64 << 10

    /// The body and the index just past its closing bracket.
    static func extract(_ b: [UInt8], from start: Int) -> (String, Int)? {
        var i = start
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A { i += 1 }
        guard i < b.count, b[i] == UInt8(ascii: "{") || b[i] == UInt8(ascii: "(") else { return nil }
        let opener = b[i], closer = opener == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: ")")
        let open = i + 1
        var level = 1
        i = open
        while i < b.count, i - open <= maxBytes {
            switch b[i] {
            case UInt8(ascii: "\\"):
                i += 2
                continue
            case UInt8(ascii: "'"):
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "'") { i += 1 }
            case UInt8(ascii: "\""):
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
            case opener:
                level += 1
            case closer:
                level -= 1
                if level == 0 { return (String(decoding: b[open..<i], as: UTF8.self), i + 1) }
            default:
                break
            }
            i += 1
        }
        return nil
    }
}
