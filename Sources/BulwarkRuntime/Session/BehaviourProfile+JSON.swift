import BulwarkCore

extension BehaviourProfile {
    /// The profile as JSON, for session files and the service's store.
    public var json: JSONValue {
        var tools = JSONObject()
        for (tool, count) in toolCounts.sorted(by: { $0.key < $1.key }) {
            let s = argumentSizes[tool] ?? SizeStats()
            tools[tool] = ["calls": .number(Double(count)), "size_count": .number(Double(s.count)), "size_mean": .number(s.mean), "size_m2": .number(s.m2), "size_max": .number(Double(s.max))]
        }
        return ["calls": .number(Double(calls)), "hours": .array(hourCounts.map { .number(Double($0)) }), "tools": .object(tools)]
    }

    /// Reads `json` written by `json`; malformed parts are dropped.
    public init(json: JSONValue) {
        func int(_ v: JSONValue?) -> Int { v?.numberValue.flatMap { $0.isFinite && abs($0) < 1e15 ? Int($0) : nil } ?? 0 }
        var counts: [String: Int] = [:]
        var sizes: [String: SizeStats] = [:]
        for (tool, entry) in json["tools"]?.objectValue?.entries ?? [] {
            counts[tool] = int(entry["calls"])
            let mean = entry["size_mean"]?.numberValue ?? 0, m2 = entry["size_m2"]?.numberValue ?? 0
            guard mean.isFinite, m2.isFinite, m2 >= 0 else { continue }
            sizes[tool] = SizeStats(count: int(entry["size_count"]), mean: mean, m2: m2, max: int(entry["size_max"]))
        }
        self.init(calls: int(json["calls"]), toolCounts: counts, hourCounts: (json["hours"]?.arrayValue ?? []).map { int($0) }, argumentSizes: sizes)
    }
}
