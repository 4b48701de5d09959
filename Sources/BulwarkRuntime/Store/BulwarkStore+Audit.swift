import BulwarkCore

extension BulwarkStore {
    /// Checks the stored audit chain from its first record, page by page.
    public func verifyAudit(pageSize: Int = 10_000) async throws -> AuditVerifier.Report {
        var cursor = AuditVerifier.Cursor()
        var after = 0
        while true {
            let page = try await auditLines(after: after, limit: pageSize)
            if page.isEmpty { return AuditVerifier.Report(verified: cursor.verified, broken: nil) }
            for (seq, line) in page {
                if let reason = cursor.check(Array(line.utf8)) { return AuditVerifier.Report(verified: cursor.verified, broken: (seq, reason)) }
                after = seq
            }
        }
    }

    /// Writes the stored chain as JSONL through `write`, one page at a time.
    public func exportAudit(pageSize: Int = 10_000, _ write: (String) -> Void) async throws {
        var after = 0
        while true {
            let page = try await auditLines(after: after, limit: pageSize)
            if page.isEmpty { return }
            for (seq, line) in page {
                write(line + "\n")
                after = seq
            }
        }
    }
}
