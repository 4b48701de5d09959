import BulwarkCore
import BulwarkRuntime
import BulwarkTestSupport
import Foundation
import Testing
@testable import BulwarkStoreSQLite

@Suite struct SQLiteStoreTests {
    static func temporaryPath() -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.appendingPathComponent("bulwark.db").path
    }

    @Test func concurrentAppendsAreGroupCommittedInChainOrder() async throws {
        let store = try SQLiteStore(path: Self.temporaryPath())
        let committer = GroupCommitter(store: store)
        try await committer.resume()
        try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<500 { group.addTask { try await committer.append(["event": "decision", "n": .number(Double(i))]).line } }
            var lines = 0
            for try await _ in group { lines += 1 }
            #expect(lines == 500)
        }
        let report = try await store.verifyAudit()
        #expect(report.verified == 500 && report.broken == nil)
        let commits = committer.commits
        #expect(commits < 500, "concurrent appends share commits (\(commits) commits for 500 records)")
    }

    @Test func commitsAreSynchronousEvenThoughGRDBDefaultsToNormal() async throws {
        let store = try SQLiteStore(path: Self.temporaryPath())
        // 2 is FULL: the log is fsynced at every commit, so an answered decision survives a power cut.
        let level = try await store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(level == 2)
    }

    @Test func theLogStaysShortUnderContinuousCommits() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteStore(path: path, walFrames: 64, checkpointInterval: 0.02)
        let state = String(repeating: "s", count: 3000)
        var seq = 0
        var largest = 0
        let start = ContinuousClock.now
        // Commits back to back, each touching a few pages, as the service does under load.
        while ContinuousClock.now - start < .seconds(1.5) {
            var batch = CommitBatch()
            for _ in 0..<4 {
                seq += 1
                batch.audit.append((seq, "line \(seq)"))
                batch.states.append(("session-\(seq % 500)", state))
            }
            try store.commitSynchronously(batch)
            let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            largest = max(largest, size)
        }
        #expect(store.checkpointer.restarts > 0, "the writer finished a checkpoint")
        // Without the writer's help the log grows by every commit (it reached 47 MB here when
        // the writer did not help); with it, the log restarts every few dozen commits.
        // The margin is for a machine so busy that the background thread seldom runs.
        #expect(largest < 4096 * 4096, "largest log \(largest) bytes after \(seq / 4) commits")
    }

    @Test func theChainContinuesAfterReopening() async throws {
        let path = Self.temporaryPath()
        do {
            let committer = GroupCommitter(store: try SQLiteStore(path: path))
            try await committer.resume()
            for i in 0..<3 { try await committer.append(["n": .number(Double(i))]) }
        }
        let store = try SQLiteStore(path: path)
        let committer = GroupCommitter(store: store)
        try await committer.resume()
        try await committer.append(["n": 3])
        let report = try await store.verifyAudit()
        #expect(report.verified == 4 && report.broken == nil)
    }

    @Test func aTamperedRecordIsNamed() async throws {
        let path = Self.temporaryPath()
        let store = try SQLiteStore(path: path)
        let committer = GroupCommitter(store: store)
        try await committer.resume()
        for i in 0..<5 { try await committer.append(["decision": "block", "n": .number(Double(i))]) }
        // Change record 3 behind the service's back, with the real sqlite3 shell.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "UPDATE audit SET line = replace(line, '\"block\"', '\"allow\"') WHERE seq = 3"]
        try sqlite.run()
        #expect(sqlite.reapExitStatus() == 0)
        let report = try await store.verifyAudit()
        #expect(report.verified == 3)
        #expect(report.broken?.line == 4, "record 4's prev no longer matches record 3")
    }

    @Test func statesAndReviewsCommitWithTheAudit() async throws {
        let store = try SQLiteStore(path: Self.temporaryPath())
        var batch = CommitBatch()
        batch.audit = [(1, #"{"seq":1}"#)]
        batch.states = [("session:a/s", #"{"version":2}"#)]
        let review = ReviewRecord(id: "rev_1", agent: "a", session: "s", actionSHA256: "abc", tool: "pay", verdict: "{}", createdAt: 10, expiresAt: 20)
        batch.reviews = [review]
        try await store.commit(batch)
        #expect(try await store.state("session:a/s")?["version"]?.numberValue == 2)
        #expect(try await store.review("rev_1") == review)
        #expect(try await store.openReview(agent: "a", actionSHA256: "abc")?.id == "rev_1")
        var approved = review
        approved.status = .consumed
        try await store.saveReview(approved)
        #expect(try await store.openReview(agent: "a", actionSHA256: "abc") == nil, "a consumed review is closed")
        #expect(try await store.reviews(status: .consumed, limit: 10).map(\.id) == ["rev_1"])
    }

    @Test func agentsAndAdminKeysRoundTrip() async throws {
        let store = try SQLiteStore(path: Self.temporaryPath())
        let agent = AgentRecord(id: "billing", secret: "s3cret", roles: ["payments", "read"], allowBearer: true, createdAt: 1)
        try await store.saveAgent(agent)
        #expect(try await store.agent("billing") == agent)
        #expect(try await store.agents().map(\.id) == ["billing"])
        #expect(try await store.deleteAgent("billing"))
        #expect(try await store.agent("billing") == nil)
        let key = AdminKeyRecord(id: "k1", hash: "$2b$10$abc", label: "ops", createdAt: 2)
        try await store.saveAdminKey(key)
        #expect(try await store.adminKey("k1") == key)
    }

    @Test func theDatabaseIsInWALModeAndPrivate() async throws {
        let path = Self.temporaryPath()
        _ = try SQLiteStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let sqlite = Process()
        let out = Pipe()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        sqlite.arguments = [path, "PRAGMA journal_mode"]
        sqlite.standardOutput = out
        try sqlite.run()
        _ = sqlite.reapExitStatus()
        #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "wal")
    }
}
