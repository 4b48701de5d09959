/// Indicators of compromise from threat-intelligence feeds, matched against what an action
/// touches: hosts (a listed domain also covers its subdomains), IP addresses, URL fragments,
/// file hashes (MD5, SHA-1 or SHA-256 hex appearing in the arguments) and command names.
/// Built by the runtime from feed files (`IndicatorFeed`); the engine only reads it.
public struct ThreatIndicators: Sendable, Equatable {
    public var domains: [String: String] = [:]
    public var ips: [String: String] = [:]
    /// Lower-case fragments matched anywhere in a URL, with their label.
    public var urlFragments: [(fragment: String, label: String)] = []
    public var hashes: [String: String] = [:]
    public var commands: [String: String] = [:]

    public init() {}

    public var isEmpty: Bool { domains.isEmpty && ips.isEmpty && urlFragments.isEmpty && hashes.isEmpty && commands.isEmpty }
    public var count: Int { domains.count + ips.count + urlFragments.count + hashes.count + commands.count }

    public static func == (a: ThreatIndicators, b: ThreatIndicators) -> Bool {
        a.domains == b.domains && a.ips == b.ips && a.hashes == b.hashes && a.commands == b.commands
            && a.urlFragments.map(\.fragment) == b.urlFragments.map(\.fragment)
    }

    /// The listed domain covering `host` (itself or a parent domain), with its label.
    public func domain(covering host: String) -> (domain: String, label: String)? {
        var h = Substring(host.lowercased())
        while h.utf8.count > 0 {
            if let label = domains[String(h)] { return (String(h), label) }
            guard let dot = h.firstIndex(of: ".") else { return nil }
            h = h[h.index(after: dot)...]
        }
        return nil
    }
}
