/// Small decoders and token tests used by the shell rules. All linear in their input.
enum Escapes {
    /// Decodes printf/`echo -e` escapes. Returns the text and how many byte escapes it held.
    static func decodePrintf(_ text: String) -> (String, Int) {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return (text, 0) }
        let b = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        var count = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "\\"), i + 1 < b.count else { out.append(b[i]); i += 1; continue }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "a"): out.append(0x07)
            case UInt8(ascii: "e"): out.append(0x1B)
            case UInt8(ascii: "x"):
                var v = 0, n = 0
                while n < 2, i < b.count, let d = hexValue(b[i]) { v = v * 16 + d; i += 1; n += 1 }
                if n > 0 { out.append(UInt8(v)); count += 1 } else { out.append(contentsOf: [0x5C, e]) }
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var v = Int(e - 0x30), n = 1
                while n < 4, i < b.count, b[i] >= 0x30, b[i] <= 0x37 { v = v * 8 + Int(b[i] - 0x30); i += 1; n += 1 }
                out.append(UInt8(v & 0xFF))
                count += 1
            default:
                out.append(contentsOf: [0x5C, e])
            }
        }
        return (String(decoding: out, as: UTF8.self), count)
    }

    /// Decodes plain hex (`xxd -r -p`), ignoring whitespace.
    static func decodeHex(_ text: String) -> String? {
        var out: [UInt8] = []
        var high: Int? = nil
        for c in text.utf8 {
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { continue }
            guard let d = hexValue(c) else { return nil }
            if let h = high { out.append(UInt8(h * 16 + d)); high = nil } else { high = d }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isRot13(_ a: String, _ b: String) -> Bool {
        let from = a.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
        let to = b.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
        return (from.hasPrefix("A-Za-z") || from.hasPrefix("a-zA-Z")) && (to.hasPrefix("N-ZA-M") || to.hasPrefix("n-za-m"))
    }

    static func rot13(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { s -> Unicode.Scalar in
            switch s.value {
            case 65...90: return Unicode.Scalar((s.value - 65 + 13) % 26 + 65)!
            case 97...122: return Unicode.Scalar((s.value - 97 + 13) % 26 + 97)!
            default: return s
            }
        }))
    }

    /// Whether `text` names a shell to be run: `/bin/sh`, `/usr/bin/bash -p`, `!sh`, `system("sh")`.
    static func spawnsShell(_ text: String) -> Bool {
        // Every shell name contains "sh"; most arguments do not, so check that first.
        var sawS = false
        var hasSH = false
        for c in text.utf8 {
            if sawS, c == UInt8(ascii: "h") { hasSH = true; break }
            sawS = c == UInt8(ascii: "s")
        }
        guard hasSH else { return false }
        let b = Array(text.utf8)
        var i = 0
        while i < b.count {
            // Find a token start.
            while i < b.count, isDelimiter(b[i]) { i += 1 }
            let start = i
            while i < b.count, !isDelimiter(b[i]) { i += 1 }
            guard i > start else { continue }
            let token = b[start..<i]
            let before: UInt8 = start > 0 ? b[start - 1] : 0x20
            // Basename of the token.
            var nameStart = token.startIndex
            if let slash = token.lastIndex(of: UInt8(ascii: "/")) { nameStart = slash + 1 }
            let name = String(decoding: token[nameStart...], as: UTF8.self)
            if name == "shell" || name == "sh" || name == "shell!", before == UInt8(ascii: ":") { return true }  // vi `:shell`, `:sh`
            guard shellNames.contains(name) else { continue }
            if token.first == UInt8(ascii: "/") || token.contains(UInt8(ascii: "/")) { return true }
            // A bare shell name counts when it is clearly executed: `!sh`, `"sh"`, `(sh`, `=sh`, `exec sh`, `sh -i`.
            if before == UInt8(ascii: "!") || before == UInt8(ascii: "\"") || before == UInt8(ascii: "'") || before == UInt8(ascii: "=") || before == UInt8(ascii: "(") || before == UInt8(ascii: "`") {
                return true
            }
            var j = i
            while j < b.count, b[j] == 0x20 { j += 1 }
            if j + 1 < b.count, b[j] == UInt8(ascii: "-"), b[j + 1] == UInt8(ascii: "i") || b[j + 1] == UInt8(ascii: "p") || b[j + 1] == UInt8(ascii: "c") {
                if j + 2 >= b.count || isDelimiter(b[j + 2]) { return true }
            }
            if start >= 5, String(decoding: b[(start - 5)..<start], as: UTF8.self) == "exec " { return true }
        }
        return false
    }

    static let shellNames: Set<String> = ["sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "ash", "mksh", "fish"]

    @inline(__always) static func isDelimiter(_ c: UInt8) -> Bool {
        switch c {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ";"),
            UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"), UInt8(ascii: "\\"):
            return true
        default:
            return false
        }
    }

    /// `lib.so`, `/path/lib.so.1`, `x.dylib`, `ladspa=file=/p/lib.so`.
    static func namesSharedLibrary(_ arg: String) -> Bool {
        guard arg.utf8.contains(UInt8(ascii: ".")) else { return false }
        let b = Array(arg.utf8)
        var i = 0
        while i + 2 < b.count {
            if b[i] == UInt8(ascii: "."), b[i + 1] == UInt8(ascii: "s"), b[i + 2] == UInt8(ascii: "o"), i > 0, isNameChar(b[i - 1]) {
                let after = i + 3
                if after == b.count || b[after] == UInt8(ascii: ".") && after + 1 < b.count && b[after + 1] >= 0x30 && b[after + 1] <= 0x39 || !isNameChar(b[after]) && b[after] != UInt8(ascii: "-") {
                    return true
                }
            }
            i += 1
        }
        return arg.hasSuffix(".dylib")
    }
}

/// A tolerant base64 decoder (standard and URL alphabets, whitespace ignored), and the standard
/// encoder.
public enum Base64 {
    /// Standard base64 with `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var sawData = false
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - 65)
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - 97 + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - 48 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="), 0x20, 0x0A, 0x0D, 0x09: continue
            default: return nil
            }
            sawData = true
            buffer = buffer << 6 | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return sawData ? out : nil
    }
}
