import BulwarkCore
import BulwarkRuntime
import Foundation
import Testing
@testable import BulwarkStoreSQLite

/// The group commit's gathering of announced records (`GroupCommitter.expect()`), on a real
/// SQLite store. The delays are long on purpose: a test that waited them out would show in its
/// elapsed time, which is asserted far below them.
@Suite struct GroupCommitterTests {
    func committer(delay: Duration) async throws -> (GroupCommitter, SQLiteStore) {
        let store = try SQLiteStore(path: SQLiteStoreTests.temporaryPath())
        let committer = GroupCommitter(store: store, gatherDelay: delay)
        try await committer.resume()
        return (committer, store)
    }

    @Test func announcedRecordsShareOneCommit() async throws {
        let (committer, store) = try await committer(delay: .seconds(60))
        let started = ContinuousClock.now
        let announced = (0..<3).map { _ in committer.expect() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (i, expectation) in announced.enumerated() {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(20 * i))
                    try await committer.append(["n": .number(Double(i))], fulfilling: expectation)
                }
            }
            try await group.waitForAll()
        }
        #expect(committer.commits == 1, "the first record waited for the two announced after it")
        #expect(committer.committedRecords == 3)
        #expect(ContinuousClock.now - started < .seconds(20), "the commit went as soon as the last announced record came")
        #expect(try await store.verifyAudit().verified == 3)
    }

    @Test func aCancelledAnnouncementHoldsNothing() async throws {
        let (committer, _) = try await committer(delay: .seconds(60))
        let started = ContinuousClock.now
        let withdrawn = committer.expect()
        committer.cancel(withdrawn)
        committer.cancel(withdrawn)  // a second cancel changes nothing
        try await committer.append(["n": 1])
        let fulfilled = committer.expect()
        try await committer.append(["n": 2], fulfilling: fulfilled)
        committer.cancel(fulfilled)  // already settled by its record: nothing left to withdraw
        try await committer.append(["n": 3])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(committer.commits == 3)
    }

    @Test func aRecordThatNeverComesDelaysACommitByTheDelayAtMost() async throws {
        let (committer, _) = try await committer(delay: .milliseconds(200))
        let late = committer.expect()
        let started = ContinuousClock.now
        try await committer.append(["n": 1])
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(150), "the commit was held for the announced record (\(waited))")
        #expect(waited < .seconds(20))
        committer.cancel(late)
    }
}
