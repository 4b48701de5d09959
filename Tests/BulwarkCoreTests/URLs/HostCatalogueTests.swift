import Testing
@testable import BulwarkCore

@Suite struct HostCatalogueTests {
    @Test(arguments: [
        ("pastebin.com", HostService.pasteSite),
        ("PASTEBIN.COM.", .pasteSite),
        ("paste.ee", .pasteSite),
        ("rentry.co", .pasteSite),
        ("termbin.com", .pasteSite),
        ("transfer.sh", .fileSharing),
        ("file.io", .fileSharing),
        ("0x0.st", .fileSharing),
        ("gofile.io", .fileSharing),
        ("litterbox.catbox.moe", .fileSharing),
        ("abcd-1-2-3-4.ngrok-free.app", .tunnel),
        ("x.ngrok.io", .tunnel),
        ("quiet-river.trycloudflare.com", .tunnel),
        ("serveo.net", .tunnel),
        ("foo.loca.lt", .tunnel),
        ("webhook.site", .webhookCatcher),
        ("eo1234.m.pipedream.net", .webhookCatcher),
        ("abc.requestcatcher.com", .webhookCatcher),
        ("c59d.oast.fun", .webhookCatcher),
        ("x.oast.pro", .webhookCatcher),
        ("x.burpcollaborator.net", .webhookCatcher),
        ("canarytokens.com", .webhookCatcher),
        ("myhost.duckdns.org", .dynamicDNS),
        ("evil.ddns.net", .dynamicDNS),
        ("bit.ly", .urlShortener),
        ("tinyurl.com", .urlShortener),
    ])
    func knowsAbuseFriendlyServices(host: String, service: HostService) {
        #expect(HostCatalogue.service(for: host) == service)
    }

    @Test(arguments: [
        "github.com", "api.github.com", "raw.githubusercontent.com", "gist.github.com", "hooks.slack.com",
        "www.googleapis.com", "storage.googleapis.com", "pypi.org", "files.pythonhosted.org",
        "registry.npmjs.org", "www.npmjs.com", "notpastebin.com", "pastebin.com.evil.org", "example.com",
        "s3.amazonaws.com", "api.openai.com", "api.anthropic.com", "docs.docker.com", "oast", "ngrok.com",
        "", "crates.io", "proxy.golang.org",
    ])
    func leavesMainstreamHostsClean(host: String) {
        #expect(HostCatalogue.service(for: host) == nil)
    }
}
