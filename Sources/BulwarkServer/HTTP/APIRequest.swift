import BulwarkCore
import HTTPTypes
import Hummingbird
import NIOCore

/// Reading a request: its body under the size and time limits, headers, query values.
extension Request {
    /// The body, refused with 413 above `limit` bytes and 408 when it takes over `timeout` seconds.
    func bytes(limit: Int, timeout: Double) async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceError(413, "body_too_large", "the request body is \(length) bytes; the limit is \(limit)")
        }
        let body = self.body
        let buffer = try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(timeout * 1_000)))
                throw ServiceError(408, "body_timeout", "the request body took longer than \(Int(timeout)) s to arrive")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
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
