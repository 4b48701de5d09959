import BulwarkCore

extension SessionState {
    /// The state as JSON, for the hook's session file.
    public var json: JSONValue {
        var calls = JSONObject()
        for (tool, w) in self.calls { calls[tool] = [.number(w.start), .number(Double(w.current)), .number(Double(w.previous))] }
        var tainted = JSONObject()
        for value in taintOrder { if let label = self.tainted[value] { tainted[value] = .string(label) } }
        var flagged = JSONObject()
        for (tool, flag) in flaggedTools {
            flagged[tool] = ["rule": .string(flag.rule.rawValue), "severity": .string(flag.severity.description), "reason": .string(flag.reason)]
        }
        return ["version": 2, "tainted": .object(tainted), "calls": .object(calls), "flagged_tools": .object(flagged), "profile": profile.json]
    }

    /// Reads `json` written by `json`; unknown or malformed parts are skipped.
    public init(json: JSONValue) {
        self.init()
        for (value, label) in json["tainted"]?.objectValue?.entries ?? [] {
            if let label = label.stringValue { insert(value, label: label) }
        }
        // Version 1 kept timestamps; its rates are dropped (they only cover the last minute).
        for (tool, w) in json["calls"]?.objectValue?.entries ?? [] where json["version"]?.numberValue == 2 {
            guard let n = w.arrayValue?.compactMap(\.numberValue), n.count == 3, n.allSatisfy({ $0.isFinite && $0 >= 0 && $0 < 1e15 }) else { continue }
            calls[tool] = RateWindow(start: n[0], current: Int(n[1]), previous: Int(n[2]))
        }
        for (tool, flag) in json["flagged_tools"]?.objectValue?.entries ?? [] {
            guard let rule = flag["rule"]?.stringValue, let reason = flag["reason"]?.stringValue,
                let severity = Severity.allCases.first(where: { $0.description == flag["severity"]?.stringValue })
            else { continue }
            flaggedTools[tool] = .init(rule: RuleID(rule), severity: severity, reason: reason)
        }
        if let profile = json["profile"] { self.profile = BehaviourProfile(json: profile) }
    }
}
