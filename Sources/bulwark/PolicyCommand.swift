import ArgumentParser
import BulwarkCLI
import BulwarkCore
import BulwarkRuntime

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with workspace policies.",
        subcommands: [PolicyLintCommand.self, PolicyTestCommand.self]
    )
}

struct PolicyLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a policy file: YAML syntax, known fields, types and values. Errors name file, line and column.",
        discussion: "Exit status 0 when the policy is valid, 1 when it is not."
    )

    @Argument(help: "Policy file (YAML).")
    var file: String

    func run() throws {
        do {
            let policy = try PolicyLoader.load(contentsOf: file)
            StandardIO.write("\(file): ok (policy \(policy.name): \(policy.agents.count) agents, \(policy.roles.count) roles, \(policy.allowedDomains.count + policy.deniedDomains.count) domain patterns, \(policy.deniedPaths.count + policy.reviewPaths.count) path patterns)\n")
        } catch {
            StandardIO.writeError(error.description + "\n")
            throw ExitCode(1)
        }
    }
}

struct PolicyTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a policy's test cases (a YAML file naming the policy and input → expected decision cases).",
        discussion: "Prints one line per case and a closing `N passed, N failed` line; exit status 1 when a case fails or a file is invalid."
    )

    @Argument(help: "Test file(s) (YAML).")
    var files: [String]

    func run() throws {
        var passed = 0, failed = 0
        for file in files {
            do {
                let suite = try PolicyTestSuite.load(contentsOf: file)
                for outcome in try suite.run() {
                    if outcome.passed {
                        passed += 1
                        StandardIO.write("PASS \(file): \(outcome.name)\n")
                    } else {
                        failed += 1
                        let rules = outcome.actual.findings.map(\.rule.rawValue).joined(separator: ", ")
                        StandardIO.write("FAIL \(file): \(outcome.name): expected \(outcome.expected.rawValue), got \(outcome.actual.decision.rawValue) (risk \(outcome.actual.risk); \(outcome.actual.error ?? rules))\n")
                    }
                }
            } catch {
                failed += 1
                StandardIO.writeError(error.description + "\n")
            }
        }
        StandardIO.write("\(passed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitCode(1) }
    }
}
