/// RFC 6901 JSON pointers as strings: escaping of tokens and resolution inside a document.
enum JSONPointer {
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == 0x7E || $0 == 0x2F }) else { return token }
        var out = ""
        for s in token.unicodeScalars {
            switch s {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(s)
            }
        }
        return out
    }

    static func unescape(_ token: Substring) -> String {
        guard token.contains("~") else { return String(token) }
        return String(token.replacing("~1", with: "/").replacing("~0", with: "~"))
    }

    static func appending(_ pointer: String, _ token: String) -> String {
        pointer + "/" + escape(token)
    }

    /// The value at `pointer` inside `document`, or nil when it does not exist.
    static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        if pointer.isEmpty { return document }
        guard pointer.hasPrefix("/") else { return nil }
        var current = document
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = unescape(raw)
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let i = Int(token), i >= 0, i < array.count, token == String(i) else { return nil }
                current = array[i]
            default:
                return nil
            }
        }
        return current
    }
}
