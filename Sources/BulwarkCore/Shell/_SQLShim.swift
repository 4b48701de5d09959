// TEMPORARY: replaced by Sources/BulwarkCore/SQL and Money when they land.
public struct SQLStatement: Sendable, Equatable { public var text: String }
public enum SQLParser { public static func statements(in t: String) -> [SQLStatement] { [SQLStatement(text: t)] }
  public static func looksLikeSQL(_ t: String) -> Bool { let u = t.uppercased(); return u.hasPrefix("SELECT ") || u.hasPrefix("DROP ") || u.hasPrefix("DELETE ") } }
public enum SQLRules { public static func findings(for s: [SQLStatement]) -> [Finding] { s.contains { $0.text.uppercased().hasPrefix("DROP") } ? [Finding(layer: .impact, rule: "sql.drop", severity: .critical, message: "drop", evidence: s[0].text, category: .destructiveSQL)] : [] } }
public struct MoneyAmount: Sendable, Equatable { public var raw: String; public var amount: Double; public var currency: String; public var usdEquivalent: Double? }
public enum MoneyParser { public static func amounts(in a: JSONValue) -> [MoneyAmount] { [] } }
public struct MoneyRules: Sendable { public var thresholdUSD: Double = 10_000; public init(thresholdUSD: Double = 10_000) { self.thresholdUSD = thresholdUSD }
  public func findings(for a: [MoneyAmount]) -> [Finding] { [] } }
