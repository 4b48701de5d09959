import BulwarkCore
import Foundation
import Yams

/// Loads a workspace policy from YAML (or JSON, which is YAML) with positions for every value,
/// so that errors name the file, line and column.
public enum PolicyLoader {
    /// Policy files larger than this are refused (a policy is configuration, not data).
    public static let maxBytes = 1 << 20

    public static func load(contentsOf path: String) throws(PolicyError) -> Policy {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyError("cannot read the policy file", pointer: "", file: path)
        }
        guard data.count <= maxBytes else { throw PolicyError("policy file is over \(maxBytes) bytes", pointer: "", file: path) }
        guard let text = String(data: data, encoding: .utf8) else { throw PolicyError("policy file is not UTF-8", pointer: "", file: path) }
        return try load(yaml: text, file: path)
    }

    public static func load(yaml: String, file: String? = nil) throws(PolicyError) -> Policy {
        let (document, source) = try parse(yaml: yaml, file: file)
        return try PolicyCompiler.compile(document, source: source)
    }

    /// YAML text → JSON value plus the position of every value (keyed by JSON pointer).
    public static func parse(yaml: String, file: String? = nil) throws(PolicyError) -> (JSONValue, SourceMap) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw PolicyError("cannot parse YAML: \(error)", pointer: "", file: file)
        }
        guard let node else { throw PolicyError("the policy file is empty", pointer: "", file: file, line: 1, column: 1) }
        var source = SourceMap(file: file)
        var budget = 100_000
        let value = try convert(node, pointer: "", depth: 0, budget: &budget, source: &source)
        return (value, source)
    }

    static func convert(_ node: Node, pointer: String, depth: Int, budget: inout Int, source: inout SourceMap) throws(PolicyError) -> JSONValue {
        budget -= 1
        if let mark = node.mark { source.positions[pointer] = (mark.line, mark.column) }
        guard depth < 64, budget > 0 else { throw source.error("policy nests too deeply or is too large", at: pointer) }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if node.null != nil { return .null }
                if let b = node.bool { return .bool(b) }
                if let i = node.int { return .number(Double(i)) }
                if let d = node.float { return .number(d) }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            for (i, child) in sequence.enumerated() {
                items.append(try convert(child, pointer: pointer + "/\(i)", depth: depth + 1, budget: &budget, source: &source))
            }
            return .array(items)
        case .mapping(let mapping):
            var object = JSONObject()
            for (key, value) in mapping {
                guard let name = key.string else { throw source.error("mapping keys must be strings", at: pointer) }
                let escaped = name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                if object[name] != nil {
                    if let mark = key.mark { source.positions[pointer + "/" + escaped] = (mark.line, mark.column) }
                    throw source.error("duplicate key `\(name)`", at: pointer + "/" + escaped)
                }
                object[name] = try convert(value, pointer: pointer + "/" + escaped, depth: depth + 1, budget: &budget, source: &source)
            }
            return .object(object)
        case .alias:
            // Yams resolves aliases while composing; an unresolved one is refused.
            throw source.error("unresolved YAML alias", at: pointer)
        }
    }

    static func yamlError(_ error: YamlError, file: String?) -> PolicyError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return PolicyError("invalid YAML: \(problem)", pointer: "", file: file, line: mark.line, column: mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return PolicyError("duplicate key `\(duplicates.joined(separator: "`, `"))` in a mapping", pointer: "", file: file, line: context.mark.line, column: context.mark.column)
        default:
            return PolicyError("invalid YAML: \(error)", pointer: "", file: file)
        }
    }
}
