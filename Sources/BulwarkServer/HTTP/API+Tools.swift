import BulwarkCore
import BulwarkRuntime
import Foundation
import Hummingbird

extension API {
    /// `POST /v1/tools` with `{"name", "description", "input_schema"}` (admin), or an MCP
    /// `tools/list` result (`{"tools": [...]}` with `inputSchema`): registers each tool's schema.
    func registerTools(_ identity: Identity, _ body: [UInt8]) async throws -> Response {
        try requireAdmin(identity)
        guard let json = try? JSONParser().parse(String(decoding: body, as: UTF8.self)) else { throw ServiceError.badRequest("the body must be JSON") }
        let entries = json["tools"]?.arrayValue ?? [json]
        var names: [JSONValue] = []
        for entry in entries {
            guard let name = entry["name"]?.stringValue, let schema = entry["input_schema"] ?? entry["inputSchema"] else {
                throw ServiceError.badRequest("each tool needs `name` and `input_schema` (or an MCP tools/list result)")
            }
            let record = ToolRecord(name: name, description: entry["description"]?.stringValue ?? "", inputSchema: schema, createdAt: Date().timeIntervalSince1970)
            try await service.registerTool(record, by: identity)
            names.append(.string(name))
        }
        return APIResponses.json(["registered": .array(names)], status: .created)
    }

    /// `GET /v1/tools` (admin).
    func listTools(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        return APIResponses.json(["tools": .array(try await service.store.tools().map(\.json))])
    }

    /// `DELETE /v1/tools/{name}` (admin).
    func deleteTool(_ name: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        try await service.removeTool(name, by: identity)
        return APIResponses.json(["deleted": .string(name)])
    }
}
