import BulwarkCore
import BulwarkRuntime

/// The SHA-256 a review is bound to: the agent and each action's tool and arguments in canonical JSON
/// (keys sorted), so that the same action sent again in any wire format or key order matches
/// its approval, and any change to the arguments does not.
enum ActionDigest {
    static func of(agent: String, parts: JSONValue) -> String {
        AuditChain.hash(JSONWriter.string(["agent": .string(agent), "actions": canonical(parts)]).utf8)
    }

    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items): .array(items.map(canonical))
        case .object(let object):
            .object(JSONObject(object.entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, canonical($0.value)) }))
        default: value
        }
    }
}
