#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered byte-level standard I/O: stdin is read as bytes so invalid UTF-8 is detected, not repaired.
enum StandardIO {
    /// Reads all of stdin, up to `limit` bytes (one more byte tells that the input was larger).
    static func readAll(limit: Int) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while out.count <= limit {
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func writeError(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

/// Reads stdin line by line as raw bytes, so one line's bad encoding cannot affect the next.
struct LineReader {
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var pending: [UInt8] = []
    private var start = 0
    private var eof = false
    /// Lines longer than this are cut off and reported as oversized.
    let maxLine: Int

    init(maxLine: Int) { self.maxLine = maxLine }

    /// The next line without its newline, and whether it was cut at `maxLine`.
    mutating func next() -> (bytes: [UInt8], truncated: Bool)? {
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
            let n = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
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
