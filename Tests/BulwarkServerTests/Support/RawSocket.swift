import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP connection to the test server, for what URLSession cannot do (slow bodies, reading
/// a stream as it comes). Reads poll with `Task.sleep`, never blocking a thread of the
/// concurrency pool the in-process server shares.
final class RawSocket {
    let fd: Int32

    init?(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard connected == 0 else { close(fd); return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(fd) }

    func send(_ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// What arrives until `marker` is seen, the connection closes, or `timeout` seconds pass.
    func read(until marker: String, timeout: Double = 10) async -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = Date().addingTimeInterval(timeout)
        while !text.contains(marker), Date() < deadline {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { text += String(decoding: buffer[0..<n], as: UTF8.self); continue }
            if n == 0 { break }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return text
    }
}
