/// An immutable view of session state handed to the layers. The runtime owns the state and
/// updates it after each decision; the layers never mutate it.
public struct SessionSnapshot: Sendable {
    /// Values (or value fingerprints) known to come from sensitive sources, with their label.
    public var taintedValues: [String: String]
    /// Actions this agent has taken in the current window, per tool.
    public var recentCalls: [String: Int]
    public var signals: ContextSignals

    public init(taintedValues: [String: String] = [:], recentCalls: [String: Int] = [:], signals: ContextSignals = .neutral) {
        self.taintedValues = taintedValues
        self.recentCalls = recentCalls
        self.signals = signals
    }

    public static let empty = SessionSnapshot()
}
