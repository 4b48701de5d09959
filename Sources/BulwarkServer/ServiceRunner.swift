import BulwarkCore
import BulwarkRuntime
import Foundation
import Hummingbird
import Logging
import NIOPosix
import ServiceLifecycle

/// Runs `bulwark serve`: the API on Hummingbird over a store, until SIGINT or SIGTERM.
public enum ServiceRunner {
    /// Builds the application; `services` run alongside it (the OTLP exporter); `onListening`
    /// receives the bound port (useful with port 0).
    public static func application(store: any BulwarkStore, engine: Engine, workspace: Policy? = nil, configuration: ServiceConfiguration, logger: Logger, services: [any Service] = [], onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws -> some ApplicationProtocol {
        let service = try await DecisionService(store: store, engine: engine, workspace: workspace, configuration: configuration, logger: logger)
        let authenticator = Authenticator(store: store, replayWindow: configuration.replayWindow)
        let api = API(service: service, authenticator: authenticator)
        return Application(
            router: api.router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [SlowBodyGuard(timeout: .milliseconds(Int64(configuration.bodyTimeout * 1_000)))],
                idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "bulwark"),
            services: services,
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? configuration.port) },
            eventLoopGroupProvider: configuration.eventLoopThreads > 0 ? .shared(MultiThreadedEventLoopGroup(numberOfThreads: configuration.eventLoopThreads)) : .singleton,
            logger: logger
        )
    }
}
