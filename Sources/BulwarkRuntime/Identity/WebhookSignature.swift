import BulwarkCore
import Crypto

/// How webhook deliveries are signed, so that a receiver can check they came from Bulwark and
/// were not replayed: header `X-Bulwark-Signature: t=<unix seconds>,v1=<hex>`, where `<hex>` is
/// HMAC-SHA256 under the webhook's secret of `"<t>.<body>"`. Receivers should refuse a `t` far
/// from their clock.
public enum WebhookSignature {
    public static let header = "X-Bulwark-Signature"

    public static func sign(secret: String, timestamp: Int, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(timestamp),v1=\(Array(mac).hexString)"
    }

    /// Checks a header value against the body, in constant time.
    public static func isValid(_ header: String, secret: String, body: String) -> Bool {
        var t: String?, v1: String?
        for part in header.split(separator: ",") {
            if part.hasPrefix("t=") { t = String(part.dropFirst(2)) }
            if part.hasPrefix("v1=") { v1 = String(part.dropFirst(3)) }
        }
        guard let t, let v1, let mac = Hex.decode(v1) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Array("\(t).\(body)".utf8), using: SymmetricKey(data: Array(secret.utf8)))
    }
}
