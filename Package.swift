// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Bulwark",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "BulwarkCore", targets: ["BulwarkCore"]),
        .library(name: "BulwarkRuntime", targets: ["BulwarkRuntime"]),
        .executable(name: "bulwark", targets: ["bulwark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The decision engine: pure Swift, no I/O, no third-party dependency.
        .target(name: "BulwarkCore"),
        // Effects around the engine: loading policies from files (YAML via Yams).
        .target(
            name: "BulwarkRuntime",
            dependencies: ["BulwarkCore", .product(name: "Yams", package: "Yams")]
        ),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "bulwark",
            dependencies: [
                "BulwarkCore",
                "BulwarkRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Stage-by-stage latency harness (see BENCHMARKS.md).
        .executableTarget(name: "stage-benchmarks", dependencies: ["BulwarkCore"], path: "Benchmarks/StageBenchmarks"),
        .testTarget(name: "BulwarkCoreTests", dependencies: ["BulwarkCore"]),
        .testTarget(name: "BulwarkRuntimeTests", dependencies: ["BulwarkRuntime"]),
        .testTarget(name: "BulwarkCLITests", dependencies: ["bulwark"]),
    ]
)
