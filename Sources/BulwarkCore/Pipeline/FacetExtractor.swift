/// Derives an action's facets once, before any layer runs: shell analyses, file accesses,
/// HTTP requests and URLs, SQL statements, money amounts and free-text fields.
public struct FacetExtractor: Sendable {
    /// Bounds on the walk so hostile arguments cannot make extraction expensive.
    public var maxTextFields = 256
    public var maxDepth = 32

    public init() {}

    static let commandKeys = ["command", "cmd", "script", "commandLine", "command_line", "shell_command", "code", "bash"]
    static let pathKeys = ["file_path", "path", "filePath", "filename", "file", "notebook_path", "target", "destination", "source", "dir", "directory", "target_file"]
    static let urlKeys = ["url", "uri", "endpoint", "href", "link", "webhook", "target_url"]
    static let sqlKeys = ["sql", "query", "statement", "statements"]
    static let bodyKeys = ["body", "data", "json", "payload", "content", "form"]

    public func extract(_ action: inout Action) {
        var facets = Facets()
        let args = action.arguments
        facets.argumentSize = BehaviourProfile.size(of: args)
        collectTexts(args, pointer: "", depth: 0, into: &facets.texts)

        let normalizer = PathNormalizer(cwd: action.cwd, home: action.home)
        // Shell.
        if action.kind == .shell {
            for key in Self.commandKeys {
                if let command = args[key]?.stringValue {
                    facets.shell.append(ShellAnalysis.analyze(command, normalizer: normalizer))
                    break
                }
                if let parts = args[key]?.arrayValue, !parts.isEmpty {
                    let joined = parts.compactMap(\.stringValue).map { $0.contains(" ") ? "'\($0)'" : $0 }.joined(separator: " ")
                    facets.shell.append(ShellAnalysis.analyze(joined, normalizer: normalizer))
                    break
                }
            }
        }

        // Files.
        let mode: FileAccessMode? = switch action.kind {
        case .fileRead: .read
        case .fileWrite: action.toolName.lowercased().contains("delete") || action.toolName.lowercased().contains("remove") ? .delete : .write
        case .fileSearch: .list
        default: nil
        }
        if let mode {
            for key in Self.pathKeys {
                guard let raw = args[key]?.stringValue, !raw.isEmpty else { continue }
                facets.files.append(FileAccess(raw: raw, path: normalizer.normalize(raw), mode: mode))
            }
            if let edits = args["edits"]?.arrayValue, mode == .write {
                for edit in edits.prefix(16) {
                    if let raw = edit["file_path"]?.stringValue { facets.files.append(FileAccess(raw: raw, path: normalizer.normalize(raw), mode: .write)) }
                }
            }
        }

        // URLs and HTTP requests.
        if action.kind == .http {
            let method = (args["method"]?.stringValue ?? (Self.bodyKeys.contains { args[$0] != nil } ? "POST" : "GET")).uppercased()
            let hasBody = Self.bodyKeys.contains { args[$0] != nil && args[$0] != .null }
            for key in Self.urlKeys {
                guard let raw = args[key]?.stringValue, let url = URLParser.parse(raw) else { continue }
                facets.requests.append(HTTPRequestFacet(method: method, url: url, bodyFile: nil, hasBody: hasBody))
            }
        }
        for field in facets.texts where field.text.utf8.count < 8192 {
            if action.kind == .shell, Self.commandKeys.contains(where: { field.pointer == "/" + $0 }) { continue }
            facets.urls.append(contentsOf: URLParser.extract(from: field.text).prefix(8))
            if facets.urls.count > 64 { break }
        }
        for request in facets.requests where !facets.urls.contains(request.url) { facets.urls.append(request.url) }

        // SQL.
        for key in Self.sqlKeys {
            guard let text = args[key]?.stringValue else { continue }
            if action.kind == .sql || SQLParser.looksLikeSQL(text) {
                facets.sql.append(contentsOf: SQLParser.statements(in: text))
            }
        }

        // Money.
        if action.kind == .payment || args["amount"] != nil {
            facets.money = MoneyParser.amounts(in: args)
        }
        action.facets = facets
    }

    /// Collects string leaves with their JSON pointers, bounded in count and depth.
    func collectTexts(_ value: JSONValue, pointer: String, depth: Int, into out: inout [TextField]) {
        guard depth <= maxDepth, out.count < maxTextFields else { return }
        switch value {
        case .string(let s):
            out.append(TextField(pointer: pointer, text: s))
        case .array(let items):
            for (i, item) in items.enumerated() {
                collectTexts(item, pointer: pointer + "/" + String(i), depth: depth + 1, into: &out)
                if out.count >= maxTextFields { return }
            }
        case .object(let object):
            for entry in object.entries {
                let needsEscape = entry.key.utf8.contains { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }
                let key = needsEscape ? entry.key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") : entry.key
                collectTexts(entry.value, pointer: pointer + "/" + key, depth: depth + 1, into: &out)
                if out.count >= maxTextFields { return }
            }
        default:
            return
        }
    }
}
