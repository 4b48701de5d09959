import BulwarkCore
import BulwarkRuntime
import Foundation

/// Tools registered through the API.
extension DecisionService {
    /// Registers (or replaces) a tool's input schema; a schema that does not compile is refused.
    public func registerTool(_ record: ToolRecord, by identity: Identity) async throws {
        guard !record.name.isEmpty, record.name.utf8.count <= 128 else { throw ServiceError.badRequest("a tool needs a name of 1–128 characters") }
        let schema: JSONSchema
        do {
            schema = try JSONSchema(record.inputSchema)
        } catch {
            throw ServiceError(400, "invalid_schema", "input_schema: \(error)")
        }
        try await store.saveTool(record)
        engineLock.withLock {
            tools[record.name] = Policy.Tool(name: record.name, schema: schema)
            rebuildEngine()
        }
        try await audit(["event": "tool_registered", "tool": .string(record.name), "schema_sha256": .string(AuditChain.hash(JSONWriter.string(record.inputSchema).utf8)), "by": .string(identity.label)])
    }

    public func removeTool(_ name: String, by identity: Identity) async throws {
        guard try await store.deleteTool(name) else { throw ServiceError.notFound("no tool \(name)") }
        engineLock.withLock {
            tools[name] = nil
            rebuildEngine()
        }
        try await audit(["event": "tool_removed", "tool": .string(name), "by": .string(identity.label)])
    }
}
