/// Known services by registrable domain. Matching is by suffix on label boundaries, so
/// `abc.ngrok-free.app` is a tunnel and `notpastebin.com` is not a paste site. Mainstream
/// developer hosts (github.com, hooks.slack.com, googleapis.com, pypi.org, npmjs.org, …) are
/// deliberately absent.
public enum HostCatalogue {
    /// The service `host` belongs to, if it is a known one.
    public static func service(for host: String) -> HostService? {
        var h = Substring(host)
        if h.hasSuffix(".") { h = h.dropLast() }
        guard !h.isEmpty, h.utf8.count <= 253 else { return nil }
        let lowered = h.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? Substring(h.lowercased()) : h
        // Out-of-band interaction servers use many TLDs: oast.pro, oast.live, oast.fun, …
        let labels = lowered.split(separator: ".")
        if labels.count >= 2 && labels[labels.count - 2] == "oast" { return .webhookCatcher }
        var candidate = lowered
        while true {
            if let service = services[candidate] { return service }
            guard let dot = candidate.firstIndex(of: ".") else { return nil }
            candidate = candidate[candidate.index(after: dot)...]
        }
    }

    /// Services recognized by host and path: chat webhooks that accept files from anyone with the URL
    /// (a favourite exfiltration channel), unlike ordinary API hosts on the same domain.
    public static func service(forPathOf url: URLFacet) -> HostService? {
        let host = url.host
        if host == "discord.com" || host == "discordapp.com" || host.hasSuffix(".discord.com") || host.hasSuffix(".discordapp.com"),
            url.path.hasPrefix("/api/webhooks") || url.path.hasPrefix("/api/v10/webhooks") || url.path.hasPrefix("/api/v9/webhooks")
        {
            return .webhookCatcher
        }
        return nil
    }

    static let services: [Substring: HostService] = {
        var table: [Substring: HostService] = [:]
        func add(_ service: HostService, _ domains: [Substring]) {
            for d in domains { table[d] = service }
        }
        add(.pasteSite, [
            "pastebin.com", "pastebin.pl", "paste.ee", "hastebin.com", "hastebin.skyra.pw", "ghostbin.co",
            "ghostbin.com", "rentry.co", "rentry.org", "dpaste.com", "dpaste.org", "termbin.com", "ix.io",
            "sprunge.us", "paste.rs", "controlc.com", "privatebin.net", "justpaste.it", "pastie.org",
            "bpa.st", "hst.sh", "katb.in", "paste.c-net.org", "pastes.dev", "paste.gg", "paste.debian.net",
            "pastebin.mozilla.org", "paste.mozilla.org", "textbin.net", "pasteio.com",
            "zerobin.net", "paste2.org", "pastelink.net", "snippet.host", "paste.centos.org",
        ])
        add(.fileSharing, [
            "transfer.sh", "file.io", "0x0.st", "anonfiles.com", "anonfile.com", "gofile.io", "catbox.moe",
            "temp.sh", "bashupload.com", "oshi.at", "uguu.se", "pixeldrain.com", "wetransfer.com",
            "we.tl", "mega.nz", "mega.io", "mediafire.com", "sendspace.com", "filebin.net", "tmpfiles.org",
            "keep.sh", "x0.at", "anonymfile.com", "files.catbox.moe", "filetransfer.io", "ufile.io",
            "bayfiles.com", "send.vis.ee", "dropmefiles.com", "transfer.archivete.am", "tempfiles.ninja",
            "qu.ax", "pomf.lain.la", "easyupload.io",
        ])
        add(.tunnel, [
            "ngrok.io", "ngrok-free.app", "ngrok.app", "ngrok-free.dev", "ngrok.dev", "trycloudflare.com",
            "serveo.net", "serveousercontent.com", "localtunnel.me", "loca.lt", "pagekite.me",
            "localhost.run", "lhr.life", "lhr.rocks", "localxpose.io", "loclx.io", "tunnelto.dev",
            "bore.pub", "pinggy.io", "pinggy.link", "pinggy.online", "free.pinggy.net", "telebit.cloud",
            "telebit.io", "playit.gg", "portmap.io", "portmap.host", "devtunnels.ms", "tunnelmole.net",
            "share.zrok.io", "zrok.io", "expose.dev", "sharedwithexpose.com", "localto.net",
            "instatunnel.my", "packetriot.net",
        ])
        add(.webhookCatcher, [
            "webhook.site", "requestbin.com", "requestbin.net", "requestcatcher.com", "pipedream.net",
            "beeceptor.com", "hookbin.com", "interact.sh", "interactsh.com", "burpcollaborator.net",
            "oastify.com", "canarytokens.com", "canarytokens.org", "canarytokens.net", "dnslog.cn",
            "ceye.io", "dnslog.link", "requestinspector.com", "mockbin.org", "mockbin.io", "postb.in",
            "ptsv2.com", "ptsv3.com", "webhook.cool", "smee.io", "xss.ht", "bxss.me", "dnslog.pw",
            "requestrepo.com", "rbaskets.in",
        ])
        add(.dynamicDNS, [
            "duckdns.org", "no-ip.com", "no-ip.org", "no-ip.biz", "no-ip.info", "noip.me", "ddns.net",
            "hopto.org", "zapto.org", "sytes.net", "myftp.org", "myftp.biz", "serveftp.com", "servebeer.com",
            "servehttp.com", "redirectme.net", "bounceme.net", "dynu.net", "dynu.com", "dyndns.org",
            "dyndns.info", "dynv6.net", "freedns.afraid.org", "mooo.com", "chickenkiller.com", "us.to",
            "nsupdate.info", "dedyn.io", "3utilities.com", "ydns.eu", "ddnsfree.com", "ddnsgeek.com",
            "giize.com", "gleeze.com", "kozow.com", "loseyourip.com", "ooguy.com", "theworkpc.com",
            "nip.io", "sslip.io", "xip.io", "nip.direct",
        ])
        add(.urlShortener, [
            "bit.ly", "bitly.com", "tinyurl.com", "t.co", "is.gd", "v.gd", "goo.gl", "ow.ly", "buff.ly",
            "rebrand.ly", "cutt.ly", "shorturl.at", "rb.gy", "tiny.cc", "t.ly", "s.id", "bl.ink",
            "git.io", "qrco.de", "shorturl.gg", "tiny.one", "u.to", "clck.ru", "urlz.fr", "lnkd.in",
            "short.io", "trib.al", "soo.gd", "surl.li",
        ])
        return table
    }()
}
