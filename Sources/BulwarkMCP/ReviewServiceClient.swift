import BulwarkCore
import BulwarkRuntime
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Holds a call the proxy's engine sent to review at a `bulwark serve` instance until a human
/// decides: the call is sent, signed as the configured agent, to `POST /v1/inspect?wait=`; the
/// service opens (or finds) the review bound to that exact action and answers when it is
/// decided or the wait is over. Only an approval (`allow`) releases the call.
public struct ReviewServiceClient: Sendable {
    public var url: String
    public var agent: String
    public var secret: String
    public var waitSeconds: Double

    public init(url: String, agent: String, secret: String, waitSeconds: Double = 120) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.agent = agent
        self.secret = secret
        self.waitSeconds = waitSeconds
    }

    public struct Outcome: Sendable {
        public var decision: Decision
        public var reviewID: String?
        public var status: String?
        /// Why the service could not be asked (network, refusal); the call is then refused.
        public var error: String?
    }

    /// Blocks the calling thread until the service answers (at most the wait plus 10 s).
    public func hold(_ body: [UInt8], session: String) -> Outcome {
        let target = "/v1/inspect?wait=\(Int(waitSeconds))s"
        guard let endpoint = URL(string: url + target) else { return Outcome(decision: .block, error: "bad review service URL \(url)") }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.timeoutInterval = waitSeconds + 10
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(session, forHTTPHeaderField: "X-Bulwark-Session")
        for (k, v) in RequestSignature.headers(agent: agent, secret: secret, method: "POST", target: target, body: body, timestamp: Int(Date().timeIntervalSince1970), nonce: UUID().uuidString) {
            request.setValue(v, forHTTPHeaderField: k)
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            box.outcome = Self.outcome(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }
        task.resume()
        done.wait()
        return box.outcome ?? Outcome(decision: .block, error: "no answer from the review service")
    }

    static func outcome(data: Data?, status: Int?, error: (any Error)?) -> Outcome {
        if let error { return Outcome(decision: .block, error: "review service unreachable: \(error.localizedDescription)") }
        let json = data.flatMap { try? JSONParser().parse(String(decoding: $0, as: UTF8.self)) }
        guard status == 200, let json, let decision = json["decision"]?.stringValue.flatMap(Decision.init(rawValue:)) else {
            let reason = json?["error"]?["message"]?.stringValue ?? "HTTP \(status ?? 0)"
            return Outcome(decision: .block, error: "the review service refused the call: \(reason)")
        }
        return Outcome(decision: decision, reviewID: json["review"]?["id"]?.stringValue, status: json["review"]?["status"]?.stringValue)
    }

    final class Box: @unchecked Sendable { var outcome: Outcome? }
}
