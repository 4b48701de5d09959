import BulwarkCore
import BulwarkRuntime
import Foundation

/// Threat-intelligence feeds, reloaded when they change.
extension DecisionService {
    /// Reloads the indicator feeds when one changes (checked every `feedReloadInterval`); a feed
    /// that no longer parses keeps the previous indicators and is audited.
    func watchFeeds() {
        let paths = configuration.indicatorFeeds
        let interval = configuration.feedReloadInterval
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1_000)))
                guard let self else { return }
                let stamp = IndicatorFeed.stamp(paths)
                guard stamp != self.engineLock.withLock({ self.feedStamp }) else { continue }
                do {
                    let indicators = try IndicatorFeed.load(paths: paths)
                    self.engineLock.withLock {
                        self.feedStamp = stamp
                        self.baseConfiguration.indicators = indicators
                        self.rebuildEngine()
                    }
                    try? await self.audit(["event": "indicators_reloaded", "count": .number(Double(indicators.count))])
                } catch {
                    self.engineLock.withLock { self.feedStamp = stamp }
                    try? await self.audit(["event": "indicators_reload_failed", "reason": .string("\(error)")])
                }
            }
        }
    }

    /// Checks a policy; the error names file, line and column.
}
