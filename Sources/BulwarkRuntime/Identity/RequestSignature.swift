import BulwarkCore
import Crypto

/// How an agent signs a request to the decision service, and how the service checks it.
///
/// Headers: `X-Bulwark-Agent` (agent id), `X-Bulwark-Timestamp` (Unix seconds),
/// `X-Bulwark-Nonce` (8–128 characters, never reused) and `X-Bulwark-Signature`, the lower-case
/// hex HMAC-SHA256, keyed with the agent's secret, of the canonical string
///
///     METHOD \n PATH[?QUERY] \n TIMESTAMP \n NONCE \n hex(SHA-256(body))
///
/// (five lines joined by `\n`, no trailing newline; PATH and QUERY exactly as sent).
public enum RequestSignature {
    public static let agentHeader = "X-Bulwark-Agent"
    public static let timestampHeader = "X-Bulwark-Timestamp"
    public static let nonceHeader = "X-Bulwark-Nonce"
    public static let signatureHeader = "X-Bulwark-Signature"

    public static func canonical(method: String, target: String, timestamp: String, nonce: String, body: some Sequence<UInt8>) -> String {
        [method.uppercased(), target, timestamp, nonce, AuditChain.hash(body)].joined(separator: "\n")
    }

    public static func sign(secret: String, method: String, target: String, timestamp: String, nonce: String, body: some Sequence<UInt8>) -> String {
        let text = canonical(method: method, target: target, timestamp: timestamp, nonce: nonce, body: body)
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return Array(mac).hexString
    }

    /// Whether `signature` (hex) is the right one, compared in constant time.
    public static func isValid(_ signature: String, secret: String, method: String, target: String, timestamp: String, nonce: String, body: some Sequence<UInt8>) -> Bool {
        guard let given = Hex.decode(signature), given.count == 32 else { return false }
        let text = canonical(method: method, target: target, timestamp: timestamp, nonce: nonce, body: body)
        return HMAC<SHA256>.isValidAuthenticationCode(given, authenticating: Array(text.utf8), using: SymmetricKey(data: Array(secret.utf8)))
    }

    /// The headers that sign a request (for clients and tests).
    public static func headers(agent: String, secret: String, method: String, target: String, body: some Sequence<UInt8>, timestamp: Int, nonce: String) -> [(String, String)] {
        let ts = String(timestamp)
        return [
            (agentHeader, agent), (timestampHeader, ts), (nonceHeader, nonce),
            (signatureHeader, sign(secret: secret, method: method, target: target, timestamp: ts, nonce: nonce, body: body)),
        ]
    }
}
