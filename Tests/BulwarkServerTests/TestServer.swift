import BulwarkCore
import BulwarkRuntime
import BulwarkServer
import BulwarkStoreSQLite
import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `bulwark serve`'s application on a free loopback port, in this process, over a fresh SQLite
/// file; an admin key and an agent are created directly in the store.
final class TestServer: @unchecked Sendable {
    let port: Int
    let store: SQLiteStore
    let task: Task<Void, any Error>
    let adminKey: String
    let agent = "agent-1"
    let agentSecret: String

    static func start(database: String? = nil, _ configure: (inout ServiceConfiguration) -> Void = { _ in }) async throws -> TestServer {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = database ?? dir.appendingPathComponent("bulwark.db").path
        let store = try SQLiteStore(path: path)
        var configuration = ServiceConfiguration()
        configuration.port = 0
        configure(&configuration)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let app = try await ServiceRunner.application(store: store, engine: Engine(), configuration: configuration, logger: logger) { continuation.yield($0) }
        let task = Task { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        let (key, record) = AdminKey.generate(label: "test", now: Date().timeIntervalSince1970)
        try await store.saveAdminKey(record)
        var agent = try await store.agent("agent-1")
        if agent == nil { agent = try await AgentRegistration.register(id: "agent-1", roles: [], allowBearer: false, store: store) }
        guard let agent else { throw CancellationError() }
        return TestServer(port: port, store: store, task: task, adminKey: key, agentSecret: agent.secret, database: path)
    }

    let database: String

    init(port: Int, store: SQLiteStore, task: Task<Void, any Error>, adminKey: String, agentSecret: String, database: String) {
        self.database = database
        self.port = port
        self.store = store
        self.task = task
        self.adminKey = adminKey
        self.agentSecret = agentSecret
    }

    deinit { task.cancel() }

    struct Reply {
        var status: Int
        var body: String
        var json: JSONValue { (try? JSONParser().parse(body)) ?? .null }
    }

    /// A request with URLSession (a real HTTP client). `sign` signs as the test agent.
    func request(_ method: String, _ target: String, body: String = "", sign: Bool = false, admin: Bool = false, headers: [(String, String)] = [], timestamp: Int? = nil, nonce: String? = nil, secret: String? = nil, agent: String? = nil) async throws -> Reply {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(target)")!)
        request.httpMethod = method
        request.timeoutInterval = 60
        if !body.isEmpty || method == "POST" { request.httpBody = Data(body.utf8) }
        if sign {
            Self.sign(&request, target: target, body: body, agent: agent ?? self.agent, secret: secret ?? agentSecret, timestamp: timestamp, nonce: nonce)
        }
        if admin { request.setValue("Bearer \(adminKey)", forHTTPHeaderField: "Authorization") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    /// Adds the `RequestSignature` headers for `agent` (now, with a fresh nonce, unless given).
    static func sign(_ request: inout URLRequest, target: String, body: String, agent: String, secret: String, timestamp: Int? = nil, nonce: String? = nil) {
        let headers = RequestSignature.headers(
            agent: agent, secret: secret, method: request.httpMethod ?? "GET", target: target, body: Array(body.utf8),
            timestamp: timestamp ?? Int(Date().timeIntervalSince1970), nonce: nonce ?? UUID().uuidString)
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
    }

    func inspect(_ body: String, headers: [(String, String)] = [], query: String = "") async throws -> Reply {
        try await request("POST", "/v1/inspect" + query, body: body, sign: true, headers: headers)
    }
}
