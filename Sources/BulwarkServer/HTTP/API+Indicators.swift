import BulwarkCore
import Hummingbird

extension API {
    /// `GET /v1/indicators` (admin): the threat-intelligence feeds, the indicators in force by
    /// type, and the last reload (its error, when the feeds stopped parsing).
    func listIndicators(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        return APIResponses.json(service.feedsJSON())
    }

    /// `POST /v1/indicators/reload` (admin): reloads the feeds now instead of at the next check.
    func reloadIndicators(_ identity: Identity) async throws -> Response {
        try requireAdmin(identity)
        guard !configuration.indicatorFeeds.isEmpty else {
            throw ServiceError(409, "no_feeds", "no indicator feed is configured (start the service with --indicators FILE)")
        }
        let status = await service.reloadFeeds(force: true)
        if let error = status["last_error"]?.stringValue {
            throw ServiceError(422, "feed_invalid", "the feeds did not load; the previous indicators stay in force: \(error)")
        }
        return APIResponses.json(status)
    }
}
