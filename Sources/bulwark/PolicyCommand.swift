import ArgumentParser
import BulwarkCore
import BulwarkRuntime

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Work with workspace policies.",
        subcommands: [PolicyLintCommand.self]
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
