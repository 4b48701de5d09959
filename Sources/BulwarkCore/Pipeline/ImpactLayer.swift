/// What the action does and to what: shell commands, file access, HTTP requests, SQL, money, and
/// the threat-intelligence indicators it touches.
public struct ImpactLayer: Layer {
    public let id = LayerID.impact
    public var money: MoneyRules
    public var indicators: ThreatIndicators

    public init(money: MoneyRules = MoneyRules(), indicators: ThreatIndicators = ThreatIndicators()) {
        self.money = money
        self.indicators = indicators
    }

    public func evaluate(_ action: Action, state: SessionSnapshot) -> [Finding] {
        // After the tool ran (PostToolUse, a judged result) only what came back matters.
        guard action.phase == .pre else { return [] }
        var findings: [Finding] = []
        let facets = action.facets
        for shell in facets.shell { findings.append(contentsOf: shell.findings) }
        for access in facets.files {
            findings.append(contentsOf: FileRules.findings(for: access, home: action.home, cwd: action.cwd))
        }
        for request in facets.requests { findings.append(contentsOf: HTTPRules.findings(for: request)) }
        if !facets.sql.isEmpty { findings.append(contentsOf: SQLRules.findings(for: facets.sql)) }
        if !facets.money.isEmpty { findings.append(contentsOf: money.findings(for: facets.money)) }
        if !indicators.isEmpty { findings.append(contentsOf: ThreatIntelRules.findings(for: action, indicators: indicators)) }
        return findings
    }
}
