import BulwarkCore

/// What one JSON-RPC line is, as far as the proxy cares. The parsed value is kept so the line
/// is parsed once; the original bytes are what gets forwarded.
struct RPCMessage {
    enum Kind { case request, notification, response }

    let json: JSONValue
    let kind: Kind
    /// The id exactly as JSON (`3` and `"3"` stay different), for answering and matching.
    let id: JSONValue?
    let method: String?

    /// nil when the value is not a JSON-RPC object (a batch is split by the caller).
    init?(_ json: JSONValue) {
        guard case .object(let object) = json else { return nil }
        self.json = json
        id = object["id"]
        method = object["method"]?.stringValue
        if method != nil {
            kind = id == nil || id == .null ? .notification : .request
        } else if object["result"] != nil || object["error"] != nil {
            kind = .response
        } else {
            return nil
        }
    }

    /// The key of an id in the proxy's tables: its JSON text.
    var idKey: String? { id.map { JSONWriter.string($0) } }

    /// A modern (2026-07-28) request carries the protocol version in `params._meta`.
    var isModern: Bool {
        json["params"]?["_meta"]?["io.modelcontextprotocol/protocolVersion"] != nil
    }

    var toolName: String? { json["params"]?["name"]?.stringValue }
}

/// Messages the proxy writes itself.
enum RPCReply {
    /// The era-correct refusal of a `tools/call`: a successful response whose result is a
    /// `CallToolResult` with `isError: true` and the explanation as text (no `structuredContent`;
    /// `resultType: "complete"` on modern requests), plus Bulwark's decision under its own `_meta` key.
    static func refusal(id: JSONValue, modern: Bool, text: String, decision: JSONValue) -> String {
        var result = JSONObject()
        if modern { result["resultType"] = "complete" }
        result["content"] = [["type": "text", "text": .string(text)]]
        result["isError"] = true
        result["_meta"] = ["dev.bulwark/decision": decision]
        return JSONWriter.string(["jsonrpc": "2.0", "id": id, "result": .object(result)])
    }

    /// A JSON-RPC error (for input the proxy cannot parse or relay).
    static func error(id: JSONValue, code: Int, message: String) -> String {
        JSONWriter.string(["jsonrpc": "2.0", "id": id, "error": ["code": .number(Double(code)), "message": .string(message)]])
    }

    /// The text a model sees for a refused call: what, why, and that retrying differently is not the way.
    static func explanation(_ verdict: Verdict, tool: String, held: Bool) -> String {
        let top = verdict.findings.sorted { $0.score > $1.score }.prefix(3)
        let reasons = top.map { "\($0.message) [\($0.rule)]" }.joined(separator: "; ")
        let what = held
            ? "Bulwark held this call to \(tool) for human review (risk \(verdict.risk)), and no review service is configured, so it was not run."
            : "Bulwark blocked this call to \(tool) (risk \(verdict.risk))."
        return what + (reasons.isEmpty ? "" : " Reasons: \(reasons).") + " Do not retry it in another form; ask the user if it is needed."
    }
}

extension RPCMessage {
    /// The `id` of a message that was cut off (too long to parse): the value after the first
    /// `"id":` in its first 64 KB, when it is a number or a simple string.
    static func id(inPrefix bytes: [UInt8]) -> JSONValue? {
        let prefix = Array(bytes.prefix(64 * 1024))
        let key = Array("\"id\"".utf8)
        var i = 0
        while i + key.count < prefix.count {
            if prefix[i..<(i + key.count)].elementsEqual(key) {
                var j = i + key.count
                while j < prefix.count, prefix[j] == 0x20 { j += 1 }
                guard j < prefix.count, prefix[j] == UInt8(ascii: ":") else { i += 1; continue }
                j += 1
                while j < prefix.count, prefix[j] == 0x20 { j += 1 }
                var end = j
                if j < prefix.count, prefix[j] == UInt8(ascii: "\"") {
                    end = j + 1
                    while end < prefix.count, prefix[end] != UInt8(ascii: "\""), prefix[end] != UInt8(ascii: "\\") { end += 1 }
                    guard end < prefix.count, prefix[end] == UInt8(ascii: "\"") else { return nil }
                    end += 1
                } else {
                    while end < prefix.count, (prefix[end] >= 0x30 && prefix[end] <= 0x39) || prefix[end] == UInt8(ascii: "-") { end += 1 }
                }
                return try? JSONParser().parse(String(decoding: prefix[j..<end], as: UTF8.self))
            }
            i += 1
        }
        return nil
    }
}
