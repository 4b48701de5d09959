import BulwarkTestSupport
import Foundation

/// `bulwark serve` as a child process over a database file, for tests that kill it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int

    static func binary() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for dir in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let path = dir.appendingPathComponent("bulwark").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        struct Missing: Error {}
        throw Missing()
    }

    /// Runs blocking work (starting a process, reading its pipes, waiting for it) on a thread of
    /// its own: on the cooperative pool (two threads on a 2-core machine) it would stall the
    /// in-process servers of the tests running alongside.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `bulwark ARGS…` to completion; returns stdout.
    static func run(_ arguments: [String]) async throws -> (status: Int32, stdout: String) {
        try await offPool { try runBlocking(arguments) }
    }

    /// Starts `bulwark serve` on `db` and waits for its port.
    static func start(db: String, extra: [String] = [], environment: [String: String] = [:]) async throws -> ServeProcess {
        try await offPool { try ServeProcess(db: db, extra: extra, environment: environment) }
    }

    static func runBlocking(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        return (p.reapExitStatus(), String(decoding: data, as: UTF8.self))
    }

    private init(db: String, extra: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: try Self.binary())
        process.arguments = ["serve", "--db", db, "--port", "0"] + extra
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // "bulwark serve: listening on http://127.0.0.1:PORT (database …)"
        var text = ""
        let handle = errors.fileHandleForReading
        let deadline = Date().addingTimeInterval(30)
        while !text.contains(" (database"), Date() < deadline {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        // Other lines may name loopback addresses too (swift-otel logs its configured endpoint).
        guard let range = text.range(of: #"listening on http://127\.0\.0\.1:(\d+)"#, options: .regularExpression), let port = Int(text[range].split(separator: ":").last ?? "") else {
            process.terminate()
            struct NoPort: Error, CustomStringConvertible { var description: String }
            throw NoPort(description: "bulwark serve did not report its port: \(text)")
        }
        self.port = port
        Thread.detachNewThread { while !handle.availableData.isEmpty {} }
    }

    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        _ = process.reapExitStatus()
    }

    deinit { if process.isRunning { process.terminate() } }
}
