import BulwarkCore
import BulwarkRuntime
import Hummingbird
import Logging

/// The HTTP API of `bulwark serve` (documented in `openapi.yaml`, served at `/openapi.yaml`).
public struct API: Sendable {
    public let service: DecisionService
    public let authenticator: Authenticator
    var configuration: ServiceConfiguration { service.configuration }

    public init(service: DecisionService, authenticator: Authenticator) {
        self.service = service
        self.authenticator = authenticator
    }

    /// The router with every endpoint.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.get("/healthz") { _, _ in APIResponses.json(["status": "ok"]) }
        router.get("/readyz") { _, _ in await ready() }
        router.get("/openapi.yaml") { _, _ in APIResponses.text(OpenAPIDocument.yaml, contentType: "application/yaml") }
        router.get("/metrics") { _, _ in metrics() }
        router.get("/v1/events") { request, _ in await handle(request) { identity, _ in try events(identity) } }

        router.post("/v1/inspect") { request, _ in await handle(request) { try await inspect(request, $0, $1) } }
        router.post("/v1/observe") { request, _ in await handle(request) { try await observe(request, $0, $1) } }
        router.post("/v1/hooks/claude-code") { request, _ in await handle(request, failClosedHook: true) { try await claudeCodeHook(request, $0, $1) } }

        router.get("/v1/reviews") { request, _ in await handle(request) { identity, _ in try await listReviews(request, identity) } }
        router.get("/v1/reviews/:id") { request, context in await handle(request) { identity, _ in try await getReview(request, context.parameters.get("id") ?? "", identity) } }
        router.post("/v1/reviews/:id/approve") { request, context in await handle(request) { try await decide(request, context.parameters.get("id") ?? "", approve: true, $0, $1) } }
        router.post("/v1/reviews/:id/deny") { request, context in await handle(request) { try await decide(request, context.parameters.get("id") ?? "", approve: false, $0, $1) } }

        router.get("/v1/agents") { request, _ in await handle(request) { identity, _ in try await listAgents(identity) } }
        router.post("/v1/agents") { request, _ in await handle(request) { try await createAgent($0, $1) } }
        router.delete("/v1/agents/:id") { request, context in await handle(request) { identity, _ in try await deleteAgent(context.parameters.get("id") ?? "", identity) } }

        router.get("/v1/policies") { request, _ in await handle(request) { identity, _ in try await listPolicies(identity) } }
        router.post("/v1/policies") { request, _ in await handle(request) { try await addPolicy(request, $0, $1) } }
        router.post("/v1/policies/validate") { request, _ in await handle(request) { try validatePolicy($0, $1) } }
        router.get("/v1/policies/:version") { request, context in await handle(request) { identity, _ in try await getPolicy(context.parameters.get("version") ?? "", identity) } }
        router.post("/v1/policies/:version/activate") { request, context in await handle(request) { identity, _ in try await activatePolicy(context.parameters.get("version") ?? "", identity) } }

        router.get("/v1/tools") { request, _ in await handle(request) { identity, _ in try await listTools(identity) } }
        router.post("/v1/tools") { request, _ in await handle(request) { try await registerTools($0, $1) } }
        router.delete("/v1/tools/:name") { request, context in await handle(request) { identity, _ in try await deleteTool(context.parameters.get("name") ?? "", identity) } }

        router.get("/v1/webhooks") { request, _ in await handle(request) { identity, _ in try await listWebhooks(identity) } }
        router.post("/v1/webhooks") { request, _ in await handle(request) { try await createWebhook($0, $1) } }
        router.delete("/v1/webhooks/:id") { request, context in await handle(request) { identity, _ in try await deleteWebhook(context.parameters.get("id") ?? "", identity) } }

        router.get("/v1/indicators") { request, _ in await handle(request) { identity, _ in try await listIndicators(identity) } }
        router.post("/v1/indicators/reload") { request, _ in await handle(request) { identity, _ in try await reloadIndicators(identity) } }

        router.get("/v1/audit") { request, _ in await handle(request) { identity, _ in try await exportAudit(request, identity) } }
        router.get("/v1/audit/verify") { request, _ in await handle(request) { identity, _ in try await verifyAudit(identity) } }
        router.get("/v1/sessions/:agent/:session") { request, context in
            await handle(request) { identity, _ in try await session(context.parameters.get("agent") ?? "", context.parameters.get("session") ?? "", identity) }
        }
        return router
    }

    /// Reads the body, authenticates the caller, runs `body`, and turns errors into JSON errors.
    /// With `failClosedHook`, an error is answered 200 with a Claude Code deny instead: Claude
    /// Code runs the tool when an HTTP hook answers anything but 2xx.
    func handle(_ request: Request, failClosedHook: Bool = false, _ body: (Identity, [UInt8]) async throws -> Response) async -> Response {
        do {
            let bytes = try await request.bytes(limit: configuration.maxBodyBytes)
            let identity = try await authenticator.identify(method: request.method.rawValue, target: request.uri.string, header: { request.header($0) }, body: bytes)
            return try await body(identity, bytes)
        } catch {
            let response = APIResponses.error(error)
            let code = (error as? ServiceError)?.code ?? String(response.status.code)
            service.metrics.refused(code)
            let metadata: Logger.Metadata = ["code": .string(code), "method": .string(request.method.rawValue), "path": .string(request.uri.path), "status": .stringConvertible(response.status.code)]
            if response.status.code >= 500 {
                service.logger.error("request failed: \(error)", metadata: metadata)
            } else {
                service.logger.notice("request refused", metadata: metadata)
            }
            if failClosedHook {
                let message = (error as? ServiceError)?.message ?? "\(error)"
                return APIResponses.json(ClaudeCodeReply.deny(reason: "Bulwark refused this hook request (\(response.status.code) \(code): \(message)); denied to fail closed."))
            }
            return response
        }
    }

    func requireAdmin(_ identity: Identity) throws {
        guard identity.isAdmin else { throw ServiceError.forbidden("this endpoint needs an admin key; agent keys can inspect and observe only") }
    }

    func requireAgent(_ identity: Identity) throws -> String {
        guard case .agent(let id) = identity else { throw ServiceError.forbidden("decisions are made for an agent: sign the request with an agent's secret") }
        return id
    }

    func ready() async -> Response {
        do {
            _ = try await service.store.auditTail()
            let head = service.chainHead
            return APIResponses.json(["status": "ready", "audit_seq": .number(Double(head.seq))])
        } catch {
            return APIResponses.json(["status": "unavailable", "reason": "the store cannot be read"], status: .serviceUnavailable)
        }
    }
}
