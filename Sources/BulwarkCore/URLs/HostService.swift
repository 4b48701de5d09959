/// A kind of public service that attackers use to move data or code, known by its domain.
public enum HostService: String, Sendable, CaseIterable {
    /// Paste sites: pastebin.com, paste.ee, hastebin, rentry, termbin, …
    case pasteSite = "paste_site"
    /// Tunnels that expose a local port or receive traffic: ngrok, trycloudflare, serveo, …
    case tunnel
    /// Request catchers and out-of-band interaction servers: webhook.site, requestbin,
    /// pipedream, interactsh (`oast.*`), Burp Collaborator, canary tokens, …
    case webhookCatcher = "webhook_catcher"
    /// Anonymous file drops: transfer.sh, file.io, 0x0.st, gofile, catbox, …
    case fileSharing = "file_sharing"
    /// Free dynamic DNS and wildcard DNS: duckdns, no-ip, nip.io, …
    case dynamicDNS = "dynamic_dns"
    /// Link shorteners, which hide the real destination: bit.ly, tinyurl, …
    case urlShortener = "url_shortener"

    /// True for the services whose purpose is to receive or host data from anyone.
    public var receivesData: Bool {
        switch self {
        case .pasteSite, .tunnel, .webhookCatcher, .fileSharing: true
        case .dynamicDNS, .urlShortener: false
        }
    }
}
