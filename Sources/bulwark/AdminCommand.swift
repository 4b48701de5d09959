import ArgumentParser
import BulwarkCLI
import BulwarkRuntime
import BulwarkServer
import BulwarkStoreSQLite
import Foundation

struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Bootstrap the decision service's credentials in its database.",
        subcommands: [CreateKey.self, RevokeKey.self, CreateAgent.self]
    )

    struct CreateKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-key",
            abstract: "Create an admin API key and print it once (only its bcrypt hash is stored)."
        )

        @Option(help: "SQLite database file of `bulwark serve`.")
        var db: String = "bulwark.db"

        @Option(help: "A note to tell keys apart.")
        var label: String = ""

        func run() async throws {
            let store = try SQLiteStore(path: db)
            let (key, record) = AdminKey.generate(label: label, now: Date().timeIntervalSince1970)
            try await store.saveAdminKey(record)
            StandardIO.write(key + "\n")
            StandardIO.writeError("admin key \(record.id) created; it is not shown again. Send it as `Authorization: Bearer <key>`.\n")
        }
    }

    struct RevokeKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-key",
            abstract: "Revoke an admin API key by its id (printed when the key was created; in the key `bwk_admin_<id>_…`). A running service stops accepting it within 30 seconds."
        )

        @Option(help: "SQLite database file of `bulwark serve`.")
        var db: String = "bulwark.db"

        @Option(help: "The key's id.")
        var id: String

        func run() async throws {
            guard FileManager.default.fileExists(atPath: db) else {
                StandardIO.writeError("bulwark admin revoke-key: no database at \(db)\n")
                throw ExitCode(3)
            }
            let store = try SQLiteStore(path: db)
            guard var record = try await store.adminKey(id) else {
                StandardIO.writeError("bulwark admin revoke-key: no admin key \(id)\n")
                throw ExitCode(1)
            }
            record.revoked = true
            try await store.saveAdminKey(record)
            StandardIO.writeError("admin key \(id) revoked\n")
        }
    }

    struct CreateAgent: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-agent",
            abstract: "Register an agent and print its secret once."
        )

        @Option(help: "SQLite database file of `bulwark serve`.")
        var db: String = "bulwark.db"

        @Option(help: "Agent id (1–64 letters, digits, _ or -).")
        var id: String

        @Option(help: "Roles, comma-separated.")
        var roles: String = ""

        @Flag(help: "Also accept the secret as a bearer token (for Claude Code HTTP hooks, which cannot sign).")
        var allowBearer = false

        func run() async throws {
            let store = try SQLiteStore(path: db)
            do {
                let agent = try await AgentRegistration.register(id: id, roles: roles.split(separator: ",").map(String.init), allowBearer: allowBearer, store: store)
                StandardIO.write(agent.secret + "\n")
                StandardIO.writeError("agent \(id) registered; its secret is not shown again.\n")
            } catch let error as ServiceError {
                StandardIO.writeError("bulwark admin create-agent: \(error.message)\n")
                throw ExitCode(64)
            }
        }
    }
}
