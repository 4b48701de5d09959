/// Matches an action's facets against threat indicators (impact layer). Every match is high:
/// a feed listing is a statement about the target, not a guess.
public enum ThreatIntelRules {
    public static func findings(for action: Action, indicators: ThreatIndicators) -> [Finding] {
        guard !indicators.isEmpty else { return [] }
        var findings: [Finding] = []
        var seen = Set<String>()
        func add(_ rule: RuleID, _ what: String, _ label: String, evidence: String) {
            guard seen.insert("\(rule.rawValue)|\(what)").inserted else { return }
            let source = label.isEmpty ? "" : " (\(label))"
            findings.append(Finding(layer: .impact, rule: rule, severity: .high, message: "\(what) is a known indicator of compromise\(source)", evidence: evidence))
        }
        var urls = action.facets.urls
        for shell in action.facets.shell { urls += shell.urls }
        for url in urls {
            let host = url.host.lowercased()
            if let ip = url.ipv4Address ?? (url.hostKind == .ipv6 ? host : nil), let label = indicators.ips[ip] {
                add("threat.ip", ip, label, evidence: url.raw)
            } else if let label = indicators.ips[host] {
                add("threat.ip", host, label, evidence: url.raw)
            } else if let (domain, label) = indicators.domain(covering: host) {
                add("threat.domain", domain, label, evidence: url.raw)
            }
            if !indicators.urlFragments.isEmpty {
                let raw = url.raw.lowercased()
                for (fragment, label) in indicators.urlFragments where raw.contains(fragment) {
                    add("threat.url", fragment, label, evidence: url.raw)
                }
            }
        }
        if !indicators.commands.isEmpty {
            for shell in action.facets.shell {
                for invocation in shell.invocations {
                    let name = String(invocation.name.split(separator: "/").last ?? Substring(invocation.name)).lowercased()
                    if let label = indicators.commands[name] { add("threat.command", name, label, evidence: shell.source) }
                }
            }
        }
        if !indicators.hashes.isEmpty { scanHashes(action.arguments, indicators, add) }
        return findings
    }

    /// Hex runs of hash length (32, 40, 64) in any string of the arguments.
    static func scanHashes(_ value: JSONValue, _ indicators: ThreatIndicators, _ add: (RuleID, String, String, String) -> Void) {
        switch value {
        case .string(let s):
            // Runs of hex digits; a run of hash length is looked up (lower-cased).
            let bytes = s.utf8
            var start = bytes.startIndex
            var length = 0
            func check(_ end: String.UTF8View.Index) {
                guard [32, 40, 64].contains(length) else { return }
                let hex = String(decoding: bytes[start..<end].lazy.map { $0 >= 0x41 && $0 <= 0x46 ? $0 | 0x20 : $0 }, as: UTF8.self)
                if let label = indicators.hashes[hex] { add("threat.hash", hex, label, hex) }
            }
            var i = bytes.startIndex
            while i < bytes.endIndex {
                if Hex.value(bytes[i]) != nil {
                    if length == 0 { start = i }
                    length += 1
                } else {
                    check(i)
                    length = 0
                }
                i = bytes.index(after: i)
            }
            check(bytes.endIndex)
        case .array(let items): for item in items { scanHashes(item, indicators, add) }
        case .object(let object): for (_, v) in object.entries { scanHashes(v, indicators, add) }
        default: break
        }
    }
}
