/// What an agent usually does: which tools it calls, at which hours (UTC), with how large
/// arguments. The runtime records each judged call (`record`); the behaviour layer compares the
/// next call with it. A value type with bounded size: at most `maxTools` tools are tracked.
public struct BehaviourProfile: Sendable, Equatable {
    public static let maxTools = 1_024

    public private(set) var calls = 0
    public private(set) var toolCounts: [String: Int] = [:]
    /// Calls per UTC hour of day, 0…23.
    public private(set) var hourCounts = [Int](repeating: 0, count: 24)
    public private(set) var argumentSizes: [String: SizeStats] = [:]

    /// Running statistics of one tool's argument sizes (Welford's algorithm).
    public struct SizeStats: Sendable, Equatable {
        public var count = 0
        public var mean = 0.0
        public var m2 = 0.0
        public var max = 0

        public init(count: Int = 0, mean: Double = 0, m2: Double = 0, max: Int = 0) {
            self.count = count
            self.mean = mean
            self.m2 = m2
            self.max = max
        }

        public var standardDeviation: Double { count > 1 ? (m2 / Double(count - 1)).squareRoot() : 0 }

        mutating func add(_ size: Int) {
            count += 1
            let x = Double(size)
            let delta = x - mean
            mean += delta / Double(count)
            m2 += delta * (x - mean)
            max = Swift.max(max, size)
        }
    }

    public init() {}

    /// Restores a stored profile; inconsistent parts are dropped rather than trusted.
    public init(calls: Int, toolCounts: [String: Int], hourCounts: [Int], argumentSizes: [String: SizeStats]) {
        self.calls = max(0, calls)
        self.toolCounts = toolCounts.count <= Self.maxTools ? toolCounts.filter { $0.value > 0 } : [:]
        if hourCounts.count == 24 { self.hourCounts = hourCounts.map { max(0, $0) } }
        self.argumentSizes = argumentSizes.count <= Self.maxTools ? argumentSizes : [:]
    }

    /// Counts one call to `tool` whose arguments measure `argumentSize` (see `size(of:)`), made at
    /// UTC hour `hour` (nil when the caller does not know the time).
    public mutating func record(tool: String, argumentSize: Int, hour: Int?) {
        calls += 1
        if let hour, (0..<24).contains(hour) { hourCounts[hour] += 1 }
        guard toolCounts[tool] != nil || toolCounts.count < Self.maxTools else { return }
        toolCounts[tool, default: 0] += 1
        argumentSizes[tool, default: SizeStats()].add(argumentSize)
    }

    /// The size of a call's arguments: bytes of its strings and keys plus a byte per scalar value.
    /// Cheap (no serialization) and stable across wire formats.
    public static func size(of value: JSONValue) -> Int {
        switch value {
        case .null, .bool, .number: 1
        case .string(let s): s.utf8.count
        case .array(let items): items.reduce(1) { $0 + size(of: $1) }
        case .object(let object): object.entries.reduce(1) { $0 + $1.key.utf8.count + size(of: $1.value) }
        }
    }
}
