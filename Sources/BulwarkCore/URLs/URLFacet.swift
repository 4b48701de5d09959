/// A parsed URL, reduced to what the rules look at.
public struct URLFacet: Sendable, Equatable {
    /// The URL as written.
    public var raw: String
    /// Lower-cased scheme, `""` when the URL had none (`evil.com/x.sh`).
    public var scheme: String
    /// Lower-cased host without a trailing dot; IPv6 without brackets; percent-decoded.
    /// Numeric hosts are kept as written (`0x7f000001`); see `ipv4Address` for the decoded value.
    public var host: String
    /// The explicit port, if any.
    public var port: Int?
    /// The path, `/` when a host was given without one.
    public var path: String
    /// The query without `?`, if any.
    public var query: String?
    /// What came before `@` in the authority (`user:password`), if any.
    public var userinfo: String?
    /// What the host is.
    public var hostKind: HostKind

    public init(
        raw: String, scheme: String, host: String, port: Int?, path: String, query: String?,
        userinfo: String?, hostKind: HostKind
    ) {
        self.raw = raw
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.userinfo = userinfo
        self.hostKind = hostKind
    }

    /// The IPv4 address the host designates, decoding obfuscated forms (`2130706433`,
    /// `0x7f.1`, `0177.0.0.1`) and IPv4 embedded in IPv6 (`::ffff:127.0.0.1`).
    public var ipv4Address: String? {
        if let v4 = IPv4Address.decode(host) { return IPv4Address.format(v4) }
        if let g = IPv6Address.parse(host), let v4 = IPv6Address.embeddedIPv4(g) { return IPv4Address.format(v4) }
        return nil
    }

    /// Whether the host is an IP address spelled in a way meant to dodge simple matching: not a
    /// canonical dotted quad (`2130706433`, `0x7f000001`, `0177.0.0.1`, `127.1`), or an IPv4
    /// address hidden inside an IPv6 literal.
    public var isObfuscatedIP: Bool {
        if IPv4Address.decode(host) != nil { return !IPv4Address.isCanonical(host) }
        if let g = IPv6Address.parse(host) { return IPv6Address.embeddedIPv4(g) != nil }
        return false
    }

    /// Whether the host is written as an IP address (any spelling).
    public var isIPLiteral: Bool {
        IPv4Address.decode(host) != nil || IPv6Address.parse(host) != nil
    }
}
