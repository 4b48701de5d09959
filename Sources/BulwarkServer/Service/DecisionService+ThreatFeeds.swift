import BulwarkCore
import BulwarkRuntime
import Foundation

/// Threat-intelligence feeds, reloaded when they change.
extension DecisionService {
    /// Reloads the indicator feeds when one changes (checked every `feedReloadInterval`); a feed
    /// that no longer parses keeps the previous indicators and is audited.
    func watchFeeds() {
        let interval = configuration.feedReloadInterval
        Task { [weak self] in
            while true {
                try? await Task.sleep(for: .milliseconds(Int(interval * 1_000)))
                guard let self else { return }
                await self.reloadFeeds(force: false)
            }
        }
    }

    /// Reloads the feeds if they changed (or always, with `force`); returns their status.
    @discardableResult
    public func reloadFeeds(force: Bool) async -> JSONValue {
        let paths = configuration.indicatorFeeds
        let stamp = IndicatorFeed.stamp(paths)
        guard force || stamp != engineLock.withLock({ feedStamp }) else { return feedsJSON() }
        do {
            let indicators = try IndicatorFeed.load(paths: paths)
            engineLock.withLock {
                feedStamp = stamp
                feedStatus = (configuration.clock(), indicators.count, nil)
                baseConfiguration.indicators = indicators
                rebuildEngine()
            }
            try? await audit(["event": "indicators_reloaded", "count": .number(Double(indicators.count))])
        } catch {
            engineLock.withLock {
                feedStamp = stamp
                feedStatus = (configuration.clock(), feedStatus?.count ?? 0, "\(error)")
            }
            try? await audit(["event": "indicators_reload_failed", "reason": .string("\(error)")])
        }
        return feedsJSON()
    }

    /// The feeds, the indicators in force by type, and the last reload.
    public func feedsJSON() -> JSONValue {
        let (indicators, status) = engineLock.withLock { (baseConfiguration.indicators, feedStatus) }
        var out = JSONObject()
        out["feeds"] = .array(configuration.indicatorFeeds.map(JSONValue.string))
        out["reload_interval_seconds"] = .number(configuration.feedReloadInterval)
        out["indicators"] = [
            "domain": .number(Double(indicators.domains.count)), "ip": .number(Double(indicators.ips.count)),
            "url": .number(Double(indicators.urlFragments.count)), "hash": .number(Double(indicators.hashes.count)),
            "command": .number(Double(indicators.commands.count)),
        ]
        if let status {
            out["loaded_at"] = .number(status.at)
            out["last_error"] = status.error.map(JSONValue.string) ?? .null
        }
        return .object(out)
    }

    /// Checks a policy; the error names file, line and column.
}
