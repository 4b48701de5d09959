import Foundation
import GRDB

/// Keeps the write-ahead log short while decisions are committed without pause.
///
/// A checkpoint copies the log's pages into the database file, and the log starts over from its
/// beginning only when a transaction begins after the *whole* log was copied. A checkpoint on
/// its own connection, which no commit waits for, never gets there under continuous load: commits
/// keep appending while it copies, and the log grows by the megabyte every second (and every page
/// lookup in it gets slower). So a background thread copies what it can every `interval`, and
/// once the log holds more than `limit` frames it asks the writer to finish the job: the writer's
/// own checkpoint, run between two commits, copies only the frames appended since, no commit can
/// run beside it, and the next transaction restarts the log.
final class WALCheckpointer: @unchecked Sendable {
    let connection: DatabaseQueue
    let limit: Int
    let lock = NSLock()
    var writerAsked = false
    var _restarts = 0

    init(path: String, limit: Int) throws {
        connection = try DatabaseQueue(path: path)
        self.limit = limit
    }

    /// Starts the background thread; it ends when `owner` is gone.
    func start(interval: TimeInterval, while owner: AnyObject & Sendable) {
        Thread.detachNewThread { [weak self, weak owner] in
            while owner != nil, let self {
                Thread.sleep(forTimeInterval: interval)
                self.copyInBackground()
            }
        }
    }

    func copyInBackground() {
        guard let (frames, _) = try? connection.writeWithoutTransaction({ try $0.checkpoint(.passive) }) else { return }
        // Even when it copied every frame it saw, commits appended more while it ran.
        if frames > limit { lock.withLock { writerAsked = true } }
    }

    /// Called by the writer, outside a transaction, before it commits: finishes the checkpoint
    /// when the background thread asked for it.
    func finishIfAsked(_ db: Database) {
        let asked = lock.withLock {
            defer { writerAsked = false }
            return writerAsked
        }
        guard asked, let (frames, copied) = try? db.checkpoint(.passive), copied == frames else { return }
        lock.withLock { _restarts += 1 }
    }

    /// How many times the writer emptied the log (for tests and diagnostics).
    var restarts: Int { lock.withLock { _restarts } }
}
