import BulwarkCore
import Foundation

/// A session's state kept in a file, for processes that live for one call (the Claude Code
/// hook). Each update holds an exclusive `flock` from read to write, so concurrent hook
/// processes of one session never lose each other's updates. One file per session id, named by
/// the SHA-256 of the id (an id cannot name a path outside the directory).
public struct SessionFile: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case io(String, Int32)
        public var description: String {
            switch self {
            case .io(let what, let code): "session state: \(what): \(String(cString: strerror(code)))"
            }
        }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The default directory: `$BULWARK_STATE_DIR`, else `~/.bulwark/sessions`.
    public static var defaultDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let dir = environment["BULWARK_STATE_DIR"], !dir.isEmpty { return dir }
        return (environment["HOME"] ?? NSTemporaryDirectory()) + "/.bulwark/sessions"
    }

    public func path(for sessionID: String) -> String {
        directory + "/" + AuditChain.hash(sessionID.utf8) + ".json"
    }

    /// Runs `body` on the session's state under an exclusive lock and saves what it leaves.
    public func update<T>(_ sessionID: String, _ body: (inout SessionState) throws -> T) throws -> T {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = path(for: sessionID)
        let fd = open(file, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.io("cannot open \(file)", errno) }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw Failure.io("cannot lock \(file)", errno) }
        }
        defer { flock(fd, LOCK_UN) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        var state = bytes.isEmpty ? SessionState() : (try? JSONParser().parse(String(decoding: bytes, as: UTF8.self))).map(SessionState.init(json:)) ?? SessionState()
        let result = try body(&state)
        let out = Array(JSONWriter.string(state.json).utf8)
        guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else { throw Failure.io("cannot rewrite \(file)", errno) }
        var offset = 0
        while offset < out.count {
            let n = out[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.io("cannot write \(file)", errno)
            }
            offset += n
        }
        return result
    }
}
