import ArgumentParser
import BulwarkCLI

/// `bulwark-hook claude-code`: the Claude Code hook alone, in a small executable that starts
/// in a few milliseconds (the full `bulwark` links the HTTP server, SQLite and OpenTelemetry,
/// which triple a one-shot process's start-up time). Same behaviour as `bulwark hook claude-code`.
@main
struct BulwarkHook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulwark-hook",
        abstract: "Agent hook integrations (the hook subcommands of `bulwark`, in a lean executable).",
        subcommands: [ClaudeCodeHook.self]
    )
}
