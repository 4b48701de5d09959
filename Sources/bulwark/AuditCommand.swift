import ArgumentParser
import BulwarkRuntime

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with audit files.",
        subcommands: [Verify.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check an audit file's hash chain and name the first broken record.",
            discussion: "Exit status 0 when the chain verifies, 1 when it is broken, 3 when the file cannot be read."
        )

        @Argument(help: "The JSONL audit file.")
        var file: String

        func run() throws {
            let report: AuditVerifier.Report
            do {
                report = try AuditVerifier.verify(path: file)
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
}
