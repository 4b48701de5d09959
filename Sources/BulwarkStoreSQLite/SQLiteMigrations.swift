import GRDB

/// The schema, one migration per change; applied in order when a store opens. Never edit a
/// migration that has shipped: add the next one.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            // The audit chain: each line carries the SHA-256 of the previous one.
            try db.execute(sql: "CREATE TABLE audit (seq INTEGER PRIMARY KEY, line TEXT NOT NULL)")
            // Session states and agent profiles, as JSON.
            try db.execute(sql: "CREATE TABLE state (key TEXT PRIMARY KEY, json TEXT NOT NULL)")
            try db.execute(sql: """
                CREATE TABLE agents (id TEXT PRIMARY KEY, secret TEXT NOT NULL, roles TEXT NOT NULL,
                  allow_bearer INTEGER NOT NULL, created_at REAL NOT NULL, disabled INTEGER NOT NULL)
                """)
            try db.execute(sql: """
                CREATE TABLE admin_keys (id TEXT PRIMARY KEY, hash TEXT NOT NULL, label TEXT NOT NULL,
                  created_at REAL NOT NULL, revoked INTEGER NOT NULL)
                """)
            try db.execute(sql: """
                CREATE TABLE reviews (id TEXT PRIMARY KEY, agent TEXT NOT NULL, session TEXT NOT NULL,
                  action_sha256 TEXT NOT NULL, tool TEXT NOT NULL, verdict TEXT NOT NULL, status TEXT NOT NULL,
                  created_at REAL NOT NULL, expires_at REAL NOT NULL, decided_by TEXT, reason TEXT, decided_at REAL)
                """)
            try db.execute(sql: "CREATE INDEX reviews_by_status ON reviews(status, created_at)")
            try db.execute(sql: "CREATE INDEX reviews_by_action ON reviews(agent, action_sha256, status)")
        }
        m.registerMigration("v2-webhooks") { db in
            try db.execute(sql: "CREATE TABLE webhooks (id TEXT PRIMARY KEY, url TEXT NOT NULL, secret TEXT NOT NULL, events TEXT NOT NULL, created_at REAL NOT NULL)")
            // status: pending, failed (given up). Delivered items are deleted.
            try db.execute(sql: """
                CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, webhook TEXT NOT NULL, body TEXT NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL, status TEXT NOT NULL DEFAULT 'pending')
                """)
            try db.execute(sql: "CREATE INDEX outbox_due ON outbox(status, next_at)")
        }
        m.registerMigration("v3-policies") { db in
            try db.execute(sql: """
                CREATE TABLE policies (version INTEGER PRIMARY KEY AUTOINCREMENT, yaml TEXT NOT NULL, created_at REAL NOT NULL,
                  created_by TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 0)
                """)
        }
        m.registerMigration("v4-tools") { db in
            try db.execute(sql: "CREATE TABLE tools (name TEXT PRIMARY KEY, description TEXT NOT NULL, input_schema TEXT NOT NULL, created_at REAL NOT NULL)")
        }
        return m
    }
}
