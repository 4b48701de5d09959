import BulwarkTestSupport
import Foundation

/// `bulwark mcp-proxy` around `Tests/MCPPeers/raw_server.py MODE`, driven line by line: the
/// test is the client and writes exact JSON-RPC lines.
final class RawProxySession: @unchecked Sendable {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    private let condition = NSCondition()
    private var lines: [String] = []
    private var closed = false
    let audit: String

    convenience init(mode: String, proxyArguments: [String] = []) throws {
        try self.init(server: ["/usr/bin/env", "python3", Peers.scripts.appendingPathComponent("raw_server.py").path, mode], proxyArguments: proxyArguments)
    }

    init(server: [String], proxyArguments: [String] = []) throws {
        signal(SIGPIPE, SIG_IGN)
        audit = Peers.temporary("audit.jsonl")
        process.executableURL = URL(fileURLWithPath: try Peers.binary())
        process.arguments = ["mcp-proxy", "--audit", audit] + proxyArguments + ["--"] + server
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let nl = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[buffer.startIndex..<nl], as: UTF8.self)
                    buffer.removeSubrange(buffer.startIndex...nl)
                    condition.lock(); lines.append(line); condition.broadcast(); condition.unlock()
                }
            }
            condition.lock(); closed = true; condition.broadcast(); condition.unlock()
        }
        // Drain stderr so the proxy never blocks on it.
        let errHandle = errors.fileHandleForReading
        Thread.detachNewThread { while !errHandle.availableData.isEmpty {} }
    }

    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    func closeInput() { try? input.fileHandleForWriting.close() }

    /// The next line the proxy writes to the client, or nil after `timeout` seconds or at EOF.
    func next(timeout: Double = 10) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while lines.isEmpty && !closed {
            if !condition.wait(until: deadline) { return nil }
        }
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        return (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? ["unparsed": line]
    }

    /// Waits for the proxy to exit; its status.
    func exitStatus(timeout: Double = 15) -> Int32? {
        let status = process.reapExitStatus(timeout: timeout)
        if status == -1 { process.terminate(); return nil }
        return status
    }

    deinit { if process.isRunning { process.terminate() } }

    static func call(_ id: Int, _ tool: String, _ arguments: String) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"\#(tool)","arguments":\#(arguments)}}"#
    }
}
