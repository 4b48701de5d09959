/// An ordered map value. Lookups are linear: policy maps and records are small, and a linear
/// scan over a handful of short keys beats hashing them.
public struct ExpressionMap: Sendable, Equatable {
    /// One key and its value.
    public typealias Entry = (key: ExpressionValue, value: ExpressionValue)

    public var entries: [Entry]

    public init(_ entries: [(key: ExpressionValue, value: ExpressionValue)] = []) {
        self.entries = entries
    }

    /// The value under the string key `key`.
    public subscript(field key: String) -> ExpressionValue? {
        // Comparing lengths first skips most keys without a string comparison call.
        let length = key.utf8.count
        return entries.withUnsafeBufferPointer { buffer in
            for i in buffer.indices {
                if case .string(let k) = buffer[i].key, k.utf8.count == length, k == key { return buffer[i].value }
            }
            return nil
        }
    }

    public static func == (lhs: ExpressionMap, rhs: ExpressionMap) -> Bool {
        guard lhs.entries.count == rhs.entries.count else { return false }
        for (l, r) in zip(lhs.entries, rhs.entries) where l.key != r.key || l.value != r.value {
            return false
        }
        return true
    }
}

extension ExpressionMap {
    /// Builds a record (a map with string keys) field by field, without an intermediate list.
    struct Builder {
        var map: ExpressionMap

        init(capacity: Int) {
            map = ExpressionMap()
            map.entries.reserveCapacity(capacity)
        }

        mutating func append(_ key: String, _ value: ExpressionValue) {
            map.entries.append((key: .string(key), value: value))
        }
    }
}
