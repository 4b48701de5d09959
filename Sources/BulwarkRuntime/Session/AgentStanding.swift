import BulwarkCore

/// What the service knows of an agent across its sessions: a token bucket per tool (calls that
/// carried high-risk findings cost more), and its track record, which becomes the reputation
/// signal of the score. A value type; `SessionRegistry` keeps one per agent.
public struct AgentStanding: Sendable, Equatable {
    /// Tokens per tool bucket, refilled evenly over a minute (default 120 calls a minute).
    public var capacity = 120.0
    /// What a call costs when its verdict had a finding in a high-risk category.
    public static let highRiskCost = 10.0
    static let highRisk: Set<ImpactCategory> = [
        .destructiveFS, .remoteCodeExecution, .exfiltration, .credentialAccess, .privilegeEscalation, .persistence,
        .reverseShell, .defenseEvasion, .destructiveGit, .destructiveSQL, .moneyMovement,
    ]

    var buckets: [String: (tokens: Double, at: Double)] = [:]
    public private(set) var decisions = 0
    public private(set) var blocks = 0
    public private(set) var reviews = 0

    public init() {}

    public static func == (a: AgentStanding, b: AgentStanding) -> Bool {
        a.decisions == b.decisions && a.blocks == b.blocks && a.reviews == b.reviews && a.buckets.keys == b.buckets.keys
    }

    /// Tools whose bucket is empty at `now`.
    public func exhausted(at now: Double) -> Set<String> {
        Set(buckets.filter { tokens(of: $0.value, at: now) < 1 }.keys)
    }

    /// The reputation signal (1 = neutral, up to 1.5): neutral for the first 20 decisions, then
    /// raised by the share of blocked and reviewed ones.
    public var reputation: Double {
        guard decisions >= 20 else { return 1 }
        return 1 + min(0.5, (Double(blocks) * 2 + Double(reviews)) / Double(decisions))
    }

    /// Counts a judged call: takes its cost from the tool's bucket and updates the record.
    public mutating func record(_ verdict: Verdict, at now: Double) {
        let tool = verdict.tool ?? ""
        let risky = verdict.findings.contains { $0.category.map(Self.highRisk.contains) ?? false }
        if buckets[tool] == nil, buckets.count >= BehaviourProfile.maxTools { buckets = buckets.filter { tokens(of: $0.value, at: now) < capacity } }
        let current = buckets[tool].map { tokens(of: $0, at: now) } ?? capacity
        buckets[tool] = (max(-capacity, current - (risky ? Self.highRiskCost : 1)), now)
        decisions += 1
        if verdict.decision == .block { blocks += 1 }
        if verdict.decision == .review { reviews += 1 }
    }

    func tokens(of bucket: (tokens: Double, at: Double), at now: Double) -> Double {
        min(capacity, bucket.tokens + max(0, now - bucket.at) * capacity / 60)
    }

    // MARK: JSON (the store)

    public var json: JSONValue {
        var b = JSONObject()
        for (tool, v) in buckets.sorted(by: { $0.key < $1.key }) { b[tool] = [.number(v.tokens), .number(v.at)] }
        return ["decisions": .number(Double(decisions)), "blocks": .number(Double(blocks)), "reviews": .number(Double(reviews)), "buckets": .object(b)]
    }

    public init(json: JSONValue) {
        func count(_ v: JSONValue?) -> Int { v?.numberValue.flatMap { $0.isFinite && $0 >= 0 && $0 < 1e15 ? Int($0) : nil } ?? 0 }
        decisions = count(json["decisions"])
        blocks = min(decisions, count(json["blocks"]))
        reviews = min(decisions, count(json["reviews"]))
        for (tool, v) in json["buckets"]?.objectValue?.entries ?? [] {
            guard let n = v.arrayValue?.compactMap(\.numberValue), n.count == 2, n.allSatisfy(\.isFinite) else { continue }
            buckets[tool] = (n[0], n[1])
        }
    }
}
