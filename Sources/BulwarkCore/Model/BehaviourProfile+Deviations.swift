/// How far a call departs from the profile: the questions the behaviour layer turns into
/// findings and the signal model into the behavioural, temporal and statistical signals.
extension BehaviourProfile {
    /// Arguments must exceed this many bytes before their size can be unusual.
    public static let minUnusualSize = 4_096
    /// Samples of a tool's argument sizes needed before the size check applies.
    public static let minSizeSamples = 10

    /// A tool the agent has never called (while the profile still tracks new tools).
    public func isUnfamiliar(_ tool: String) -> Bool {
        (toolCounts[tool] ?? 0) == 0 && toolCounts.count < Self.maxTools
    }

    /// Calls recorded with a time, when at least `warmup` of them are; nil before that.
    func timedCalls(warmup: Int) -> Int? {
        let timed = hourCounts.reduce(0, +)
        return timed >= warmup ? timed : nil
    }

    /// An hour (UTC) with no call within an hour of it, once `warmup` calls carry a time.
    public func isUnusualHour(_ hour: Int?, warmup: Int) -> Bool {
        guard let hour, (0..<24).contains(hour), timedCalls(warmup: warmup) != nil else { return false }
        return hourCounts[(hour + 23) % 24] + hourCounts[hour] + hourCounts[(hour + 1) % 24] == 0
    }

    /// The largest argument size still usual for `tool`, once it has enough samples: at least
    /// `minUnusualSize`, four times the largest seen, and six standard deviations over the mean.
    public func usualSizeBound(_ tool: String) -> Double? {
        guard let stats = argumentSizes[tool], stats.count >= Self.minSizeSamples else { return nil }
        return Swift.max(Double(Self.minUnusualSize), 4 * Double(stats.max), stats.mean + 6 * stats.standardDeviation)
    }
}
