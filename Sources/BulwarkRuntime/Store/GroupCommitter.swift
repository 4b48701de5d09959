import BulwarkCore
import Foundation

/// Appends audit records to a `BulwarkStore` durably and in chain order, batching concurrent
/// appends into one transaction (group commit): while one commit is in flight, new records
/// queue up and go together in the next. A caller's `append` returns only after its record is
/// committed, so a decision is never answered before it is durable; a failed commit fails every
/// record in it and leaves the chain where it was.
///
/// Each record is one JSON line: `seq`, `prev` (SHA-256 of the previous line, `AuditChain`),
/// `time_us`, then the caller's fields — the same format as the audit file of the MCP proxy,
/// so `AuditVerifier` checks both.
public actor GroupCommitter {
    struct Entry {
        var fields: JSONObject
        var reviews: [ReviewRecord]
        var continuation: CheckedContinuation<String, any Error>
    }

    let store: any BulwarkStore
    /// Serialized states changed since the last commit, taken at the start of each commit.
    let dirtyStates: @Sendable () -> [(key: String, json: String)]
    var previous = AuditChain.genesis
    var sequence = 0
    var pending: [Entry] = []
    var flushing = false
    public private(set) var commits = 0
    public private(set) var largestBatch = 0

    public init(store: any BulwarkStore, dirtyStates: @escaping @Sendable () -> [(key: String, json: String)] = { [] }) {
        self.store = store
        self.dirtyStates = dirtyStates
    }

    /// Continues the chain stored so far; call once before the first append.
    public func resume() async throws {
        if let tail = try await store.auditTail() {
            sequence = tail.seq
            previous = AuditChain.hash(tail.line.utf8)
        }
    }

    /// Appends one record (and review changes that must be durable with it); returns its line.
    @discardableResult
    public func append(_ fields: JSONValue, reviews: [ReviewRecord] = []) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Entry(fields: fields.objectValue ?? JSONObject(), reviews: reviews, continuation: continuation))
            if !flushing {
                flushing = true
                Task { await flush() }
            }
        }
    }

    public var queueDepth: Int { pending.count }
    public var chainHead: (seq: Int, hash: String) { (sequence, previous) }

    func flush() async {
        while !pending.isEmpty {
            let entries = pending
            pending = []
            var batch = CommitBatch()
            var prev = previous
            var seq = sequence
            var lines: [String] = []
            lines.reserveCapacity(entries.count)
            let time = Double(Int(Date().timeIntervalSince1970 * 1_000_000))
            for entry in entries {
                seq += 1
                var record = JSONObject()
                record["seq"] = .number(Double(seq))
                record["prev"] = .string(prev)
                record["time_us"] = .number(time)
                for (key, value) in entry.fields.entries { record[key] = value }
                let line = JSONWriter.string(.object(record))
                prev = AuditChain.hash(line.utf8)
                batch.audit.append((seq, line))
                batch.reviews += entry.reviews
                lines.append(line)
            }
            batch.states = dirtyStates()
            do {
                try await store.commit(batch)
                previous = prev
                sequence = seq
                commits += 1
                largestBatch = max(largestBatch, entries.count)
                for (entry, line) in zip(entries, lines) { entry.continuation.resume(returning: line) }
            } catch {
                for entry in entries { entry.continuation.resume(throwing: error) }
            }
        }
        flushing = false
    }
}
