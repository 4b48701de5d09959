import BulwarkCore

/// The human-readable strings of a tool result: text content, embedded resource text, string
/// fields of structured content, bounded in depth and count. Binary payloads (`data`, `blob`)
/// and metadata (`type`, `mimeType`, `uri`, `_meta`) are skipped.
public enum JSONTexts {
    public static func strings(in value: JSONValue?, limit: Int = 512) -> [String] {
        var out: [String] = []
        collect(value, into: &out, depth: 0, limit: limit)
        return out
    }

    static let skipped: Set<String> = ["data", "blob", "mimeType", "type", "uri", "_meta"]

    static func collect(_ value: JSONValue?, into out: inout [String], depth: Int, limit: Int) {
        guard let value, depth < 32, out.count < limit else { return }
        switch value {
        case .string(let s): out.append(s)
        case .array(let items): for item in items { collect(item, into: &out, depth: depth + 1, limit: limit) }
        case .object(let o):
            for (key, item) in o.entries where !skipped.contains(key) { collect(item, into: &out, depth: depth + 1, limit: limit) }
        default: break
        }
    }
}
