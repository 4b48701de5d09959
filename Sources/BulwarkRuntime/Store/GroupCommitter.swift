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
    let condition = NSCondition()
    var previous = AuditChain.genesis
    var sequence = 0
    var pending: [Entry] = []
    var started = false
    var _commits = 0

    public init(store: any BulwarkStore, dirtyStates: @escaping @Sendable () -> [(key: String, json: String)] = { [] }) {
        self.store = store
        self.dirtyStates = dirtyStates
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
    /// it is committed.
    @discardableResult
    public func append(_ fields: JSONValue, reviews: [ReviewRecord] = [], outbox: [(webhook: String, body: String)] = []) async throws -> Committed {
        try await withCheckedThrowingContinuation { continuation in
            condition.withLock {
                pending.append(Entry(fields: fields.objectValue ?? JSONObject(), reviews: reviews, outbox: outbox, continuation: continuation))
                condition.signal()
            }
        }
    }

    public var queueDepth: Int { condition.withLock { pending.count } }
    public var commits: Int { condition.withLock { _commits } }
    public var chainHead: (seq: Int, hash: String) { condition.withLock { (sequence, previous) } }

    func run() {
        while true {
            condition.lock()
            while pending.isEmpty { condition.wait() }
            let entries = pending
            pending = []
            let (seq0, prev0) = (sequence, previous)
            condition.unlock()
            commit(entries, after: seq0, previous: prev0)
        }
    }

    func commit(_ entries: [Entry], after start: Int, previous start0: String) {
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
            }
            for (entry, line) in zip(entries, lines) { entry.continuation.resume(returning: line) }
        } catch {
            for entry in entries { entry.continuation.resume(throwing: error) }
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
