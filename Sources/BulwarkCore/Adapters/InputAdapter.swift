/// Why an input could not be turned into actions.
public struct AdapterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Values used when the input does not say (the CLI's `--cwd`, `--home`, `--agent`).
public struct ActionDefaults: Sendable {
    public var cwd: String?
    public var home: String?
    public var agent: String?
    public var session: String?
    public var workspace: String?
    /// The id given to an action whose input carries none (the engine derives it from the input bytes).
    public var fallbackID = ""
    /// The current Unix time, for `time.*` in policy conditions (the caller's clock; the library has none).
    public var now: Int?

    public init(cwd: String? = nil, home: String? = nil, agent: String? = nil, session: String? = nil, workspace: String? = nil) {
        self.cwd = cwd
        self.home = home
        self.agent = agent
        self.session = session
        self.workspace = workspace
    }
}

/// Turns one wire format into normalized actions. One conforming type per format.
public protocol InputAdapter: Sendable {
    var format: InputFormat { get }
    /// Whether the document has this format's shape (used by automatic detection).
    func matches(_ json: JSONValue) -> Bool
    func actions(from json: JSONValue, defaults: ActionDefaults) throws(AdapterError) -> [Action]
}

extension InputAdapter {
    /// Parses tool arguments that arrive as a JSON string (OpenAI). On failure the raw text is
    /// kept under `_raw` and a note makes the protocol layer raise a finding.
    func decodeArguments(_ value: JSONValue?, notes: inout [String]) -> JSONValue {
        guard let value else { return .object(JSONObject()) }
        guard case .string(let text) = value else { return value }
        if text.isEmpty { return .object(JSONObject()) }
        do {
            return try JSONParser(maxDepth: 64).parse(text)
        } catch {
            notes.append("Tool arguments are not valid JSON (\(error.description)); judged as raw text")
            return .object(JSONObject([("_raw", .string(text))]))
        }
    }

    func idString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: return s
        case .number(let n)?: return n == n.rounded() && n.magnitude < 1e15 ? String(Int64(n)) : String(n)
        default: return nil
        }
    }
}

/// A deterministic action id from the input bytes (FNV-1a), used when the input has none.
public enum ActionID {
    public static func derive(from text: String, index: Int = 0) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= UInt64(index)
        hash &*= 0x0000_0100_0000_01B3
        let hex = String(hash, radix: 16)
        return "act-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
