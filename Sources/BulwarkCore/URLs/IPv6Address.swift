/// IPv6 literals (without brackets), as eight 16-bit groups.
enum IPv6Address {
    /// The eight groups, or `nil` when `text` is not an IPv6 literal. A zone (`%eth0`, `%25eth0`)
    /// is ignored; a trailing dotted IPv4 (`::ffff:127.0.0.1`) is accepted.
    static func parse<S: StringProtocol>(_ text: S) -> [UInt16]? {
        var s = Substring(text)
        if let pct = s.firstIndex(of: "%") { s = s[..<pct] }
        let u = Array(s.utf8)
        guard u.contains(0x3A), u.count <= 64 else { return nil }
        var gap: Int? = nil
        var j = 0
        while j + 1 < u.count {
            if u[j] == 0x3A && u[j + 1] == 0x3A {
                guard gap == nil else { return nil }
                gap = j
                j += 2
                continue
            }
            j += 1
        }
        if let gap {
            guard let head = groups(u[0..<gap]), let tail = groups(u[(gap + 2)...]) else { return nil }
            let total = head.count + tail.count
            guard total <= 7 else { return nil }
            return head + Array(repeating: 0, count: 8 - total) + tail
        }
        guard let all = groups(u[...]), all.count == 8 else { return nil }
        return all
    }

    /// Colon-separated hex groups; the last one may be a dotted IPv4 address (two groups).
    private static func groups(_ bytes: ArraySlice<UInt8>) -> [UInt16]? {
        if bytes.isEmpty { return [] }
        var out: [UInt16] = []
        let pieces = bytes.split(separator: 0x3A, omittingEmptySubsequences: false)
        for (k, piece) in pieces.enumerated() {
            guard !piece.isEmpty else { return nil }
            if piece.contains(0x2E) {
                let text = String(decoding: piece, as: UTF8.self)
                guard k == pieces.count - 1, IPv4Address.isCanonical(text), let v4 = IPv4Address.decode(text)
                else { return nil }
                out.append(UInt16(v4 >> 16))
                out.append(UInt16(v4 & 0xFFFF))
                continue
            }
            guard piece.count <= 4 else { return nil }
            var g: UInt16 = 0
            for b in piece {
                let d: UInt16
                switch b {
                case 0x30...0x39: d = UInt16(b - 0x30)
                case 0x61...0x66: d = UInt16(b - 0x61 + 10)
                case 0x41...0x46: d = UInt16(b - 0x41 + 10)
                default: return nil
                }
                g = g << 4 | d
            }
            out.append(g)
        }
        return out
    }

    /// The IPv4 address embedded in an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible
    /// (`::a.b.c.d`) or NAT64 (`64:ff9b::a.b.c.d`) address.
    static func embeddedIPv4(_ g: [UInt16]) -> UInt32? {
        let v4 = UInt32(g[6]) << 16 | UInt32(g[7])
        if g[0..<5].allSatisfy({ $0 == 0 }) && (g[5] == 0xFFFF || (g[5] == 0 && v4 > 1)) { return v4 }
        if g[0] == 0x64 && g[1] == 0xFF9B && g[2..<6].allSatisfy({ $0 == 0 }) { return v4 }
        return nil
    }

    /// The kind of an address.
    static func kind(_ g: [UInt16]) -> HostKind {
        if let v4 = embeddedIPv4(g) { return IPv4Address.kind(v4) }
        if g[0..<7].allSatisfy({ $0 == 0 }) && g[7] <= 1 { return .localhost }  // :: and ::1
        if g[0] == 0xFD00 && g[1] == 0x0EC2 && g[2..<7].allSatisfy({ $0 == 0 }) && (g[7] == 0x254 || g[7] == 0x23) {
            return .metadata
        }
        if g[0] & 0xFFC0 == 0xFE80 { return .linkLocal }
        if g[0] & 0xFE00 == 0xFC00 || g[0] & 0xFFC0 == 0xFEC0 { return .privateNetwork }
        return .ipv6
    }
}
