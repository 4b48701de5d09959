import BulwarkCore
import Foundation

/// Threat-intelligence feed files: one indicator per line, `TYPE: VALUE`, optionally followed by
/// `# label` (shown in findings); blank lines and lines starting with `#` are ignored.
///
///     # abuse.ch URLhaus, 2026-11-20
///     domain: evil.example          # C2 of campaign X (also matches *.evil.example)
///     ip: 203.0.113.7
///     url: /cgi-bin/luci;stok=      # a fragment matched anywhere in a URL
///     hash: 44d88612fea8a8f36de82e1278abb02f
///     command: xmrig                # a command name
///
/// A line that cannot be read is an error naming file and line: a feed is trusted input for
/// blocking, so a typo must not silently disable it.
public enum IndicatorFeed {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func load(paths: [String]) throws -> ThreatIndicators {
        var indicators = ThreatIndicators()
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "\(path): cannot read the indicator feed") }
            try parse(String(decoding: data, as: UTF8.self), file: path, into: &indicators)
        }
        return indicators
    }

    public static func parse(_ text: String, file: String, into indicators: inout ThreatIndicators) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            var label = ""
            if let hash = line.range(of: " #") ?? line.range(of: "\t#") {
                label = line[hash.upperBound...].trimmingCharacters(in: .whitespaces)
                line = line[..<hash.lowerBound]
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let colon = trimmed.firstIndex(of: ":") else { throw Failure(description: "\(file):\(index + 1): expected `type: value`") }
            let type = trimmed[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces).lowercased()
            guard !value.isEmpty else { throw Failure(description: "\(file):\(index + 1): empty \(type)") }
            switch type {
            case "domain": indicators.domains[value.hasPrefix("*.") ? String(value.dropFirst(2)) : value] = label
            case "ip": indicators.ips[value] = label
            case "url": indicators.urlFragments.append((value, label))
            case "hash":
                guard [32, 40, 64].contains(value.utf8.count), value.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
                    throw Failure(description: "\(file):\(index + 1): a hash is 32, 40 or 64 hex digits")
                }
                indicators.hashes[value] = label
            case "command": indicators.commands[value] = label
            default: throw Failure(description: "\(file):\(index + 1): unknown indicator type `\(type)` (domain, ip, url, hash, command)")
            }
        }
    }

    /// What identifies each feed's current content without reading it: path, modification time,
    /// size and file number (or `missing`). Any change to any feed changes the stamp, including a
    /// feed replaced by an older file (`cp -p`, `rsync -t`) or removed.
    public static func stamp(_ paths: [String]) -> [String] {
        paths.map { path in
            guard let a = try? FileManager.default.attributesOfItem(atPath: path) else { return "\(path)|missing" }
            let mtime = (a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)|\(mtime)|\(a[.size] as? Int ?? -1)|\(a[.systemFileNumber] as? Int ?? -1)"
        }
    }
}
