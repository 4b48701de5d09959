import BulwarkCore

extension BulwarkStore {
    /// Checks the stored audit chain from its first record, page by page.
    public func verifyAudit(pageSize: Int = 10_000, watch: Int? = nil) async throws -> AuditVerifier.Report {
        var cursor = AuditVerifier.Cursor()
        cursor.watch = watch
        var after = 0
        while true {
            let page = try await auditLines(after: after, limit: pageSize)
            if page.isEmpty { return cursor.report(broken: nil) }
            for (seq, line) in page {
                if let reason = cursor.check(Array(line.utf8)) { return cursor.report(broken: (seq, reason)) }
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
