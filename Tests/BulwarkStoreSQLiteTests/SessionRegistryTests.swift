import BulwarkCore
import BulwarkRuntime
import Foundation
import Testing
@testable import BulwarkStoreSQLite

/// The in-memory session cache in front of a real SQLite store.
@Suite struct SessionRegistryTests {
    /// A request holds its session between `load` and its update: other requests filling the
    /// cache meanwhile must not evict it, or the update would start from an empty state (taint
    /// and profile lost) and overwrite the stored one at the next commit.
    @Test func aLoadedSessionIsNotEvictedBeforeItsUpdate() async throws {
        let store = try SQLiteStore(path: SQLiteStoreTests.temporaryPath())
        let registry = SessionRegistry(store: store, capacity: 8)
        try await registry.load(agent: "a", session: "s")
        registry.update(agent: "a", session: "s") { $0.taint("AKIAIOSFODNN7EXAMPLE", label: "aws key") }
        let states = registry.drainDirty()  // as a commit would: the keys are no longer dirty
        var batch = CommitBatch()
        batch.states = states
        try await store.commit(batch)

        try await registry.load(agent: "a", session: "s")  // the request begins
        for i in 0..<40 {
            try await registry.load(agent: "b\(i)", session: "x")
            registry.release(agent: "b\(i)", session: "x")
        }
        registry.update(agent: "a", session: "s") { state in
            #expect(!state.tainted.isEmpty, "the session was evicted under its request")
        }
        registry.release(agent: "a", session: "s")

        // Released, it can be evicted again; loaded again, it comes back from the store.
        _ = registry.drainDirty()
        for i in 40..<80 {
            try await registry.load(agent: "b\(i)", session: "x")
            registry.release(agent: "b\(i)", session: "x")
        }
        try await registry.load(agent: "a", session: "s")
        #expect(registry.state(agent: "a", session: "s")?.tainted.isEmpty == false)
        registry.release(agent: "a", session: "s")
    }
}
