import Foundation

/// Nonces seen within the replay window, so that a signed request is accepted once. Entries
/// older than the window are dropped (a request that old is refused by its timestamp anyway);
/// beyond `capacity` live nonces new requests are refused rather than old nonces forgotten.
public final class NonceCache: @unchecked Sendable {
    let window: Double
    let capacity: Int
    let lock = NSLock()
    var seen: [String: Double] = [:]
    var order: [(String, Double)] = []
    var head = 0

    public init(window: Double, capacity: Int = 1_000_000) {
        self.window = window
        self.capacity = capacity
    }

    public enum Outcome: Sendable, Equatable { case fresh, replayed, full }

    /// Records `nonce` (scoped by the caller, e.g. `agent:nonce`) at `now`.
    public func insert(_ nonce: String, now: Double) -> Outcome {
        lock.withLock {
            while head < order.count, now - order[head].1 > window {
                let (old, time) = order[head]
                if seen[old] == time { seen[old] = nil }
                head += 1
            }
            if head > 4_096, head * 2 > order.count {
                order.removeFirst(head)
                head = 0
            }
            if seen[nonce] != nil { return .replayed }
            guard seen.count < capacity else { return .full }
            seen[nonce] = now
            order.append((nonce, now))
            return .fresh
        }
    }
}
