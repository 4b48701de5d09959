/// Folds text for phrase matching: lower case, common homoglyphs and leetspeak to ASCII,
/// zero-width and bidi controls dropped, every run of non-letters collapsed to one space.
/// The result is a list of word tokens. Linear in the input.
public enum TextNormalizer {
    public static func words(_ text: String, limit: Int = 20_000) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        var count = 0
        func flush() {
            if !current.isEmpty {
                words.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            count += 1
            if count > limit { break }
            let v = scalar.value
            // ASCII fast path: letters lower-cased, leetspeak digits folded, the rest separates words.
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): current.append(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): current.append(b | 0x20)
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "@"), UInt8(ascii: "$"):
                    if let c = fold(v), let a = c.asciiValue { current.append(a) }
                default: flush()
                }
                continue
            }
            // Zero-width, bidi controls, soft hyphen and Unicode tag characters are invisible: drop them.
            if (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x2064).contains(v) || v == 0xFEFF || v == 0xAD || (0xE0000...0xE007F).contains(v) {
                continue
            }
            if let mapped = fold(v) {
                current.append(contentsOf: String(mapped).utf8)
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                flush()
            }
        }
        flush()
        return words
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
