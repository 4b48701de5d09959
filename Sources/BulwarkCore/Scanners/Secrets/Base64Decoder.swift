/// Decodes standard or URL-safe base64 (padding optional) without Foundation.
enum Base64Decoder {
    @inline(__always) static func value(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x41...0x5A: b - 0x41
        case 0x61...0x7A: b - 0x61 + 26
        case 0x30...0x39: b - 0x30 + 52
        case 0x2B, 0x2D: 62
        case 0x2F, 0x5F: 63
        default: nil
        }
    }

    /// Decodes at most `limit` output bytes of `bytes[range]`; stops at padding or the first
    /// byte outside the alphabet. Returns nil when nothing decodes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, limit: Int = .max) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(min(limit, range.count * 3 / 4 + 2))
        var acc: UInt32 = 0
        var bits = 0
        for i in range {
            guard let v = value(bytes[i]) else { break }
            acc = (acc << 6) | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> UInt32(bits)) & 0xFF))
                if out.count >= limit { break }
            }
        }
        return out.isEmpty ? nil : out
    }
}
