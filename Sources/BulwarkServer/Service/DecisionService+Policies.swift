import BulwarkCore
import BulwarkRuntime
import Foundation

/// The engine in force: the active policy, registered tools and threat indicators.
extension DecisionService {
    func install(_ policy: Policy, version: Int) {
        engineLock.withLock {
            workspace = policy
            rebuildEngine()
            _activePolicy = version
        }
    }

    /// The engine for the current configuration, policy and registered tools (the policy's own
    /// tool definitions win). Call with `engineLock` held.
    func rebuildEngine() {
        var policy = workspace
        if !tools.isEmpty {
            var p = workspace ?? Policy(name: "service")
            for (name, tool) in tools where p.tools[name] == nil { p.tools[name] = tool }
            policy = p
        }
        _engine = Engine(configuration: baseConfiguration, workspace: policy)
    }

    public func validatePolicy(_ yaml: String) -> Result<Policy, PolicyError> {
        Result { () throws(PolicyError) in try PolicyLoader.load(yaml: yaml, file: "policy") }
    }

    /// Stores a valid policy as a new version; with `activate`, also makes it the active one.
    public func addPolicy(_ yaml: String, by identity: Identity, activate: Bool) async throws -> PolicyVersion {
        if case .failure(let error) = validatePolicy(yaml) { throw ServiceError(400, "invalid_policy", error.description) }
        let version = try await store.addPolicy(yaml: yaml, by: identity.label, at: Date().timeIntervalSince1970)
        try await audit(["event": "policy_added", "version": .number(Double(version)), "sha256": .string(AuditChain.hash(yaml.utf8)), "by": .string(identity.label)])
        if activate { try await activatePolicy(version, by: identity) }
        guard let stored = try await store.policyVersion(version) else { throw ServiceError.unavailable("the policy was not stored") }
        return stored
    }

    /// Makes a stored version the active policy, for every decision from now on.
    public func activatePolicy(_ version: Int, by identity: Identity) async throws {
        guard let stored = try await store.policyVersion(version) else { throw ServiceError.notFound("no policy version \(version)") }
        let policy: Policy
        switch validatePolicy(stored.yaml) {
        case .success(let p): policy = p
        case .failure(let error): throw ServiceError(409, "invalid_policy", error.description)
        }
        try await store.activatePolicy(version)
        install(policy, version: version)
        try await audit(["event": "policy_activated", "version": .number(Double(version)), "sha256": .string(AuditChain.hash(stored.yaml.utf8)), "by": .string(identity.label)])
    }
}
