#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file descriptor line by line as raw bytes, so one line's bad encoding cannot affect the
/// next, with memory bounded by `maxLine` whatever the input.
public struct LineReader {
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var pending: [UInt8] = []
    private var start = 0
    private var eof = false
    /// Lines longer than this are cut off and reported as oversized.
    public let maxLine: Int

    /// The file descriptor read from (0 for standard input).
    let fd: Int32

    public init(fd: Int32 = 0, maxLine: Int) {
        self.fd = fd
        self.maxLine = maxLine
    }

    /// The next line without its newline, and whether it was cut at `maxLine`.
    public mutating func next() -> (bytes: [UInt8], truncated: Bool)? {
        var truncated = false
        var line: [UInt8] = []
        while true {
            if let nl = pending[start...].firstIndex(of: 0x0A) {
                appendBounded(pending[start..<nl], to: &line, truncated: &truncated)
                start = nl + 1
                compact()
                return (line, truncated)
            }
            appendBounded(pending[start...], to: &line, truncated: &truncated)
            pending.removeAll(keepingCapacity: true)
            start = 0
            if eof { return line.isEmpty && !truncated ? nil : (line, truncated) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { eof = true; continue }
            pending.append(contentsOf: buffer[0..<n])
        }
    }

    private func appendBounded(_ slice: ArraySlice<UInt8>, to line: inout [UInt8], truncated: inout Bool) {
        let room = maxLine - line.count
        if slice.count <= room { line.append(contentsOf: slice) } else {
            if room > 0 { line.append(contentsOf: slice.prefix(room)) }
            truncated = true
        }
    }

    private mutating func compact() {
        if start > 1 << 20 {
            pending.removeFirst(start)
            start = 0
        }
    }
}
