import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The wrapped MCP server: spawned with pipes for its stdin and stdout; its stderr is the
/// proxy's stderr.
final class ChildProcess: @unchecked Sendable {
    enum Failure: Error, CustomStringConvertible {
        case spawn(String, Int32)
        var description: String {
            switch self {
            case .spawn(let command, let code): "cannot start the server \(command): \(String(cString: strerror(code)))"
            }
        }
    }

    let pid: pid_t
    /// Write end of the server's stdin, read end of its stdout.
    let stdin: Int32
    let stdout: Int32

    init(command: [String]) throws {
        var toChild: [Int32] = [0, 0]
        var fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw Failure.spawn(command.joined(separator: " "), errno) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        for fd in [toChild[0], toChild[1], fromChild[0], fromChild[1]] { posix_spawn_file_actions_addclose(&actions, fd) }
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let status = posix_spawnp(&pid, command[0], &actions, nil, argv, environ)
        close(toChild[0])
        close(fromChild[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            throw Failure.spawn(command.joined(separator: " "), status)
        }
        self.pid = pid
        stdin = toChild[1]
        stdout = fromChild[0]
        // Writes to a server that has exited must fail with EPIPE, not kill the proxy.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Closes the server's stdin (end of input: a well-behaved server exits).
    func closeInput() { close(stdin) }

    /// Waits for the server to exit; its exit code, or 128 + the signal that ended it.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return 70 }
        }
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }

    /// Sends `signal` to the server.
    func terminate(_ signal: Int32) { kill(pid, signal) }
}

/// Writes whole lines to a file descriptor; one writer at a time.
final class LineWriter: @unchecked Sendable {
    let fd: Int32
    private let lock = NSLock()
    private(set) var broken = false

    init(fd: Int32) { self.fd = fd }

    /// Writes `line` and a newline; false when the other end is gone.
    @discardableResult
    func write<Bytes: Collection>(_ line: Bytes) -> Bool where Bytes.Element == UInt8 {
        var bytes = Array(line)
        bytes.append(0x0A)
        return lock.withLock {
            guard !broken else { return false }
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    broken = true
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
