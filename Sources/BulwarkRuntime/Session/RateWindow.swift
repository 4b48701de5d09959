/// Calls in the last `window` seconds, estimated in constant memory from two fixed windows: the
/// current one counts exactly, the previous one is weighted by how much of it still overlaps
/// the sliding window (the approach of common rate limiters).
public struct RateWindow: Sendable, Equatable {
    /// Start of the current fixed window.
    public var start: Double
    public var current: Int
    public var previous: Int

    public init(start: Double, current: Int = 0, previous: Int = 0) {
        self.start = start
        self.current = current
        self.previous = previous
    }

    /// Estimated calls in `(now - window, now]`.
    public func count(at now: Double, window: Double) -> Int {
        var w = self
        w.advance(to: now, window: window)
        let overlap = max(0, 1 - (now - w.start) / window)
        return w.current + Int((Double(w.previous) * overlap).rounded(.up))
    }

    public mutating func record(at now: Double, window: Double) {
        advance(to: now, window: window)
        current += 1
    }

    mutating func advance(to now: Double, window: Double) {
        guard window > 0, now.isFinite, now >= start + window else { return }
        let elapsed = ((now - start) / window).rounded(.down)
        previous = elapsed == 1 ? current : 0
        current = 0
        start += elapsed * window
    }
}
