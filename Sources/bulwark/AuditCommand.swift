import ArgumentParser
import Foundation
import BulwarkCLI
import BulwarkRuntime
import BulwarkStoreSQLite

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with audit files.",
        subcommands: [Verify.self, Export.self]
    )

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an audit chain (a JSONL file, or the service's database) and name the first broken record.",
            discussion: "Exit status 0 when the chain verifies, 1 when it is broken, 3 when it cannot be read."
        )

        @Argument(help: "The JSONL audit file (omit with --db).")
        var file: String?

        @Option(help: "The SQLite database of `bulwark serve`.")
        var db: String?

        func validate() throws {
            guard (file == nil) != (db == nil) else { throw ValidationError("give an audit file or --db, not both") }
        }

        func run() async throws {
            let report: AuditVerifier.Report
            let file = file ?? db ?? ""
            do {
                if let db {
                    // Opening a missing path would create an empty database that "verifies".
                    guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
                    report = try await SQLiteStore(path: db).verifyAudit()
                } else {
                    report = try AuditVerifier.verify(path: file)
                }
            } catch {
                StandardIO.writeError("bulwark audit verify: \(error)\n")
                throw ExitCode(3)
            }
            if let broken = report.broken {
                StandardIO.write("\(file): chain broken at record \(broken.line): \(broken.reason) (\(report.verified) record(s) before it verify)\n")
                throw ExitCode(1)
            }
            StandardIO.write("\(file): \(report.verified) record(s), chain verifies\n")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the service database's audit chain as JSONL (verify it with `bulwark audit verify FILE`)."
        )

        @Option(help: "The SQLite database of `bulwark serve`.")
        var db: String

        func run() async throws {
            do {
                guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
                try await SQLiteStore(path: db).exportAudit { StandardIO.write($0) }
            } catch {
                StandardIO.writeError("bulwark audit export: \(error)\n")
                throw ExitCode(3)
            }
        }
    }
}
