import BulwarkCore
import BulwarkRuntime
import Foundation
import GRDB

/// The default `BulwarkStore`: one SQLite file in WAL mode with `synchronous=FULL`, so a commit
/// that returned survives a crash of the process or the machine. Migrations run on open.
public final class SQLiteStore: BulwarkStore, SynchronousCommit {
    let pool: DatabasePool
    let checkpointer: WALCheckpointer
    public let path: String

    /// Opens (or creates) the database at `path`. The write-ahead log is kept to about
    /// `walFrames` pages, checkpointed every `checkpointInterval` seconds (`WALCheckpointer`).
    public init(path: String, walFrames: Int = 4096, checkpointInterval: TimeInterval = 0.25) throws {
        self.path = path
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // Checkpoints run on their own connection (`WALCheckpointer`), not inside a decision's commit.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
            // A log that a burst made long is cut back to 64 MiB when it restarts.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        configuration.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: configuration)
        // Each commit fsyncs the log before it returns. Set on the pool's one writer connection
        // after the pool opened it: GRDB switches a WAL connection to NORMAL (no fsync at commit,
        // so a power cut could lose answered decisions) after `prepareDatabase` has run.
        try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        try SQLiteMigrations.migrator.migrate(pool)
        // Agent secrets live here: owner-only, also the WAL and shared-memory files.
        for file in [path, path + "-wal", path + "-shm"] { chmod(file, 0o600) }
        // 4,096 frames: 16 MiB of 4 KiB pages, about half a second of commits at 5,000 decisions/s.
        checkpointer = try WALCheckpointer(path: path, limit: walFrames)
        checkpointer.start(interval: checkpointInterval, while: self)
    }

    public func commit(_ batch: CommitBatch) async throws {
        try commitSynchronously(batch)
    }

    public func commitSynchronously(_ batch: CommitBatch) throws {
        guard !batch.isEmpty else { return }
        try pool.writeWithoutTransaction { db in
            checkpointer.finishIfAsked(db)
            try db.inTransaction {
                let insert = try db.cachedStatement(sql: "INSERT INTO audit(seq, line) VALUES (?, ?)")
                for (seq, line) in batch.audit { try insert.execute(arguments: [seq, line]) }
                let upsert = try db.cachedStatement(sql: "INSERT INTO state(key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json")
                for (key, json) in batch.states { try upsert.execute(arguments: [key, json]) }
                for review in batch.reviews { try Self.save(review, db) }
                if !batch.outbox.isEmpty {
                    let enqueue = try db.cachedStatement(sql: "INSERT INTO outbox(webhook, body, next_at) VALUES (?, ?, 0)")
                    for (webhook, body) in batch.outbox { try enqueue.execute(arguments: [webhook, body]) }
                }
                return .commit
            }
        }
    }

    public func auditTail() async throws -> (seq: Int, line: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT seq, line FROM audit ORDER BY seq DESC LIMIT 1").map { ($0["seq"], $0["line"]) }
        }
    }

    public func auditLines(after: Int, limit: Int) async throws -> [(seq: Int, line: String)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT seq, line FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [after, limit]).map { ($0["seq"], $0["line"]) }
        }
    }

    public func state(_ key: String) async throws -> JSONValue? {
        let text: String? = try await pool.read { db in try String.fetchOne(db.cachedStatement(sql: "SELECT json FROM state WHERE key = ?"), arguments: [key]) }
        return try text.map { try JSONParser().parse($0) }
    }

    // MARK: Agents and admin keys

    public func saveAgent(_ agent: AgentRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO agents(id, secret, roles, allow_bearer, created_at, disabled) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET secret = excluded.secret, roles = excluded.roles, allow_bearer = excluded.allow_bearer, disabled = excluded.disabled
                """, arguments: [agent.id, agent.secret, agent.roles.joined(separator: ","), agent.allowBearer, agent.createdAt, agent.disabled])
        }
    }

    public func agent(_ id: String) async throws -> AgentRecord? {
        try await pool.read { db in try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM agents WHERE id = ?"), arguments: [id]).map(Self.agent) }
    }

    public func agents() async throws -> [AgentRecord] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM agents ORDER BY id").map(Self.agent) }
    }

    public func deleteAgent(_ id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM agents WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    static func agent(_ row: Row) -> AgentRecord {
        let roles: String = row["roles"]
        return AgentRecord(id: row["id"], secret: row["secret"], roles: roles.split(separator: ",").map(String.init), allowBearer: row["allow_bearer"], createdAt: row["created_at"], disabled: row["disabled"])
    }

    public func saveAdminKey(_ key: AdminKeyRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO admin_keys(id, hash, label, created_at, revoked) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET hash = excluded.hash, label = excluded.label, revoked = excluded.revoked
                """, arguments: [key.id, key.hash, key.label, key.createdAt, key.revoked])
        }
    }

    public func adminKey(_ id: String) async throws -> AdminKeyRecord? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM admin_keys WHERE id = ?", arguments: [id]).map {
                AdminKeyRecord(id: $0["id"], hash: $0["hash"], label: $0["label"], createdAt: $0["created_at"], revoked: $0["revoked"])
            }
        }
    }

    // MARK: Reviews

    public func saveReview(_ review: ReviewRecord) async throws {
        try await pool.write { db in try Self.save(review, db) }
    }

    public func review(_ id: String) async throws -> ReviewRecord? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM reviews WHERE id = ?", arguments: [id]).flatMap(Self.review) }
    }

    public func openReview(agent: String, actionSHA256: String) async throws -> ReviewRecord? {
        try await pool.read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM reviews WHERE agent = ? AND action_sha256 = ? AND status IN ('pending', 'approved', 'denied') ORDER BY created_at DESC LIMIT 1"), arguments: [agent, actionSHA256]).flatMap(Self.review)
        }
    }

    public func reviews(status: ReviewRecord.Status?, limit: Int) async throws -> [ReviewRecord] {
        try await pool.read { db in
            let rows = if let status {
                try Row.fetchAll(db, sql: "SELECT * FROM reviews WHERE status = ? ORDER BY created_at DESC LIMIT ?", arguments: [status.rawValue, limit])
            } else {
                try Row.fetchAll(db, sql: "SELECT * FROM reviews ORDER BY created_at DESC LIMIT ?", arguments: [limit])
            }
            return rows.compactMap(Self.review)
        }
    }

    static func save(_ r: ReviewRecord, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO reviews(id, agent, session, action_sha256, tool, verdict, status, created_at, expires_at, decided_by, reason, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET status = excluded.status, decided_by = excluded.decided_by, reason = excluded.reason, decided_at = excluded.decided_at
            """).execute(arguments: [r.id, r.agent, r.session, r.actionSHA256, r.tool, r.verdict, r.status.rawValue, r.createdAt, r.expiresAt, r.decidedBy, r.reason, r.decidedAt])
    }

    static func review(_ row: Row) -> ReviewRecord? {
        guard let status = ReviewRecord.Status(rawValue: row["status"]) else { return nil }
        return ReviewRecord(id: row["id"], agent: row["agent"], session: row["session"], actionSHA256: row["action_sha256"], tool: row["tool"], verdict: row["verdict"], status: status, createdAt: row["created_at"], expiresAt: row["expires_at"], decidedBy: row["decided_by"], reason: row["reason"], decidedAt: row["decided_at"])
    }

    // MARK: Webhooks

    public func saveWebhook(_ w: WebhookRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO webhooks(id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?)", arguments: [w.id, w.url, w.secret, w.events.joined(separator: ","), w.createdAt])
        }
    }

    public func webhooks() async throws -> [WebhookRecord] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM webhooks ORDER BY created_at").map {
                let events: String = $0["events"]
                return WebhookRecord(id: $0["id"], url: $0["url"], secret: $0["secret"], events: events.split(separator: ",").map(String.init), createdAt: $0["created_at"])
            }
        }
    }

    public func deleteWebhook(_ id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM webhooks WHERE id = ?", arguments: [id])
            let deleted = db.changesCount > 0
            try db.execute(sql: "DELETE FROM outbox WHERE webhook = ?", arguments: [id])
            return deleted
        }
    }

    public func dueDeliveries(now: Double, limit: Int) async throws -> [OutboxItem] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = 'pending' AND next_at <= ? ORDER BY id LIMIT ?", arguments: [now, limit]).map(Self.outboxItem)
        }
    }

    public func deliveryFinished(_ id: Int, delivered: Bool, attempts: Int, nextAt: Double?) async throws {
        try await pool.write { db in
            if delivered {
                try db.execute(sql: "DELETE FROM outbox WHERE id = ?", arguments: [id])
            } else if let nextAt {
                try db.execute(sql: "UPDATE outbox SET attempts = ?, next_at = ? WHERE id = ?", arguments: [attempts, nextAt, id])
            } else {
                try db.execute(sql: "UPDATE outbox SET attempts = ?, status = 'failed' WHERE id = ?", arguments: [attempts, id])
            }
        }
    }

    public func pendingDeliveryCount() async throws -> Int {
        try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE status = 'pending'") ?? 0 }
    }

    public func failedDeliveries(limit: Int) async throws -> [OutboxItem] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM outbox WHERE status = 'failed' ORDER BY id LIMIT ?", arguments: [limit]).map(Self.outboxItem)
        }
    }

    static func outboxItem(_ row: Row) -> OutboxItem {
        OutboxItem(id: row["id"], webhook: row["webhook"], body: row["body"], attempts: row["attempts"], nextAt: row["next_at"])
    }

    // MARK: Policies

    public func addPolicy(yaml: String, by: String, at: Double) async throws -> Int {
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO policies(yaml, created_at, created_by) VALUES (?, ?, ?)", arguments: [yaml, at, by])
            return Int(db.lastInsertedRowID)
        }
    }

    public func policyVersion(_ version: Int) async throws -> PolicyVersion? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM policies WHERE version = ?", arguments: [version]).map(Self.policy) }
    }

    public func policyVersions(limit: Int) async throws -> [PolicyVersion] {
        try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM policies ORDER BY version DESC LIMIT ?", arguments: [limit]).map(Self.policy) }
    }

    public func activatePolicy(_ version: Int) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE policies SET active = (version = ?)", arguments: [version])
        }
    }

    public func activePolicy() async throws -> PolicyVersion? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM policies WHERE active = 1").map(Self.policy) }
    }

    static func policy(_ row: Row) -> PolicyVersion {
        PolicyVersion(version: row["version"], yaml: row["yaml"], createdAt: row["created_at"], createdBy: row["created_by"], active: row["active"])
    }

    // MARK: Tools

    public func saveTool(_ t: ToolRecord) async throws {
        try await pool.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO tools(name, description, input_schema, created_at) VALUES (?, ?, ?, ?)", arguments: [t.name, t.description, JSONWriter.string(t.inputSchema), t.createdAt])
        }
    }

    public func tools() async throws -> [ToolRecord] {
        let rows = try await pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM tools ORDER BY name") }
        return rows.compactMap { row in
            let schema: String = row["input_schema"]
            guard let json = try? JSONParser().parse(schema) else { return nil }
            return ToolRecord(name: row["name"], description: row["description"], inputSchema: json, createdAt: row["created_at"])
        }
    }

    public func deleteTool(_ name: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM tools WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }
}
