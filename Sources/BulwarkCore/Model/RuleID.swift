/// A stable identifier for a detection rule, such as `shell.rce.download_to_shell`.
///
/// Rule ids are part of the public interface: policies, suppressions and dashboards refer to them,
/// so an id is never renamed or reused. The catalogue lives in `RuleCatalogue`.
public struct RuleID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}
