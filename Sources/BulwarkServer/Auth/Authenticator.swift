import BulwarkCore
import BulwarkRuntime
import Crypto
import Foundation

/// Establishes who made a request, from its headers and body only:
/// - `Authorization: Bearer bwk_admin_…`: an admin key (bcrypt-checked; a verified key is
///   remembered for five minutes by its SHA-256, so bcrypt runs once, not per request);
/// - `X-Bulwark-Signature` with the other `RequestSignature` headers: an agent, if the signature
///   is valid under its secret, the timestamp within the replay window (and not before the
///   server started, since nonces are kept in memory), and the nonce unused;
/// - `X-Bulwark-Agent` with `Authorization: Bearer <secret>`: an agent an admin registered with
///   `allow_bearer` (for Claude Code HTTP hooks, which cannot sign).
/// Agents are cached for five seconds; changes made through the API take effect at once.
/// Anything else is refused with 401 and a code that says why.
public final class Authenticator: @unchecked Sendable {
    let store: any BulwarkStore
    let window: Double
    let startedAt: Double
    let nonces: NonceCache
    let lock = NSLock()
    var verifiedAdmins: [String: (id: String, until: Double)] = [:]
    /// Agents by id, for a few seconds, so a request does not read the store.
    var agents: [String: (agent: AgentRecord?, until: Double)] = [:]
    static let agentCacheSeconds = 5.0

    public init(store: any BulwarkStore, replayWindow: Double, startedAt: Double = Date().timeIntervalSince1970) {
        self.store = store
        window = replayWindow
        self.startedAt = startedAt.rounded(.down)
        nonces = NonceCache(window: replayWindow * 2)
    }

    public func identify(method: String, target: String, header: (String) -> String?, body: [UInt8], now: Double = Date().timeIntervalSince1970) async throws -> Identity {
        let bearer = header("Authorization").flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
        if let bearer, bearer.hasPrefix(AdminKey.prefix) { return try await admin(bearer, now: now) }
        if let signature = header(RequestSignature.signatureHeader) {
            return try await signed(signature, method: method, target: target, header: header, body: body, now: now)
        }
        if let bearer, let agentID = header(RequestSignature.agentHeader) {
            guard let agent = try await agent(agentID, now: now), !agent.disabled, agent.allowBearer, ConstantTime.equal(bearer, agent.secret) else {
                throw ServiceError.unauthorized("bad_token", "this agent token is not valid, or the agent must sign its requests")
            }
            return .agent(agent.id)
        }
        throw ServiceError.unauthorized("unauthenticated", "sign the request (X-Bulwark-Agent, -Timestamp, -Nonce, -Signature) or send an admin key as a bearer token")
    }

    /// Drops a cached agent (after it is changed or deleted through the API).
    public func forget(agent id: String) {
        _ = lock.withLock { agents.removeValue(forKey: id) }
    }

    func agent(_ id: String, now: Double) async throws -> AgentRecord? {
        if let cached = lock.withLock({ agents[id] }), cached.until > now { return cached.agent }
        let agent = try await store.agent(id)
        lock.withLock {
            if agents.count > 10_000 { agents.removeAll() }
            agents[id] = (agent, now + Self.agentCacheSeconds)
        }
        return agent
    }

    /// How long a verified admin key is trusted without checking it again (bcrypt is slow on
    /// purpose); a revoked key stops working within this time.
    static let adminCacheSeconds = 30.0

    func admin(_ key: String, now: Double) async throws -> Identity {
        let digest = AuditChain.hash(key.utf8)
        if let cached = lock.withLock({ verifiedAdmins[digest] }), cached.until > now { return .admin(cached.id) }
        guard let id = AdminKey.id(of: key), let record = try await store.adminKey(id), AdminKey.verify(key, record: record) else {
            throw ServiceError.unauthorized("bad_admin_key", "this admin key is not valid")
        }
        lock.withLock {
            if verifiedAdmins.count > 1_000 { verifiedAdmins.removeAll() }
            verifiedAdmins[digest] = (id, now + Self.adminCacheSeconds)
        }
        return .admin(id)
    }

    func signed(_ signature: String, method: String, target: String, header: (String) -> String?, body: [UInt8], now: Double) async throws -> Identity {
        guard let agentID = header(RequestSignature.agentHeader), let ts = header(RequestSignature.timestampHeader),
            let nonce = header(RequestSignature.nonceHeader)
        else { throw ServiceError.unauthorized("incomplete_signature", "a signed request needs X-Bulwark-Agent, X-Bulwark-Timestamp, X-Bulwark-Nonce and X-Bulwark-Signature") }
        guard (8...128).contains(nonce.utf8.count) else { throw ServiceError.unauthorized("bad_nonce", "the nonce must be 8 to 128 characters") }
        guard let time = Double(ts), abs(now - time) <= window else {
            throw ServiceError.unauthorized("expired", "the timestamp is more than \(Int(window)) s from the server's clock")
        }
        guard time >= startedAt else { throw ServiceError.unauthorized("expired", "the request was signed before the server started; sign it again") }
        guard let agent = try await agent(agentID, now: now), !agent.disabled,
            RequestSignature.isValid(signature, secret: agent.secret, method: method, target: target, timestamp: ts, nonce: nonce, body: body)
        else { throw ServiceError.unauthorized("bad_signature", "the signature does not match (unknown agent, wrong secret, or the request was changed)") }
        switch nonces.insert(agentID + "\n" + nonce, now: now) {
        case .fresh: return .agent(agent.id)
        case .replayed: throw ServiceError.unauthorized("replayed", "this nonce was already used")
        case .full: throw ServiceError.unavailable("too many signed requests in the replay window")
        }
    }
}
