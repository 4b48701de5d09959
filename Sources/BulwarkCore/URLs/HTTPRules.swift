/// Impact rules for one outgoing HTTP request.
///
/// Ordinary API traffic (`GET https://api.github.com/…`, `POST https://hooks.slack.com/…`, a
/// dev server on localhost) yields no finding.
public enum HTTPRules {
    public static func findings(for request: HTTPRequestFacet) -> [Finding] {
        let url = request.url
        var out: [Finding] = []
        func add(_ rule: RuleID, _ severity: Severity, _ message: String, _ category: ImpactCategory, score: Int? = nil) {
            out.append(Finding(
                layer: .impact, rule: rule, severity: severity, score: score, message: message,
                evidence: url.raw, category: category))
        }
        let target = url.host.isEmpty ? url.raw : url.host

        if url.hostKind == .metadata {
            add("http.metadata_endpoint", .critical,
                "\(request.method) to the cloud instance-metadata endpoint \(target), which serves credentials",
                .credentialAccess)
        }
        if url.isObfuscatedIP {
            let decoded = url.ipv4Address.map { " (\($0))" } ?? ""
            add("http.obfuscated_ip", .high, "\(request.method) to an IP address written to evade matching: \(target)\(decoded)",
                .defenseEvasion)
        } else if url.hostKind != .metadata && url.isIPLiteral {
            switch url.hostKind {
            case .ipv4, .ipv6:
                add("http.raw_ip", request.sendsData ? .medium : .low,
                    "\(request.method) to a bare public IP address \(target)", .network)
            case .linkLocal:
                add("http.raw_ip", .low, "\(request.method) to a link-local address \(target)", .network)
            case .privateNetwork:
                add("http.raw_ip", .info, "\(request.method) to a private-network address \(target)", .network)
            case .localhost, .domain, .metadata:
                break
            }
        }
        if let service = HostCatalogue.service(for: url.host) ?? HostCatalogue.service(forPathOf: url) {
            let name = serviceName(service)
            if service.receivesData {
                let sending = request.sendsData || !(url.query ?? "").isEmpty && service == .webhookCatcher
                add("http.exfil_service", sending ? .high : .medium,
                    "\(request.method) \(sending ? "sends data to" : "reaches") \(name) \(target)", .exfiltration)
            } else if service == .dynamicDNS {
                add("http.dynamic_dns", request.sendsData ? .medium : .low,
                    "\(request.method) to \(name) \(target)", .network)
            } else {
                add("http.url_shortener", .low, "\(request.method) to \(name) \(target), which hides the destination",
                    .network)
            }
        }
        // `=` is base64 padding: no host name has one, data smuggled out in a DNS label does.
        if url.host.utf8.contains(UInt8(ascii: "=")) {
            add("http.encoded_host", .high, "\(request.method) to a host name that carries encoded data (\(target)): exfiltration through DNS",
                .exfiltration, score: 75)
        }
        if let info = url.userinfo {
            if let colon = info.firstIndex(of: ":"), info.index(after: colon) < info.endIndex {
                add("http.userinfo_credentials", .medium, "URL carries a password in its user-info part for \(target)",
                    .credentialAccess)
            } else if info.contains(".") {
                add("http.userinfo_deception", .medium,
                    "URL starts with \(info)@ but actually goes to \(target)", .defenseEvasion)
            }
        }
        if let file = request.bodyFile, let finding = uploadFinding(file: file, request: request) {
            out.append(finding)
        }
        return out
    }

    /// `http.upload_file`: critical for credential files leaving the machine, high for history
    /// and credentials sent to the local machine, low for ordinary files sent elsewhere, nothing
    /// for ordinary files sent to localhost or stdin (`@-`).
    static func uploadFinding(file: String, request: HTTPRequestFacet) -> Finding? {
        guard !file.isEmpty, file != "-", file != "/dev/stdin" else { return nil }
        let v = PathCatalogue.examine(file, home: nil, cwd: nil)
        let local = request.url.hostKind == .localhost || request.url.hostKind == .privateNetwork
        let severity: Severity
        let what: String
        let secret = v.pathClass == .credentialStore || (v.pathClass == .passwordDatabase && v.critical)
        switch v.pathClass {
        case _ where secret:
            severity = local ? .high : .critical
            what = "the credential file"
        case .history:
            severity = .high
            what = "the shell history"
        case .passwordDatabase:
            severity = .medium
            what = "the user list"
        default:
            guard !local else { return nil }
            severity = .low
            what = "the file"
        }
        return Finding(
            layer: .impact, rule: "http.upload_file", severity: severity,
            message: "\(request.method) uploads \(what) \(file) to \(request.url.host)",
            evidence: file, category: .exfiltration)
    }

    static func serviceName(_ s: HostService) -> String {
        switch s {
        case .pasteSite: "the paste site"
        case .tunnel: "the tunnel service"
        case .webhookCatcher: "the request catcher"
        case .fileSharing: "the file-sharing service"
        case .dynamicDNS: "the dynamic-DNS host"
        case .urlShortener: "the link shortener"
        }
    }
}
