/// An error the API reports to the caller with an HTTP status and a stable code.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public var status: Int
    public var code: String
    public var message: String

    public init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    public var description: String { "\(status) \(code): \(message)" }

    static func badRequest(_ message: String) -> ServiceError { .init(400, "bad_request", message) }
    static func unauthorized(_ code: String, _ message: String) -> ServiceError { .init(401, code, message) }
    static func forbidden(_ message: String) -> ServiceError { .init(403, "forbidden", message) }
    static func notFound(_ message: String) -> ServiceError { .init(404, "not_found", message) }
    static func unavailable(_ message: String) -> ServiceError { .init(503, "unavailable", message) }
}
