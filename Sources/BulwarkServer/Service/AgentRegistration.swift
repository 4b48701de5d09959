import BulwarkRuntime
import Foundation

/// Registering an agent: a checked id and a new random secret (shown to the admin once).
public enum AgentRegistration {
    /// Agent ids: 1–64 of `A–Z a–z 0–9 _ -`.
    public static func isValid(id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x5F || $0 == 0x2D }
    }

    public static func register(id: String, roles: [String], allowBearer: Bool, store: any BulwarkStore) async throws -> AgentRecord {
        guard isValid(id: id) else { throw ServiceError.badRequest("agent ids are 1–64 letters, digits, _ or -") }
        // Access comes from the key (agent secret or admin key), policy roles from the policy's
        // `agents:` section: an agent called admin here would look privileged and be nothing.
        if roles.contains(where: { $0.lowercased() == "admin" }) {
            throw ServiceError.badRequest("`admin` is not an agent role: admin access is an admin key (`bulwark admin create-key`); agents can only inspect and observe")
        }
        guard try await store.agent(id) == nil else { throw ServiceError(409, "exists", "agent \(id) is already registered") }
        let agent = AgentRecord(id: id, secret: "bws_" + DecisionService.randomToken(20), roles: roles, allowBearer: allowBearer, createdAt: Date().timeIntervalSince1970)
        try await store.saveAgent(agent)
        return agent
    }
}
