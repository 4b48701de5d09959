import BulwarkTestSupport
import Foundation
import Testing

/// The real peers the proxy tests drive: the `bulwark` binary, and the official Python MCP SDK
/// (2.x and 1.x) in virtual environments that `scripts/mcp-peers` creates.
enum Peers {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scripts = root.appendingPathComponent("Tests/MCPPeers")

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func binary() throws -> String {
        for dir in [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let path = dir.appendingPathComponent("bulwark").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw Missing(description: "bulwark executable not found; run `swift build` first")
    }

    /// The environments, created once per test process (the script is idempotent).
    static let environments: Result<String, Missing> = {
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/mcp-peers")
        let out = Pipe()
        process.standardOutput = out
        do {
            try process.run()
        } catch {
            return .failure(Missing(description: "cannot run scripts/mcp-peers: \(error)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        guard process.reapExitStatus() == 0 else { return .failure(Missing(description: "scripts/mcp-peers failed (needs python3 with venv and PyPI)")) }
        let dir = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return .success(root.appendingPathComponent(dir).path)
    }()

    /// The Python of SDK generation `v` (1 or 2).
    static func python(_ v: Int) throws -> String {
        try environments.get() + "/v\(v)/bin/python"
    }

    /// A temporary file path.
    static func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-\(UUID().uuidString)-\(name)").path
    }

    /// Runs blocking work on a thread of its own, not on the cooperative pool (two threads on a
    /// 2-core machine) that the other suites' in-process servers need meanwhile.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    struct Run: @unchecked Sendable {
        var status: Int32
        var lines: [[String: Any]]
        var stderr: String
    }

    /// Runs `executable arguments`, with a hard time limit, and parses its stdout as JSON lines.
    static func run(_ executable: String, _ arguments: [String], timeout: Double = 60) throws -> Run {
        signal(SIGPIPE, SIG_IGN)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = DispatchTime.now() + timeout
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let errData = ThreadSafeData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let status = process.reapExitStatus()
        while !errData.isSet { usleep(1000) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
        return Run(status: status, lines: lines, stderr: String(decoding: errData.value, as: UTF8.self))
    }

    /// `bulwark audit verify FILE`.
    static func verifyAudit(_ path: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments = ["audit", "verify", path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        return (process.reapExitStatus(), String(decoding: data, as: UTF8.self))
    }
}

final class ThreadSafeData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private var done = false
    func set(_ d: Data) { lock.withLock { data = d; done = true } }
    var isSet: Bool { lock.withLock { done } }
    var value: Data { lock.withLock { data } }
}
