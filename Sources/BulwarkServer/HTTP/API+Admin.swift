import BulwarkCore
import BulwarkRuntime
import Foundation
import Hummingbird

extension API {
    /// `GET /v1/agents` (admin): agents without their secrets.
    func listAgents(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        let agents = try await service.store.agents()
        return APIResponses.json(["agents": .array(agents.map(Self.agentJSON))])
    }

    /// `POST /v1/agents` with `{"id", "roles", "allow_bearer"}` (admin): registers an agent and
    /// answers its secret, the only time it is shown.
    func createAgent(_ identity: Identity, _ body: [UInt8]) async throws -> Response {
        try requireAdmin(identity)
        guard let json = try? JSONParser().parse(String(decoding: body, as: UTF8.self)), let id = json["id"]?.stringValue else {
            throw ServiceError.badRequest("give the agent as JSON: {\"id\": \"billing-bot\", \"roles\": [], \"allow_bearer\": false}")
        }
        let roles = json["roles"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let agent = try await AgentRegistration.register(
            id: id, roles: roles, allowBearer: json["allow_bearer"]?.boolValue ?? false,
            store: service.store)
        authenticator.forget(agent: id)
        try await service.audit(["event": "agent_registered", "agent": .string(id), "by": .string(identity.label), "allow_bearer": .bool(agent.allowBearer)])
        var out = Self.agentJSON(agent).objectValue ?? JSONObject()
        out["secret"] = .string(agent.secret)
        return APIResponses.json(.object(out), status: .created)
    }

    /// `DELETE /v1/agents/{id}` (admin).
    func deleteAgent(_ id: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard try await service.store.deleteAgent(id) else { throw ServiceError.notFound("no agent \(id)") }
        authenticator.forget(agent: id)
        try await service.audit(["event": "agent_deleted", "agent": .string(id), "by": .string(identity.label)])
        return APIResponses.json(["deleted": .string(id)])
    }

    /// `GET /v1/audit?after=0&limit=1000` (admin): the chain as JSONL, in order.
    func exportAudit(_ request: Request, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        let after = try request.intQuery("after", default: 0, range: 0...Int.max)
        let limit = try request.intQuery("limit", default: 1_000, range: 1...100_000)
        let lines = try await service.store.auditLines(after: after, limit: limit)
        return APIResponses.text(lines.map { $0.line + "\n" }.joined(), contentType: "application/x-ndjson")
    }

    /// `GET /v1/audit/verify` (admin): checks the whole chain.
    func verifyAudit(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        let report = try await service.store.verifyAudit()
        var out = JSONObject()
        out["ok"] = .bool(report.broken == nil)
        out["verified"] = .number(Double(report.verified))
        if let broken = report.broken { out["broken"] = ["record": .number(Double(broken.line)), "reason": .string(broken.reason)] }
        return APIResponses.json(.object(out))
    }

    /// `GET /v1/sessions/{agent}/{session}` (admin): a summary of the session's state.
    func session(_ agent: String, _ session: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard let state = try await service.sessionState(agent: agent, session: session) else { throw ServiceError.notFound("no session \(agent)/\(session)") }
        return APIResponses.json([
            "agent": .string(agent), "session": .string(session), "tainted_values": .number(Double(state.tainted.count)),
            "recent_calls": .object(JSONObject(state.snapshot(now: Date().timeIntervalSince1970).recentCalls.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) })),
            "profile": state.profile.json,
        ])
    }

    static func agentJSON(_ a: AgentRecord) -> JSONValue {
        ["id": .string(a.id), "roles": .array(a.roles.map(JSONValue.string)), "allow_bearer": .bool(a.allowBearer), "created_at": .number(a.createdAt), "disabled": .bool(a.disabled)]
    }
}
