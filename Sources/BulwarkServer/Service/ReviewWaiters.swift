import Foundation

/// Callers long-polling a review (`?wait=`): each waits until the review is decided or its
/// time is up. A reviewer's decision wakes every waiter of that review.
final class ReviewWaiters: @unchecked Sendable {
    let lock = NSLock()
    var waiters: [String: [UUID: CheckedContinuation<Void, Never>]] = [:]

    /// Returns when `notify(id)` is called or after `seconds`, whichever comes first.
    func wait(for id: String, seconds: Double) async {
        let token = UUID()
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            lock.withLock { waiters[id, default: [:]][token] = c }
            Task {
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
                self.resume(id, token: token)
            }
        }
    }

    func notify(_ id: String) {
        let all = lock.withLock { waiters.removeValue(forKey: id) ?? [:] }
        for c in all.values { c.resume() }
    }

    func resume(_ id: String, token: UUID) {
        let c = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            let c = waiters[id]?.removeValue(forKey: token)
            if waiters[id]?.isEmpty == true { waiters[id] = nil }
            return c
        }
        c?.resume()
    }
}
