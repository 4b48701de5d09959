import BulwarkCore
import Foundation

/// An append-only JSONL audit file whose records are hash-chained (see `AuditChain`).
///
/// Each `append` writes one complete line with a single `write(2)` on a file opened with
/// `O_APPEND`, before the caller acts on the decision; a process crash after `append` returns
/// cannot lose the record. With `sync: true` every record is also `fsync`ed (power-loss
/// durability, at the cost of a disk flush per decision). Reopening an existing file continues
/// its chain. Thread-safe.
public final class AuditLog: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case open(String, Int32)
        case write(String, Int32)

        public var description: String {
            switch self {
            case .open(let path, let errno): "cannot open audit file \(path): \(String(cString: strerror(errno)))"
            case .write(let path, let errno): "cannot write audit file \(path): \(String(cString: strerror(errno)))"
            }
        }
    }

    public let path: String
    let fd: Int32
    let sync: Bool
    let lock = NSLock()
    var previous: String
    var sequence: Int

    public init(path: String, sync: Bool = false) throws {
        self.path = path
        self.sync = sync
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure.open(path, errno) }
        self.fd = fd
        (previous, sequence) = Self.tail(of: path)
    }

    deinit { close(fd) }

    /// Appends `fields` as the next record, after `seq`, `prev` and `time` (microseconds since
    /// the Unix epoch), and returns the record's line (without the newline).
    @discardableResult
    public func append(_ fields: JSONObject) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        let line = AuditChain.line(seq: sequence + 1, previous: previous, timeMicros: Double(Int(Date().timeIntervalSince1970 * 1_000_000)), fields: fields)
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure.write(path, errno)
            }
            offset += n
        }
        if sync { fsync(fd) }
        previous = AuditChain.hash(line.utf8)
        sequence += 1
        return line
    }

    /// The hash of the last line of an existing file and its sequence number (0 when empty).
    static func tail(of path: String) -> (String, Int) {
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else { return (AuditChain.genesis, 0) }
        let bytes = [UInt8](data)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        var start = end
        while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
        let last = bytes[start..<end]
        let seq = (try? JSONParser().parse(String(decoding: last, as: UTF8.self)))?["seq"]?.numberValue.map { Int($0) } ?? 0
        return (AuditChain.hash(last), seq)
    }
}
