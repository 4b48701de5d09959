import BulwarkCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Reading a request: its body under the size and time limits, headers, query values.
extension Request {
    /// The body, refused with 413 above `limit` bytes. (A body that takes too long is answered
    /// 408 by `SlowBodyGuard`, below the router.)
    func bytes(limit: Int) async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceError(413, "body_too_large", "the request body is \(length) bytes; the limit is \(limit)")
        }
        let buffer = try await body.collect(upTo: limit)
        return Array(buffer.readableBytesView)
    }

    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// `?wait=` in seconds (`30`, `30s`, `500ms`), at most `limit`.
    func waitSeconds(limit: Double) throws -> Double {
        guard let raw = uri.queryParameters.get("wait") else { return 0 }
        var text = Substring(raw)
        var scale = 1.0
        if text.hasSuffix("ms") { text = text.dropLast(2); scale = 0.001 } else if text.hasSuffix("s") { text = text.dropLast() }
        guard let value = Double(text), value.isFinite, value >= 0 else { throw ServiceError.badRequest("wait must be a duration such as 30s") }
        return min(value * scale, limit)
    }

    func intQuery(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let raw = uri.queryParameters.get(name) else { return value }
        guard let n = Int(raw), range.contains(n) else { throw ServiceError.badRequest("\(name) must be an integer in \(range.lowerBound)…\(range.upperBound)") }
        return n
    }
}
