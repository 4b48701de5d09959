/// Folds text for phrase matching: lower case, common homoglyphs and leetspeak to ASCII,
/// zero-width and bidi controls dropped, every run of non-letters collapsed to one space.
/// The result is a list of word tokens. Linear in the input.
public enum TextNormalizer {
    /// `limit` bounds the number of bytes looked at. Words longer than 48 bytes cannot be in a
    /// phrase and are kept as a placeholder, so that distances between words stay right.
    public static func words(_ text: String, limit: Int = 160_000) -> [String] {
        var text = text
        return text.withUTF8 { words($0, limit: limit) }
    }

    /// The words of the first and the last `half` bytes of a text longer than `2 × half`, so that
    /// padding cannot push an instruction out of sight; the whole text otherwise.
    public static func headAndTailWords(_ text: String, half: Int) -> [String] {
        var text = text
        return text.withUTF8 { p in
            guard p.count > 2 * half else { return words(p, limit: p.count) }
            var tail = p.count - half
            while tail < p.count, p[tail] & 0xC0 == 0x80 { tail += 1 }  // start on a character boundary
            return words(p, limit: half) + words(UnsafeBufferPointer(rebasing: p[tail...]), limit: half)
        }
    }

    static func words(_ p: UnsafeBufferPointer<UInt8>, limit: Int) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(48)
        func flush() {
            if !current.isEmpty {
                words.append(current.count > 48 ? "~" : String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        let end = min(p.count, limit)
        var i = 0
        while i < end {
            let b = p[i]
            // ASCII fast path: letters lower-cased, leetspeak digits folded, the rest separates words.
            if b < 0x80 {
                i += 1
                switch b {
                case 0x61...0x7A: current.append(b)
                case 0x41...0x5A: current.append(b | 0x20)
                case 0x30...0x39: current.append(leet[Int(b - 0x30)])
                case UInt8(ascii: "@"): current.append(UInt8(ascii: "a"))
                case UInt8(ascii: "$"): current.append(UInt8(ascii: "s"))
                default: flush()
                }
                continue
            }
            // Decode one scalar of valid UTF-8.
            var v: UInt32
            var n: Int
            if b >= 0xF0 { v = UInt32(b & 0x07); n = 4 } else if b >= 0xE0 { v = UInt32(b & 0x0F); n = 3 } else { v = UInt32(b & 0x1F); n = 2 }
            guard i + n <= p.count else { break }
            for k in 1..<n { v = v << 6 | UInt32(p[i + k] & 0x3F) }
            i += n
            // Zero-width, bidi controls, soft hyphen and Unicode tag characters are invisible: drop them.
            if (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0xAD || (0xE0000...0xE007F).contains(v) {
                continue
            }
            if let mapped = fold(v), let a = mapped.asciiValue {
                current.append(a)
            } else if let scalar = Unicode.Scalar(v), scalar.properties.isAlphabetic {
                if scalar.properties.changesWhenLowercased {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    appendUTF8(v, to: &current)
                }
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Leetspeak for digits: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t; the others stay.
    static let leet: [UInt8] = Array("oi2ea56t89".utf8)

    @inline(__always) static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// ASCII, leetspeak inside words, and the Cyrillic/Greek letters that look Latin.
    static func fold(_ v: UInt32) -> Character? {
        switch v {
        case 0x41...0x5A: return Character(Unicode.Scalar(v + 32)!)
        case 0x61...0x7A: return Character(Unicode.Scalar(v)!)
        case 0x30...0x39:
            switch v {
            case 0x30: return "o"
            case 0x31: return "i"
            case 0x33: return "e"
            case 0x34: return "a"
            case 0x35: return "s"
            case 0x37: return "t"
            default: return Character(Unicode.Scalar(v)!)
            }
        case 0x40: return "a"  // @
        case 0x24: return "s"  // $
        case 0x27, 0x2019: return nil  // apostrophes split words like other punctuation
        // Cyrillic look-alikes.
        case 0x0430, 0x0410: return "a"
        case 0x0435, 0x0415: return "e"
        case 0x043E, 0x041E: return "o"
        case 0x0440, 0x0420: return "p"
        case 0x0441, 0x0421: return "c"
        case 0x0443, 0x0423: return "y"
        case 0x0445, 0x0425: return "x"
        case 0x0456, 0x0406: return "i"
        // Greek look-alikes.
        case 0x03BF, 0x039F: return "o"
        case 0x03B1, 0x0391: return "a"
        case 0x03B5, 0x0395: return "e"
        case 0x03B9, 0x0399: return "i"
        // Fullwidth ASCII letters.
        case 0xFF21...0xFF3A: return Character(Unicode.Scalar(v - 0xFF21 + 0x61)!)
        case 0xFF41...0xFF5A: return Character(Unicode.Scalar(v - 0xFF41 + 0x61)!)
        default: return nil
        }
    }
}
