import Foundation

/// Callers long-polling a review (`?wait=`): each waits until the review is decided or its
/// time is up. A reviewer's decision wakes every waiter of that review.
final class ReviewWaiters: @unchecked Sendable {
    let lock = NSLock()
    var waiters: [String: [UUID: CheckedContinuation<Bool, Never>]] = [:]

    /// Returns when `notify(id)` is called, when `decided` finds the review already decided, or
    /// after `seconds`, whichever comes first: `true` when woken by a decision, `false` when the
    /// time ran out. The waiter is registered before `decided` looks, so a decision made between
    /// the caller's read and the wait cannot be missed.
    @discardableResult
    func wait(for id: String, seconds: Double, decided: @escaping @Sendable () async -> Bool) async -> Bool {
        let token = UUID()
        return await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            lock.withLock { waiters[id, default: [:]][token] = c }
            Task {
                if await decided() {
                    self.resume(id, token: token, decided: true)
                    return
                }
                try? await Task.sleep(for: .milliseconds(Int(seconds * 1_000)))
                self.resume(id, token: token, decided: false)
            }
        }
    }

    func notify(_ id: String) {
        let all = lock.withLock { waiters.removeValue(forKey: id) ?? [:] }
        for c in all.values { c.resume(returning: true) }
    }

    func resume(_ id: String, token: UUID, decided: Bool) {
        let c = lock.withLock { () -> CheckedContinuation<Bool, Never>? in
            let c = waiters[id]?.removeValue(forKey: token)
            if waiters[id]?.isEmpty == true { waiters[id] = nil }
            return c
        }
        c?.resume(returning: decided)
    }
}
