import BulwarkCore
import Foundation

/// The service's live session states and agent behaviour profiles, in memory, backed by a
/// `BulwarkStore`: a key is loaded on first use, changed under a lock, marked dirty, and written
/// with the next group commit (`drainDirty`). Taint and rates live per session
/// (`session:<agent>/<session>`); the behaviour profile per agent (`profile:<agent>`), so a new
/// session of a known agent is judged against its habits.
///
/// Bounded: beyond `capacity` keys, clean keys are evicted (they are in the store already).
public final class SessionRegistry: @unchecked Sendable {
    let store: any BulwarkStore
    let capacity: Int
    let lock = NSLock()
    var sessions: [String: SessionState] = [:]
    var profiles: [String: BehaviourProfile] = [:]
    var standings: [String: AgentStanding] = [:]
    var dirty: Set<String> = []
    /// Keys in use by a request between `load` and `release`: never evicted meanwhile, so an
    /// update cannot start from an empty state and overwrite the stored one.
    var pins: [String: Int] = [:]
    /// Shared by the states kept without their profile (copying it allocates nothing).
    let noProfile = BehaviourProfile()

    public init(store: any BulwarkStore, capacity: Int = 50_000) {
        self.store = store
        self.capacity = capacity
    }

    public static func sessionKey(agent: String, session: String) -> String { "session:\(agent)/\(session)" }
    public static func profileKey(agent: String) -> String { "profile:\(agent)" }
    public static func standingKey(agent: String) -> String { "standing:\(agent)" }

    /// Loads the session and the agent's profile and standing from the store if they are not in
    /// memory, and keeps them there until `release` (call it once per successful `load`).
    public func load(agent: String, session: String) async throws {
        let sKey = Self.sessionKey(agent: agent, session: session), pKey = Self.profileKey(agent: agent)
        let keys = [sKey, pKey, Self.standingKey(agent: agent)]
        let (haveSession, haveProfile) = lock.withLock {
            for key in keys { pins[key, default: 0] += 1 }
            return (sessions[sKey] != nil, profiles[pKey] != nil)
        }
        do {
            try await fetch(sKey: sKey, pKey: pKey, agent: agent, haveSession: haveSession, haveProfile: haveProfile)
        } catch {
            release(agent: agent, session: session)
            throw error
        }
        evictIfNeeded()
    }

    /// Lets the session, profile and standing pinned by `load` be evicted again.
    public func release(agent: String, session: String) {
        lock.withLock {
            for key in [Self.sessionKey(agent: agent, session: session), Self.profileKey(agent: agent), Self.standingKey(agent: agent)] {
                if let n = pins[key], n > 1 { pins[key] = n - 1 } else { pins[key] = nil }
            }
        }
    }

    private func fetch(sKey: String, pKey: String, agent: String, haveSession: Bool, haveProfile: Bool) async throws {
        if !haveSession {
            let state = try await store.state(sKey).map { SessionState(json: $0) } ?? SessionState()
            lock.withLock { if sessions[sKey] == nil { sessions[sKey] = state } }
        }
        if !haveProfile {
            let profile = try await store.state(pKey).map { BehaviourProfile(json: $0) } ?? BehaviourProfile()
            let tKey = Self.standingKey(agent: agent)
            let standing = try await store.state(tKey).map { AgentStanding(json: $0) } ?? AgentStanding()
            lock.withLock {
                if profiles[pKey] == nil { profiles[pKey] = profile }
                if standings[tKey] == nil { standings[tKey] = standing }
            }
        }
    }

    /// Runs `body` on the session's state (with the agent's profile in place of the session's)
    /// under the lock, and marks both dirty. Call `load` first.
    public func update<T>(agent: String, session: String, _ body: (inout SessionState) throws -> T) rethrows -> T {
        let sKey = Self.sessionKey(agent: agent, session: session), pKey = Self.profileKey(agent: agent)
        lock.lock()
        defer { lock.unlock() }
        // Taken out of the dictionaries while `body` changes them, so they are not copied.
        var state = sessions.removeValue(forKey: sKey) ?? SessionState()
        state.profile = profiles.removeValue(forKey: pKey) ?? BehaviourProfile()
        defer {
            profiles[pKey] = state.profile
            state.profile = noProfile
            sessions[sKey] = state
            dirty.insert(sKey)
            dirty.insert(pKey)
        }
        return try body(&state)
    }

    /// The agent's standing (budgets and record); call `load` first.
    public func standing(agent: String) -> AgentStanding {
        lock.withLock { standings[Self.standingKey(agent: agent)] ?? AgentStanding() }
    }

    /// Records a judged call in the agent's standing.
    public func recordStanding(agent: String, verdict: Verdict, at now: Double, capacity: Double = 120) {
        let key = Self.standingKey(agent: agent)
        lock.withLock {
            if capacity > 0 { standings[key, default: AgentStanding()].capacity = capacity }
            standings[key, default: AgentStanding()].record(verdict, at: now)
            dirty.insert(key)
        }
    }

    /// A copy of a session's state (with the agent's profile), if it is in memory.
    public func state(agent: String, session: String) -> SessionState? {
        lock.withLock {
            guard var state = sessions[Self.sessionKey(agent: agent, session: session)] else { return nil }
            state.profile = profiles[Self.profileKey(agent: agent)] ?? BehaviourProfile()
            return state
        }
    }

    /// Serialized states changed since the last call, for the group commit.
    public func drainDirty() -> [(key: String, json: String)] {
        lock.withLock {
            defer { dirty.removeAll(keepingCapacity: true) }
            return dirty.compactMap { key in
                if let s = sessions[key] { return (key, JSONWriter.string(s.json)) }
                if let p = profiles[key] { return (key, JSONWriter.string(p.json)) }
                if let t = standings[key] { return (key, JSONWriter.string(t.json)) }
                return nil
            }
        }
    }

    func evictIfNeeded() {
        lock.withLock {
            guard sessions.count + profiles.count > capacity else { return }
            for key in sessions.keys where !dirty.contains(key) && pins[key] == nil && sessions.count > capacity / 2 { sessions[key] = nil }
            for key in profiles.keys where !dirty.contains(key) && pins[key] == nil && profiles.count > capacity / 2 {
                profiles[key] = nil
                let standing = "standing:" + key.dropFirst("profile:".count)
                if !dirty.contains(standing) && pins[standing] == nil { standings[standing] = nil }
            }
        }
    }
}
