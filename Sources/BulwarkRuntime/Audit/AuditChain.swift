import BulwarkCore
import Crypto

/// The hash chain of an audit file: every record is one JSON line whose `prev` field is the
/// SHA-256 (hex) of the previous line's bytes; the first record's `prev` is `genesis`.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// One record's line: `seq`, `prev`, `time_us`, then the caller's fields. The same format
    /// for the proxy's audit file and the service's database, so `AuditVerifier` checks both.
    public static func line(seq: Int, previous: String, timeMicros: Double, fields: JSONObject) -> String {
        var record = JSONObject()
        record["seq"] = .number(Double(seq))
        record["prev"] = .string(previous)
        record["time_us"] = .number(timeMicros)
        for (key, value) in fields.entries { record[key] = value }
        return JSONWriter.string(.object(record))
    }

    /// SHA-256 of `bytes`, as lower-case hex.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        SHA256.hash(data: Array(bytes)).hexString
    }
}

extension Sequence where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension SHA256.Digest {
    var hexString: String { Array(self).hexString }
}
