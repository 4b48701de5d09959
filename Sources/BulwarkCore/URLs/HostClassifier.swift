/// Decides the `HostKind` of a lower-cased host from its spelling.
enum HostClassifier {
    static func kind(of host: String) -> HostKind {
        if let v4 = IPv4Address.decode(host) { return IPv4Address.kind(v4) }
        if let g = IPv6Address.parse(host) { return IPv6Address.kind(g) }
        if host.isEmpty { return .localhost }
        if metadataNames.contains(host) { return .metadata }
        if host == "localhost" || host.hasSuffix(".localhost") { return .localhost }
        for name in loopbackNames where host == name || host.hasSuffix("." + name) { return .localhost }
        if let embedded = wildcardDNSAddress(host) {
            let k = IPv4Address.kind(embedded)
            return k == .ipv4 ? .domain : k
        }
        for suffix in internalSuffixes where host.hasSuffix(suffix) { return .privateNetwork }
        return .domain
    }

    static let metadataNames: Set<String> = [
        "metadata.google.internal", "metadata.goog", "metadata", "metadata.azure.com",
        "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com",
        "metadata.platformequinix.com", "metadata.packet.net",
    ]

    /// Public wildcard DNS names that always resolve to 127.0.0.1.
    static let loopbackNames = ["localtest.me", "lvh.me", "vcap.me", "localho.st", "lacolhost.com"]

    static let internalSuffixes = [".internal", ".local", ".lan", ".home.arpa", ".localdomain", ".intranet", ".corp"]

    /// Services such as nip.io resolve `10.0.0.1.nip.io` or `app-10-0-0-1.sslip.io` to the
    /// embedded address.
    static func wildcardDNSAddress(_ host: String) -> UInt32? {
        for service in [".nip.io", ".sslip.io", ".xip.io", ".nip.direct"] where host.hasSuffix(service) {
            let prefix = host.dropLast(service.count)
            let dotted = prefix.split(separator: ".").suffix(4)
            if dotted.count == 4 {
                let text = dotted.joined(separator: ".")
                if IPv4Address.isCanonical(text) { return IPv4Address.decode(text) }
            }
            let lastLabel = prefix.split(separator: ".").last ?? ""
            let dashed = lastLabel.split(separator: "-").suffix(4)
            if dashed.count == 4 {
                let text = dashed.joined(separator: ".")
                if IPv4Address.isCanonical(text) { return IPv4Address.decode(text) }
            }
            let hex = lastLabel.split(separator: "-").last ?? ""
            if hex.utf8.count == 8, let v = UInt32(hex, radix: 16) { return v }
        }
        return nil
    }
}
