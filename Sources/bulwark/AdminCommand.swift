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

        @OptionGroup var database: ServiceDatabase

        @Option(help: "A note to tell keys apart.")
        var label: String = ""

        func run() async throws {
            let store = try database.open()
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

        @OptionGroup var database: ServiceDatabase

        @Option(help: "The key's id.")
        var id: String

        func run() async throws {
            let store = try database.open(existing: "admin revoke-key")
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

        @OptionGroup var database: ServiceDatabase

        @Option(help: "Agent id (1–64 letters, digits, _ or -).")
        var id: String

        @Option(help: "Roles, comma-separated.")
        var roles: String = ""

        @Flag(help: "Also accept the secret as a bearer token (for Claude Code HTTP hooks, which cannot sign).")
        var allowBearer = false

        func run() async throws {
            let store = try database.open()
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

/// The `--db` option of the commands that work on `bulwark serve`'s database.
struct ServiceDatabase: ParsableArguments {
    @Option(help: "SQLite database file of `bulwark serve`.")
    var db: String = "bulwark.db"

    /// Opens the database, creating it if needed; with `existing` (the command's name), a
    /// missing file is an error (exit 3) instead of a new, empty database.
    func open(existing command: String? = nil) throws -> SQLiteStore {
        if let command, !FileManager.default.fileExists(atPath: db) {
            StandardIO.writeError("bulwark \(command): no database at \(db)\n")
            throw ExitCode(3)
        }
        return try SQLiteStore(path: db)
    }
}
