/// What a URL's host is, as far as its spelling tells (no DNS lookups).
public enum HostKind: String, Sendable {
    /// A public domain name.
    case domain
    /// A public IPv4 address.
    case ipv4
    /// A public IPv6 address.
    case ipv6
    /// The local machine: `localhost`, `127.0.0.0/8`, `0.0.0.0`, `::1`, `*.localhost`, and
    /// wildcard DNS names known to resolve to it (`*.localtest.me`, `*.lvh.me`, `127.0.0.1.nip.io`).
    case localhost
    /// RFC 1918, CGNAT (`100.64.0.0/10`), IPv6 unique-local, and internal-only names (`*.internal`,
    /// `*.local`, `*.lan`, `*.home.arpa`).
    case privateNetwork = "private_network"
    /// `169.254.0.0/16` and `fe80::/10`, except the metadata addresses.
    case linkLocal = "link_local"
    /// A cloud instance-metadata endpoint: `169.254.169.254`, `169.254.170.2`, `169.254.170.23`,
    /// `fd00:ec2::254`, `fd00:ec2::23`, `100.100.100.200`, `168.63.129.16`,
    /// `metadata.google.internal`, `metadata.azure.com`, …
    case metadata
}
