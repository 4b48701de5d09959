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
            discussion: """
                Exit status 0 when the chain verifies, 1 when it is broken (or does not match --anchor), 3 when it cannot be read. \
                A chain checked alone cannot show records removed from its end: keep the head this command prints \
                (SEQ:SHA256) somewhere else, and pass it as --anchor next time.
                """
        )

        @Argument(help: "The JSONL audit file (omit with --db).")
        var file: String?

        @Option(help: "The SQLite database of `bulwark serve`.")
        var db: String?

        @Option(help: "SEQ:SHA256 printed by an earlier run: record SEQ must still be there, unchanged.")
        var anchor: String?

        func validate() throws {
            guard (file == nil) != (db == nil) else { throw ValidationError("give an audit file or --db, not both") }
            if let anchor, Self.parse(anchor) == nil { throw ValidationError("--anchor is SEQ:SHA256, as printed by an earlier `bulwark audit verify`") }
        }

        static func parse(_ anchor: String) -> (seq: Int, hash: String)? {
            let parts = anchor.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let seq = Int(parts[0]), seq >= 1, parts[1].utf8.count == 64 else { return nil }
            return (seq, String(parts[1]).lowercased())
        }

        func run() async throws {
            let report: AuditVerifier.Report
            let file = file ?? db ?? ""
            do {
                if let db {
                    // Opening a missing path would create an empty database that "verifies".
                    guard FileManager.default.fileExists(atPath: db) else { throw ValidationError("no database at \(db)") }
                    report = try await SQLiteStore(path: db).verifyAudit(watch: anchor.flatMap(Self.parse)?.seq)
                } else {
                    report = try AuditVerifier.verify(path: file, watch: anchor.flatMap(Self.parse)?.seq)
                }
            } catch {
                StandardIO.writeError("bulwark audit verify: \(error)\n")
                throw ExitCode(3)
            }
            if let broken = report.broken {
                StandardIO.write("\(file): chain broken at record \(broken.line): \(broken.reason) (\(report.verified) record(s) before it verify)\n")
                throw ExitCode(1)
            }
            if let anchor = anchor.flatMap(Self.parse) {
                guard report.verified >= anchor.seq else {
                    StandardIO.write("\(file): \(report.verified) record(s), fewer than the anchor's \(anchor.seq): records were removed from the end of the chain\n")
                    throw ExitCode(1)
                }
                guard report.watched == anchor.hash else {
                    StandardIO.write("\(file): record \(anchor.seq) is not the one anchored (its SHA-256 differs): the chain was rewritten from there\n")
                    throw ExitCode(1)
                }
            }
            StandardIO.write("\(file): \(report.verified) record(s), chain verifies\(anchor == nil ? "" : ", anchor \(anchor!) included"); head \(report.verified):\(report.head)\n")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the service database's audit chain as JSONL (verify it with `bulwark audit verify FILE`)."
        )

        @OptionGroup var database: ServiceDatabase

        func run() async throws {
            let store = try database.open(existing: "audit export")
            do {
                try await store.exportAudit { StandardIO.write($0) }
            } catch {
                StandardIO.writeError("bulwark audit export: \(error)\n")
                throw ExitCode(3)
            }
        }
    }
}
