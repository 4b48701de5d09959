// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Bulwark",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BulwarkCore", targets: ["BulwarkCore"]),
        .library(name: "BulwarkRuntime", targets: ["BulwarkRuntime"]),
        .library(name: "BulwarkMCP", targets: ["BulwarkMCP"]),
        .library(name: "BulwarkServer", targets: ["BulwarkServer"]),
        .library(name: "BulwarkStoreSQLite", targets: ["BulwarkStoreSQLite"]),
        .executable(name: "bulwark", targets: ["bulwark"]),
        .executable(name: "bulwark-hook", targets: ["bulwark-hook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        .package(url: "https://github.com/apple/swift-distributed-tracing", from: "1.7.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // OTLP export of the service's traces (HTTP only: no gRPC stack), in the executable only.
        .package(url: "https://github.com/swift-otel/swift-otel", from: "1.6.0", traits: ["OTLPHTTP"]),
    ],
    targets: [
        // The decision engine: pure Swift, no I/O, no third-party dependency.
        .target(name: "BulwarkCore"),
        // Effects around the engine: policies from files (YAML via Yams), session state, the
        // hash-chained audit log (SHA-256 via swift-crypto).
        .target(
            name: "BulwarkRuntime",
            dependencies: ["BulwarkCore", .product(name: "Yams", package: "Yams"), .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The MCP proxy: a stdio relay that judges every tools/call and scans every result.
        .target(name: "BulwarkMCP", dependencies: ["BulwarkCore", "BulwarkRuntime"]),
        // The default store of the decision service: SQLite through GRDB (the system's libsqlite3).
        .target(name: "BulwarkStoreSQLite", dependencies: ["BulwarkCore", "BulwarkRuntime", .product(name: "GRDB", package: "GRDB.swift")]),
        // The decision service's HTTP API on Hummingbird; bcrypt for admin keys.
        .target(
            name: "BulwarkServer",
            dependencies: [
                "BulwarkCore", "BulwarkRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Tracing", package: "swift-distributed-tracing"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Commands shared by the executables: engine options, standard I/O, the fail-closed
        // watchdog and the Claude Code hook (no server, database or telemetry dependency).
        .target(
            name: "BulwarkCLI",
            dependencies: ["BulwarkCore", "BulwarkRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The hook alone, for a fast start per tool call.
        .executableTarget(name: "bulwark-hook", dependencies: ["BulwarkCLI", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "bulwark",
            dependencies: [
                "BulwarkCore",
                "BulwarkRuntime",
                "BulwarkMCP",
                "BulwarkCLI",
                "BulwarkServer",
                "BulwarkStoreSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "OTel", package: "swift-otel"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Stage-by-stage latency harness (see BENCHMARKS.md).
        .executableTarget(name: "stage-benchmarks", dependencies: ["BulwarkCore"], path: "Benchmarks/StageBenchmarks"),
        // Helpers shared by the test targets that start processes.
        .target(name: "BulwarkTestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "BulwarkCoreTests", dependencies: ["BulwarkCore"]),
        .testTarget(name: "BulwarkRuntimeTests", dependencies: ["BulwarkRuntime"]),
        .testTarget(name: "BulwarkMCPTests", dependencies: ["BulwarkMCP", "BulwarkTestSupport"]),
        .testTarget(name: "BulwarkCLITests", dependencies: ["bulwark", "BulwarkTestSupport"]),
        .testTarget(name: "BulwarkStoreSQLiteTests", dependencies: ["BulwarkCore", "BulwarkRuntime", "BulwarkStoreSQLite", "BulwarkTestSupport"]),
        .testTarget(name: "BulwarkServerTests", dependencies: ["BulwarkCore", "BulwarkRuntime", "BulwarkServer", "BulwarkStoreSQLite", "BulwarkTestSupport"]),
    ]
)
