import BulwarkCore
import Foundation

/// Checks an audit file's chain: every line parses, `seq` counts up from 1 without gaps, and
/// every `prev` is the SHA-256 of the line before it (the genesis value for the first).
public enum AuditVerifier {
    public struct Report: Sendable, Equatable {
        /// How many records verified before the first break (all of them when `broken` is nil).
        public var verified: Int
        /// The first broken record: its 1-based line number and why.
        public var broken: (line: Int, reason: String)?
        /// The SHA-256 of the last verified record (the genesis value for an empty chain): an
        /// anchor to keep outside the chain, so that a later check sees records removed from its end.
        public var head: String = AuditChain.genesis
        /// The SHA-256 of record `watch`, when it was asked for and verified.
        public var watched: String?

        public static func == (a: Report, b: Report) -> Bool {
            a.verified == b.verified && a.broken?.line == b.broken?.line && a.broken?.reason == b.broken?.reason
        }
    }

    public static func verify(path: String, watch: Int? = nil) throws -> Report {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AuditLog.Failure.open(path, errno)
        }
        return verify(bytes: [UInt8](data), watch: watch)
    }

    public static func verify(bytes: [UInt8], watch: Int? = nil) -> Report {
        var cursor = Cursor()
        cursor.watch = watch
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            if let reason = cursor.check(bytes[start..<end]) { return cursor.report(broken: (lineNumber, reason)) }
        }
        return cursor.report(broken: nil)
    }

    /// Checks records one at a time, in order (for chains read in pages, such as a database's).
    public struct Cursor: Sendable {
        var previous = AuditChain.genesis
        var expected = 1
        public var verified: Int { expected - 1 }
        /// A record whose hash to keep (`Report.watched`).
        public var watch: Int?
        var watched: String?

        public init() {}

        public func report(broken: (line: Int, reason: String)?) -> Report {
            Report(verified: verified, broken: broken, head: previous, watched: watched)
        }

        /// Checks the next record; returns why it breaks the chain, or nil.
        public mutating func check<Line: Collection>(_ line: Line) -> String? where Line.Element == UInt8 {
            if line.isEmpty { return "empty line" }
            guard let record = try? JSONParser().parse(String(decoding: line, as: UTF8.self)), case .object = record else {
                return "not a JSON object"
            }
            guard let seq = record["seq"]?.numberValue, Int(seq) == expected else {
                return "seq is \(record["seq"].map { JSONWriter.string($0) } ?? "missing"), expected \(expected)"
            }
            guard record["prev"]?.stringValue == previous else {
                return "prev does not match the SHA-256 of the previous record (the record before it was changed, removed or reordered)"
            }
            previous = AuditChain.hash(line)
            if expected == watch { watched = previous }
            expected += 1
            return nil
        }
    }
}
