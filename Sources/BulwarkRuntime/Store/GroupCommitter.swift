import BulwarkCore
import Foundation

/// Appends audit records to a `BulwarkStore` durably and in chain order, batching concurrent
/// appends into one transaction (group commit): while one commit is in flight, new records
/// queue up and go together in the next. A caller's `append` returns only after its record is
/// committed, so a decision is never answered before it is durable; a failed commit fails every
/// record in it and leaves the chain where it was.
///
/// One dedicated writer thread builds the batches and commits them, synchronously when the
/// store offers it (`SynchronousCommit`): no task or queue hop between a decision and its
/// commit, which keeps latency low on small machines.
///
/// Callers that are about to append (a decision being judged) can say so first (`expect()`):
/// while such records are on their way, the writer holds a commit for up to `gatherDelay` so
/// that they share it, as PostgreSQL's `commit_delay` does once `commit_siblings` transactions
/// are open. Under load this makes fewer, larger commits, each with one fsync and one fixed
/// cost; a record with nothing on its way behind it is committed at once.
///
/// Each record is one JSON line: `seq`, `prev` (SHA-256 of the previous line, `AuditChain`),
/// `time_us`, then the caller's fields — the same format as the audit file of the MCP proxy,
/// so `AuditVerifier` checks both.
public final class GroupCommitter: @unchecked Sendable {
    struct Entry {
        var fields: JSONObject
        var reviews: [ReviewRecord]
        var outbox: [(webhook: String, body: String)]
        var continuation: CheckedContinuation<Committed, any Error>
    }

    let store: any BulwarkStore
    /// Serialized states changed since the last commit, taken at the start of each commit.
    let dirtyStates: @Sendable () -> [(key: String, json: String)]
    /// Called on the writer thread after each successful commit with its duration (building the
    /// batch, the store's transaction and its fsync) and its number of records.
    let committed: (@Sendable (Duration, Int) -> Void)?
    let condition = NSCondition()
    var previous = AuditChain.genesis
    var sequence = 0
    var pending: [Entry] = []
    var started = false
    var _commits = 0
    var _committed = 0
    /// Announced records not yet appended nor cancelled.
    var expected = 0
    /// Whether the writer is holding a commit for expected records.
    var gathering = false
    /// Longest a commit is held for expected records (0: never held).
    public let gatherDelay: Duration
    /// Most records in one commit.
    public let maxBatch: Int

    public init(
        store: any BulwarkStore, gatherDelay: Duration = .zero, maxBatch: Int = 512,
        dirtyStates: @escaping @Sendable () -> [(key: String, json: String)] = { [] },
        committed: (@Sendable (Duration, Int) -> Void)? = nil
    ) {
        self.store = store
        self.committed = committed
        self.gatherDelay = gatherDelay
        self.maxBatch = max(1, maxBatch)
        self.dirtyStates = dirtyStates
    }

    /// A record a caller announced with `expect()`: settled once it is appended or cancelled.
    /// Only the task that announced it uses it (appends and cancels in sequence).
    public final class Expectation: @unchecked Sendable {
        var settled: Bool
        init(settled: Bool) { self.settled = settled }
    }

    /// Announces a record this caller is about to append. Pass it to `append(_:fulfilling:)`,
    /// or `cancel` it on any path that appends nothing (cancelling a settled one does nothing).
    /// Without a `gatherDelay` nothing is counted.
    public func expect() -> Expectation {
        guard gatherDelay > .zero else { return Expectation(settled: true) }
        condition.withLock { expected += 1 }
        return Expectation(settled: false)
    }

    /// Withdraws an announcement; the writer stops holding a commit for it.
    public func cancel(_ expectation: Expectation) {
        guard !expectation.settled else { return }
        condition.withLock {
            guard !expectation.settled else { return }
            settle(expectation)
        }
    }

    /// Marks an announcement settled; wakes a writer holding a commit once nothing is expected.
    /// Call with the condition's lock held.
    func settle(_ expectation: Expectation) {
        expectation.settled = true
        expected -= 1
        if gathering && expected == 0 { condition.signal() }
    }

    /// Continues the chain stored so far and starts the writer; call once before appending.
    public func resume() async throws {
        let tail = try await store.auditTail()
        condition.withLock {
            if let tail {
                sequence = tail.seq
                previous = AuditChain.hash(tail.line.utf8)
            }
            guard !started else { return }
            started = true
            let thread = Thread { [self] in run() }
            thread.name = "bulwark-commit"
            thread.start()
        }
    }

    /// A committed record: its place in the chain and its line.
    public struct Committed: Sendable {
        public var seq: Int
        public var line: String
    }

    /// Appends one record (and review changes that must be durable with it); returns it once
    /// it is committed. `fulfilling` is the announcement this record answers, if any.
    @discardableResult
    public func append(_ fields: JSONValue, reviews: [ReviewRecord] = [], outbox: [(webhook: String, body: String)] = [], fulfilling expectation: Expectation? = nil) async throws -> Committed {
        try await withCheckedThrowingContinuation { continuation in
            condition.withLock {
                pending.append(Entry(fields: fields.objectValue ?? JSONObject(), reviews: reviews, outbox: outbox, continuation: continuation))
                if let expectation, !expectation.settled { settle(expectation) }
                // The writer waits for a first record, or holds a commit until a batch is full.
                if pending.count == 1 || pending.count >= maxBatch { condition.signal() }
            }
        }
    }

    public var queueDepth: Int { condition.withLock { pending.count } }
    public var commits: Int { condition.withLock { _commits } }
    /// Records committed since start (with `commits`, the mean batch size).
    public var committedRecords: Int { condition.withLock { _committed } }
    public var chainHead: (seq: Int, hash: String) { condition.withLock { (sequence, previous) } }

    func run() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            gather()
            let entries = Array(pending.prefix(maxBatch))
            pending.removeFirst(entries.count)
            let (seq0, prev0) = (sequence, previous)
            condition.unlock()
            commit(entries, after: seq0, previous: prev0)
        }
    }

    /// Holds the commit while announced records are on their way, up to `gatherDelay` and
    /// `maxBatch`. Called with the lock held and at least one record pending.
    func gather() {
        guard gatherDelay > .zero, expected > 0, pending.count < maxBatch else { return }
        let deadline = Date(timeIntervalSinceNow: gatherDelay / .seconds(1))
        gathering = true
        while expected > 0, pending.count < maxBatch, condition.wait(until: deadline) {}
        gathering = false
    }

    func commit(_ entries: [Entry], after start: Int, previous start0: String) {
        let began = ContinuousClock.now
        var batch = CommitBatch()
        var prev = start0
        var seq = start
        var lines: [Committed] = []
        lines.reserveCapacity(entries.count)
        let time = Double(Int(Date().timeIntervalSince1970 * 1_000_000))
        for entry in entries {
            seq += 1
            let line = AuditChain.line(seq: seq, previous: prev, timeMicros: time, fields: entry.fields)
            prev = AuditChain.hash(line.utf8)
            batch.audit.append((seq, line))
            batch.reviews += entry.reviews
            batch.outbox += entry.outbox
            lines.append(Committed(seq: seq, line: line))
        }
        batch.states = dirtyStates()
        do {
            try commit(batch)
            condition.withLock {
                previous = prev
                sequence = seq
                _commits += 1
                _committed += entries.count
            }
            committed?(ContinuousClock.now - began, entries.count)
            for (entry, line) in zip(entries, lines) { entry.continuation.resume(returning: line) }
        } catch {
            for entry in entries { entry.continuation.resume(throwing: CommitFailure(underlying: error)) }
        }
    }

    /// Commits on this thread: directly when the store can, else by waiting for its async commit.
    func commit(_ batch: CommitBatch) throws {
        if let store = store as? any SynchronousCommit {
            try store.commitSynchronously(batch)
            return
        }
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let store = self.store
        Task {
            do { try await store.commit(batch) } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }

    final class Outcome: @unchecked Sendable { var error: (any Error)? }
}

/// A store that can commit a batch on the calling thread (SQLite can; a network store may not).
public protocol SynchronousCommit: BulwarkStore {
    func commitSynchronously(_ batch: CommitBatch) throws
}

/// A group commit that did not reach the store: none of its records was made durable, so none
/// of its decisions may be answered (the service answers 503).
public struct CommitFailure: Error, CustomStringConvertible {
    public var underlying: any Error
    public init(underlying: any Error) { self.underlying = underlying }
    public var description: String { "the audit commit failed: \(underlying)" }
}
