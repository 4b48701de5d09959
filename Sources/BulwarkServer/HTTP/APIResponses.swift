import BulwarkCore
import BulwarkRuntime
import Hummingbird
import NIOCore

/// JSON bodies and errors, the same shape on every endpoint: errors are
/// `{"error": {"code": "…", "message": "…"}}` with a 4xx or 5xx status.
enum APIResponses {
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        text(JSONWriter.string(value) + "\n", contentType: "application/json", status: status)
    }

    static func text(_ body: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    static func error(_ error: ServiceError) -> Response {
        json(["error": ["code": .string(error.code), "message": .string(error.message)]], status: .init(code: error.status))
    }

    /// Any error as a response: service errors keep their status; body limits become 413; a
    /// failed audit commit 503; anything else is a 500 that names no internals.
    static func error(_ error: any Error) -> Response {
        switch error {
        case let e as ServiceError: return self.error(e)
        case is CommitFailure: return self.error(ServiceError(503, "store_unavailable", "the decision could not be made durable; nothing was decided"))
        case is NIOTooManyBytesError: return self.error(ServiceError(413, "body_too_large", "the request body is over the limit"))
        case let e as HTTPError where e.status == .contentTooLarge: return self.error(ServiceError(413, "body_too_large", "the request body is over the limit"))
        default: return self.error(ServiceError(500, "internal", "the request could not be completed; nothing was decided"))
        }
    }
}
