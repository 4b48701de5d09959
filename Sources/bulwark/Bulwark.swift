import ArgumentParser
import BulwarkCLI

@main
struct Bulwark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulwark",
        abstract: "A zero-trust security runtime for AI agents: judge each action before it runs.",
        version: "0.1.0",
        subcommands: [InspectCommand.self, ScanCommand.self, HookCommand.self, MCPProxyCommand.self, AuditCommand.self, EvalCommand.self, BenchCommand.self, PolicyCommand.self, ServeCommand.self, AdminCommand.self]
    )
}
