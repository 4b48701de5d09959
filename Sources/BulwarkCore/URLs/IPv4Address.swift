/// IPv4 literals, including the forms `inet_aton` and URL parsers accept: `127.1`, `2130706433`,
/// `0x7f000001`, `0177.0.0.1`, `0x7f.1`.
enum IPv4Address {
    /// The address as a 32-bit number, or `nil` when `host` is not an IPv4 literal.
    static func decode<S: StringProtocol>(_ host: S) -> UInt32? {
        let parts = host.utf8.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(4)
        for part in parts {
            guard let v = number(part) else { return nil }
            values.append(v)
        }
        var result: UInt64 = 0
        for v in values.dropLast() {
            guard v <= 255 else { return nil }
            result = result << 8 | v
        }
        let remainingBytes = 5 - values.count
        let last = values[values.count - 1]
        guard last < (UInt64(1) << (8 * UInt64(remainingBytes))) else { return nil }
        result = result << (8 * UInt64(remainingBytes)) | last
        return UInt32(truncatingIfNeeded: result)
    }

    /// One dotted part: `0x` hex, a leading `0` octal, otherwise decimal.
    private static func number<C: Collection<UInt8>>(_ part: C) -> UInt64? {
        guard !part.isEmpty, part.count <= 34 else { return nil }
        var digits = part[...]
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == 0x30, let x = digits.dropFirst().first, x | 0x20 == 0x78 {
            radix = 16
            digits = digits.dropFirst(2)
            if digits.isEmpty { return 0 }
        } else if digits.count >= 2, digits.first == 0x30 {
            radix = 8
            digits = digits.dropFirst()
        }
        var value: UInt64 = 0
        for b in digits {
            let d: UInt64
            switch b {
            case 0x30...0x39: d = UInt64(b - 0x30)
            case 0x61...0x66: d = UInt64(b - 0x61 + 10)
            case 0x41...0x46: d = UInt64(b - 0x41 + 10)
            default: return nil
            }
            guard d < radix else { return nil }
            value = value * radix + d
            if value > 0xFFFF_FFFF { return nil }
        }
        return value
    }

    /// `a.b.c.d` with four decimal parts, no leading zeros, each at most 255.
    static func isCanonical<S: StringProtocol>(_ host: S) -> Bool {
        let parts = host.utf8.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            if p.count > 1 && p.first == 0x30 { return false }
            var v = 0
            for b in p { v = v * 10 + Int(b - 0x30) }
            if v > 255 { return false }
        }
        return true
    }

    /// The dotted-quad spelling of `address`.
    static func format(_ address: UInt32) -> String {
        "\(address >> 24).\((address >> 16) & 0xFF).\((address >> 8) & 0xFF).\(address & 0xFF)"
    }

    /// The kind of a decoded address.
    static func kind(_ a: UInt32) -> HostKind {
        switch a {
        case 0xA9FE_A9FE, 0xA9FE_AA02, 0xA9FE_AA17, 0x6464_64C8, 0xA83F_8110:
            // 169.254.169.254, 169.254.170.2, 169.254.170.23, 100.100.100.200, 168.63.129.16
            return .metadata
        case 0: return .localhost
        default: break
        }
        let a8 = a >> 24
        if a8 == 127 { return .localhost }
        if a8 == 10 || a8 == 0 { return .privateNetwork }
        if a >> 20 == 0xAC1 { return .privateNetwork }  // 172.16.0.0/12
        if a >> 16 == 0xC0A8 { return .privateNetwork }  // 192.168.0.0/16
        if a >> 22 == (100 << 2 | 1) { return .privateNetwork }  // 100.64.0.0/10
        if a >> 16 == 0xA9FE { return .linkLocal }  // 169.254.0.0/16
        return .ipv4
    }
}
