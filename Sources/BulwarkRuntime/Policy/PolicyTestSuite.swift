import BulwarkCore
import Foundation

/// Test cases for a policy, in YAML beside it (like `opa test`):
///
/// ```yaml
/// policy: finance.yaml          # relative to this file
/// now: 1763726400               # optional Unix time for time.* conditions
/// cases:
///   - name: large transfers need review
///     input: {tool: transfer, agent: treasury-agent, arguments: {amount: 12500, currency: USD}}
///     expect: review
/// ```
public struct PolicyTestSuite {
    public struct Case {
        public var name: String
        public var input: JSONValue
        public var expect: Decision
        public var line: Int?
    }

    public struct Outcome {
        public var name: String
        public var expected: Decision
        public var actual: Verdict
        public var passed: Bool { actual.decision == expected && actual.error == nil }
    }

    public var policyPath: String
    public var now: Int?
    public var cases: [Case]

    public static func load(contentsOf path: String) throws(PolicyError) -> PolicyTestSuite {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw PolicyError("cannot read the test file", pointer: "", file: path)
        }
        let (document, source) = try PolicyLoader.parse(yaml: text, file: path)
        guard let root = document.objectValue else { throw source.error("a test file is a mapping", at: "") }
        for key in root.keys where !["policy", "cases", "now"].contains(key) {
            throw source.error("unknown field `\(key)` (expected policy, now, cases)", at: "/" + key)
        }
        guard let policy = root["policy"]?.stringValue else { throw source.error("`policy` names the policy file", at: "/policy") }
        let base = (path as NSString).deletingLastPathComponent
        let policyPath = policy.hasPrefix("/") ? policy : (base.isEmpty ? policy : base + "/" + policy)
        guard let items = root["cases"]?.arrayValue, !items.isEmpty else { throw source.error("`cases` is a non-empty list", at: "/cases") }
        var cases: [Case] = []
        for (i, item) in items.enumerated() {
            let at = "/cases/\(i)"
            guard let c = item.objectValue else { throw source.error("a case is a mapping", at: at) }
            for key in c.keys where !["name", "input", "expect"].contains(key) {
                throw source.error("unknown field `\(key)` (expected name, input, expect)", at: at + "/" + key)
            }
            guard let input = c["input"] else { throw source.error("a case needs an `input`", at: at) }
            guard let expect = c["expect"]?.stringValue.flatMap(Decision.init(rawValue:)) else {
                throw source.error("`expect` is allow, review or block", at: at + "/expect")
            }
            cases.append(Case(name: c["name"]?.stringValue ?? "case \(i + 1)", input: input, expect: expect, line: source.positions[at]?.line))
        }
        let now = root["now"]?.numberValue.map { Int($0) }
        return PolicyTestSuite(policyPath: policyPath, now: now, cases: cases)
    }

    /// Runs every case against the policy.
    public func run(configuration: EngineConfiguration = EngineConfiguration()) throws(PolicyError) -> [Outcome] {
        let policy = try PolicyLoader.load(contentsOf: policyPath)
        var configuration = configuration
        if let now { configuration.defaults.now = now }
        let engine = Engine(configuration: configuration, workspace: policy)
        return cases.map { c in
            Outcome(name: c.name, expected: c.expect, actual: engine.evaluate(json: c.input, source: JSONWriter.string(c.input)))
        }
    }
}
