import BulwarkCore
import BulwarkRuntime
import Hummingbird

extension API {
    /// `POST /v1/policies[?activate=true]` (admin): the body is the policy's YAML; it is
    /// validated (400 `invalid_policy` names line and column), stored as the next version, and
    /// with `activate=true` made active at once.
    func addPolicy(_ request: Request, _ identity: Identity, _ body: [UInt8]) async throws -> Response {
        try requireAdmin(identity)
        guard let yaml = String(validating: body, as: UTF8.self), !yaml.isEmpty else { throw ServiceError.badRequest("send the policy's YAML as the body") }
        let activate = request.uri.queryParameters.get("activate") == "true"
        let version = try await service.addPolicy(yaml, by: identity, activate: activate)
        return APIResponses.json(version.json(), status: .created)
    }

    /// `POST /v1/policies/validate` (admin): checks a policy without storing it.
    func validatePolicy(_ identity: Identity, _ body: [UInt8]) throws -> Response {
        try requireAdmin(identity)
        switch service.validatePolicy(String(decoding: body, as: UTF8.self)) {
        case .success: return APIResponses.json(["valid": true])
        case .failure(let error): return APIResponses.json(["valid": false, "error": .string(error.description)])
        }
    }

    /// `GET /v1/policies` (admin): the history, newest first.
    func listPolicies(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        let versions = try await service.store.policyVersions(limit: 100)
        return APIResponses.json(["active": service.activePolicy.map { .number(Double($0)) } ?? .null, "policies": .array(versions.map { $0.json() })])
    }

    /// `GET /v1/policies/{version}` (admin): one version with its YAML.
    func getPolicy(_ version: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard let n = Int(version), let stored = try await service.store.policyVersion(n) else { throw ServiceError.notFound("no policy version \(version)") }
        return APIResponses.json(stored.json(withYAML: true))
    }

    /// `POST /v1/policies/{version}/activate` (admin): rolls forward or back to that version.
    func activatePolicy(_ version: String, _ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard let n = Int(version) else { throw ServiceError.notFound("no policy version \(version)") }
        try await service.activatePolicy(n, by: identity)
        return APIResponses.json(["active": .number(Double(n))])
    }
}
