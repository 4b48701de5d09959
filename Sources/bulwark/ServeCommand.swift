import ArgumentParser
import BulwarkCLI
import BulwarkCore
import BulwarkRuntime
import BulwarkServer
import BulwarkStoreSQLite
import Foundation
import Hummingbird
import Logging
import OTel
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP decision service (API in openapi.yaml, served at /openapi.yaml).",
        discussion: """
            Create the first admin key with `bulwark admin create-key --db FILE` and agents with
            `bulwark admin create-agent` or POST /v1/agents. There are no default credentials.
            Exit status: 0 after SIGINT/SIGTERM, 64 on bad usage, 74 when the database cannot be opened.
            """
    )

    @OptionGroup var options: EngineOptions

    @Option(help: "SQLite database file (created, WAL mode, migrated on start).")
    var db: String = "bulwark.db"

    @Option(help: "Address to bind. The default accepts loopback connections only.")
    var bind: String = "127.0.0.1"

    @Option(help: "TCP port (0: any free port, printed on start).")
    var port: Int = 8700

    @Option(help: "Largest request body accepted, in bytes.")
    var maxBody: Int = 1 << 20

    @Option(help: "Seconds before a pending review expires.")
    var reviewTtl: Double = 3_600

    @Option(help: "Seconds a signed request's timestamp may differ from the server's clock.")
    var replayWindow: Double = 300

    @Option(help: "Calls per agent and tool per minute across sessions, high-risk calls counting 10 (0: no budget).")
    var agentBudget: Double = 120

    @Option(help: "Microseconds a group commit may wait for decisions still being judged, so that they share its fsync (0: commit at once). BENCHMARKS.md has measurements: it helped on a contended machine and cost as much otherwise.")
    var commitDelay: Int = 0

    @Option(help: "Export a trace per decision (a span per pipeline stage) over OTLP/HTTP to this collector, e.g. http://127.0.0.1:4318. Without it, setting OTEL_EXPORTER_OTLP_ENDPOINT (or _TRACES_ENDPOINT) turns tracing on too.")
    var otlpEndpoint: String?

    @Option(help: "OTLP encoding: protobuf or json.")
    var otlpProtocol: String = "protobuf"

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0…65535") }
        guard maxBody >= 1_024 else { throw ValidationError("--max-body must be at least 1024") }
        guard ["protobuf", "json"].contains(otlpProtocol) else { throw ValidationError("--otlp-protocol must be protobuf or json") }
        guard (0...100_000).contains(commitDelay) else { throw ValidationError("--commit-delay must be 0…100000 microseconds") }
        guard agentBudget >= 0 else { throw ValidationError("--agent-budget must be 0 or more") }
        guard reviewTtl > 0, replayWindow > 0 else { throw ValidationError("--review-ttl and --replay-window must be positive") }
    }

    func run() async throws {
        let engineConfiguration: EngineConfiguration
        let workspace: Policy?
        do {
            (engineConfiguration, workspace) = try options.parts()
        } catch {
            throw ValidationError(error is PolicyError ? "policy: \(error)" : "\(error)")
        }
        let engine = Engine(configuration: engineConfiguration, workspace: workspace)
        let store: SQLiteStore
        do {
            store = try SQLiteStore(path: db)
        } catch {
            StandardIO.writeError("bulwark serve: cannot open the database \(db): \(error)\n")
            throw ExitCode(74)
        }
        var configuration = ServiceConfiguration()
        configuration.host = bind
        configuration.port = port
        configuration.maxBodyBytes = maxBody
        configuration.reviewTTL = reviewTtl
        configuration.replayWindow = replayWindow
        configuration.indicatorFeeds = options.indicatorFeeds
        configuration.agentBudgetPerMinute = agentBudget
        configuration.commitDelay = .microseconds(commitDelay)
        var observability: (any Service)?
        // The flag, or the standard variables alone, turn tracing on (the variables then also
        // configure the exporter: swift-otel reads them).
        let environment = ProcessInfo.processInfo.environment
        let fromEnvironment = ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_ENDPOINT"].contains { environment[$0]?.isEmpty == false }
        if otlpEndpoint != nil || fromEnvironment {
            var otel = OTel.Configuration.default
            otel.serviceName = "bulwark"
            otel.logs.enabled = false
            otel.metrics.enabled = false
            otel.traces.exporter = .otlp
            if let otlpEndpoint { otel.traces.otlpExporter.endpoint = otlpEndpoint }
            otel.traces.otlpExporter.protocol = otlpProtocol == "json" ? .httpJSON : .httpProtobuf
            otel.traces.batchSpanProcessor.scheduleDelay = .seconds(1)
            observability = try OTel.bootstrap(configuration: otel)
            configuration.tracing = true
        }
        var logger = Logger(label: "bulwark")
        logger.logLevel = .info
        let host = bind
        let database = db
        let app = try await ServiceRunner.application(store: store, engine: engine, workspace: workspace, configuration: configuration, logger: logger, services: observability.map { [$0] } ?? []) { port in
            StandardIO.writeError("bulwark serve: listening on http://\(host):\(port) (database \(database))\n")
        }
        try await app.runService()
    }
}
