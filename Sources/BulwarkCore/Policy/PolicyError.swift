/// A policy that cannot be loaded, with the place: file, line and column when the source is
/// known, and always the JSON pointer of the offending value.
public struct PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var pointer: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(_ message: String, pointer: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.pointer = pointer
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var place = file ?? "policy"
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message) (at \(pointer.isEmpty ? "/" : pointer))"
    }
}

/// Where each value of a policy document came from (JSON pointer → line and column).
public struct SourceMap: Sendable {
    public var file: String?
    public var positions: [String: (line: Int, column: Int)]

    public init(file: String? = nil, positions: [String: (line: Int, column: Int)] = [:]) {
        self.file = file
        self.positions = positions
    }

    /// An error at `pointer`, with its position when known.
    public func error(_ message: String, at pointer: String) -> PolicyError {
        let position = positions[pointer]
        return PolicyError(message, pointer: pointer, file: file, line: position?.line, column: position?.column)
    }
}
