import ArgumentParser
import BulwarkCLI
import BulwarkCore
import BulwarkMCP
import Foundation

struct MCPProxyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mcp-proxy",
        abstract: "Wrap a stdio MCP server: judge every tools/call, screen every result, audit every decision.",
        discussion: """
            The client talks to this process on stdin/stdout; the server command after `--` is started as a
            child and talks to Bulwark. Blocked calls are answered with an isError CallToolResult that tells
            the model why. The server's stderr is passed through; Bulwark's own notes go to stderr too.

            Exit status: the server's exit status once it exits (128 + N when signal N ended it), 69 when
            the server cannot be started, 74 when the audit file cannot be opened, 64 on a usage error.

            Example:
              bulwark mcp-proxy --audit audit.jsonl --policy policy.yaml -- npx -y @modelcontextprotocol/server-filesystem ~/project
            """
    )

    @OptionGroup var options: EngineOptions

    @Option(help: "Append every decision to this JSONL file, hash-chained (check it with `bulwark audit verify`).")
    var audit: String?

    @Flag(help: "fsync the audit file after every record (survives power loss; slower).")
    var auditSync = false

    @Option(help: "A call the engine sends to review, with no review service: refuse it, or allow it and flag it in the audit (audit-only mode).")
    var onReview: String = "refuse"

    @Option(help: "A tool result with prompt injection: allow, flag, redact or block.")
    var onInjection: String = "block"

    @Option(help: "A tool result with a secret: allow, flag, redact or block.")
    var onSecret: String = "redact"

    @Option(help: "A tool result with personal data: allow, flag, redact or block.")
    var onPii: String = "allow"

    @Option(help: "Calls to one tool per minute from which calls go to review (0: no limit).")
    var rateLimit: Int = 120

    @Option(help: "A `bulwark serve` URL that holds calls sent to review until a human decides (replaces --on-review).")
    var reviewService: String?

    @Option(help: "The agent id the proxy signs as at the review service; its secret is read from $BULWARK_AGENT_SECRET.")
    var reviewAgent: String?

    @Option(help: "Seconds a held call waits for a reviewer before it is refused.")
    var reviewWait: Double = 120

    @Option(help: "Longest JSON-RPC line accepted in either direction, in bytes.")
    var maxLine: Int = 16 << 20

    @Option(help: "Seconds to wait for the server after the client disconnects, before SIGTERM, and again before SIGKILL.")
    var shutdownGrace: Double = 2

    @Argument(parsing: .postTerminator, help: "The MCP server command, after `--`.")
    var server: [String] = []

    func validate() throws {
        guard !server.isEmpty else { throw ValidationError("give the server command after `--`, e.g. bulwark mcp-proxy -- python server.py") }
        guard ProxyConfiguration.ReviewMode(rawValue: onReview) != nil else { throw ValidationError("--on-review must be refuse or allow") }
        for (name, value) in [("--on-injection", onInjection), ("--on-secret", onSecret), ("--on-pii", onPii)] where ProxyConfiguration.ResultAction(rawValue: value) == nil {
            throw ValidationError("\(name) must be allow, flag, redact or block")
        }
        guard rateLimit >= 0 else { throw ValidationError("--rate-limit must be 0 or more") }
        guard maxLine >= 1024 else { throw ValidationError("--max-line must be at least 1024") }
        if reviewService != nil {
            guard reviewAgent != nil else { throw ValidationError("--review-service needs --review-agent (and the agent's secret in $BULWARK_AGENT_SECRET)") }
            guard ProcessInfo.processInfo.environment["BULWARK_AGENT_SECRET"]?.isEmpty == false else { throw ValidationError("set BULWARK_AGENT_SECRET to the review agent's secret") }
            guard reviewWait > 0, reviewWait <= 120 else { throw ValidationError("--review-wait must be between 0 and 120 seconds") }
        }
        guard shutdownGrace >= 0, shutdownGrace <= 600 else { throw ValidationError("--shutdown-grace must be between 0 and 600 seconds") }
    }

    func run() throws {
        var configuration = ProxyConfiguration()
        do {
            (configuration.engine, configuration.workspace) = try options.parts()
        } catch {
            throw ValidationError(error is PolicyError ? "policy: \(error)" : "\(error)")
        }
        configuration.engine.maxCallsPerToolPerWindow = rateLimit
        configuration.reviewMode = ProxyConfiguration.ReviewMode(rawValue: onReview)!
        configuration.onInjection = ProxyConfiguration.ResultAction(rawValue: onInjection)!
        configuration.onSecret = ProxyConfiguration.ResultAction(rawValue: onSecret)!
        configuration.onPII = ProxyConfiguration.ResultAction(rawValue: onPii)!
        configuration.auditPath = audit
        configuration.auditSync = auditSync
        configuration.maxLine = maxLine
        configuration.shutdownGrace = shutdownGrace
        if let reviewService, let reviewAgent {
            configuration.reviewService = ReviewServiceClient(url: reviewService, agent: reviewAgent, secret: ProcessInfo.processInfo.environment["BULWARK_AGENT_SECRET"] ?? "", waitSeconds: reviewWait)
        }
        let proxy: MCPProxy
        do {
            proxy = try MCPProxy(command: server, configuration: configuration)
        } catch {
            StandardIO.writeError("bulwark mcp-proxy: \(error)\n")
            throw ExitCode(MCPProxy.exitAuditFailure)
        }
        throw ExitCode(proxy.run())
    }
}
