import BulwarkCore

/// A tool registered with the service: its input schema (JSON Schema 2020-12), against which
/// every call to it is validated; once tools are registered, a call to an unregistered one gets
/// the policy's `unknown_tools` outcome.
public struct ToolRecord: Sendable, Equatable {
    public var name: String
    public var description: String
    public var inputSchema: JSONValue
    public var createdAt: Double

    public init(name: String, description: String, inputSchema: JSONValue, createdAt: Double) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.createdAt = createdAt
    }

    public var json: JSONValue {
        ["name": .string(name), "description": .string(description), "input_schema": inputSchema, "created_at": .number(createdAt)]
    }
}
