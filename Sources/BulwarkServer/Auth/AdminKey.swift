import BulwarkRuntime
import Foundation
import HummingbirdBcrypt

/// Admin API keys: `bwk_admin_<id>_<secret>`, 8 and 40 random characters. Only the bcrypt hash
/// of the whole key is stored; the key is printed once by `bulwark admin create-key`.
public enum AdminKey {
    public static let prefix = "bwk_admin_"
    static let cost: UInt8 = 10

    /// A new key and the record to store for it.
    public static func generate(label: String, now: Double) -> (key: String, record: AdminKeyRecord) {
        let id = DecisionService.randomToken(4)
        let key = prefix + id + "_" + DecisionService.randomToken(20)
        return (key, AdminKeyRecord(id: id, hash: Bcrypt.hash(key, cost: cost), label: label, createdAt: now))
    }

    /// The id part of a well-formed key.
    static func id(of key: String) -> String? {
        guard key.hasPrefix(prefix) else { return nil }
        let parts = key.dropFirst(prefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 8, parts[1].count == 40 else { return nil }
        return String(parts[0])
    }

    static func verify(_ key: String, record: AdminKeyRecord) -> Bool {
        !record.revoked && Bcrypt.verify(key, hash: record.hash)
    }
}
