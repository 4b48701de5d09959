import BulwarkCore

/// The state of one agent session, owned by the runtime (the MCP proxy, the hook's state file,
/// the service) and handed to the engine as an immutable `SessionSnapshot` for each decision.
///
/// - Taint: values that came from sensitive sources (a secret found in a tool result, the
///   contents of a credential file the agent read, addresses in a result that carried injected
///   instructions), kept with their base64, base64url, hex and percent-encoded forms so that an
///   encoded copy in a later call is recognized too. Bounded: the oldest values go first.
/// - Rates: calls per tool in a sliding window (`RateWindow`), for the behaviour layer.
/// - Profile: the agent's tool mix, hours and argument sizes (`BehaviourProfile`).
/// - Flagged tools: definitions the runtime distrusts (see `ToolPinRules`).
///
/// A value type: the owner serializes access (a lock in the proxy, a file lock in the hook).
public struct SessionState: Sendable {
    public var maxTaintedValues = 2_048
    public var rateWindowSeconds = 60.0

    /// Tainted value → label, in insertion order for eviction.
    public private(set) var tainted: [String: String] = [:]
    var taintOrder: [String] = []
    var calls: [String: RateWindow] = [:]
    public var flaggedTools: [String: SessionSnapshot.FlaggedTool] = [:]
    public var profile = BehaviourProfile()

    public init() {}

    /// The UTC hour of day of a Unix time.
    public static func hourOfDay(unixTime: Double) -> Int? {
        guard unixTime.isFinite, unixTime >= 0 else { return nil }
        return Int((unixTime / 3_600).rounded(.down).truncatingRemainder(dividingBy: 24))
    }

    /// The snapshot the engine reads at time `now` (seconds since any fixed origin, for the rate
    /// window) and UTC hour `hourOfDay` (for the profile; nil when unknown).
    /// `unixTime`, when given, is the wall-clock time for `time.*` policy conditions.
    public func snapshot(now: Double, hourOfDay: Int? = nil, unixTime: Int? = nil) -> SessionSnapshot {
        var recent: [String: Int] = [:]
        for (tool, window) in calls {
            let count = window.count(at: now, window: rateWindowSeconds)
            if count > 0 { recent[tool] = count }
        }
        return SessionSnapshot(taintedValues: tainted, recentCalls: recent, flaggedTools: flaggedTools, profile: profile, hourOfDay: hourOfDay, unixTime: unixTime)
    }

    /// Counts a judged call in the rate window and the behaviour profile.
    public mutating func recordCall(_ verdict: Verdict, now: Double, hourOfDay: Int?) {
        let tool = verdict.tool ?? ""
        recordCall(tool, now: now)
        if let size = verdict.argumentSize { profile.record(tool: tool, argumentSize: size, hour: hourOfDay) }
    }

    /// Counts a call to `tool` at `now` in the rate window.
    public mutating func recordCall(_ tool: String, now: Double) {
        if calls[tool] == nil, calls.count >= BehaviourProfile.maxTools {
            // Bounded: forget the tools with no call in the window.
            calls = calls.filter { $0.value.count(at: now, window: rateWindowSeconds) > 0 }
        }
        calls[tool, default: RateWindow(start: now)].record(at: now, window: rateWindowSeconds)
    }

    /// Marks `value` (at least 8 bytes) and its encodings as tainted with `label`.
    public mutating func taint(_ value: String, label: String) {
        guard value.utf8.count >= 8, value.utf8.count <= 4_096 else { return }
        for (variant, how) in Self.encodings(of: value) { insert(variant, label: how.isEmpty ? label : "\(label), \(how)") }
    }

    mutating func insert(_ value: String, label: String) {
        guard tainted[value] == nil else { return }
        tainted[value] = label
        taintOrder.append(value)
        while taintOrder.count > maxTaintedValues {
            tainted[taintOrder.removeFirst()] = nil
        }
    }

    /// The value itself and the encodings an agent might use to smuggle it.
    static func encodings(of value: String) -> [(String, String)] {
        let bytes = Array(value.utf8)
        var out: [(String, String)] = [(value, "")]
        let b64 = Base64.encode(bytes)
        // An encoded value is matched without padding: it may be cut or re-wrapped.
        let trimmed = String(b64.prefix { $0 != "=" })
        out.append((trimmed, "base64"))
        let url = String(trimmed.map { $0 == "+" ? "-" : $0 == "/" ? "_" : $0 })
        if url != trimmed { out.append((url, "base64url")) }
        out.append((bytes.hexString, "hex"))
        let percent = percentEncoded(bytes)
        if percent != value { out.append((percent, "URL-encoded")) }
        return out
    }

    static func percentEncoded(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in bytes {
            let unreserved = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
            if unreserved { out.append(b) } else { out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
