import Foundation
import Testing
@testable import BulwarkCore

/// Runs the official JSON-Schema-Test-Suite (draft 2020-12) from ../shared/eval/jsonschema.
/// Every test must pass except the ones listed in `expectedFailures`, and those must fail:
/// a regression or an unexpected pass both fail this test.
@Suite struct SchemaSuiteTests {
    static let suiteURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/eval/jsonschema").standardized

    /// Tests we knowingly fail, keyed "file: group description / test description", with the reason.
    static let expectedFailures: [(file: String, reason: String, tests: [String])] = [
        (
            "defs.json",
            "needs the draft 2020-12 meta-schema (https://json-schema.org/draft/2020-12/schema), which is not in the offline remotes; the $ref is reported unsupported",
            ["validate definition against metaschema / invalid definition schema"]
        ),
        (
            "ref.json",
            "needs the draft 2020-12 meta-schema, which is not in the offline remotes; the $ref is reported unsupported",
            ["remote ref, containing refs itself / remote ref invalid"]
        ),
        (
            "vocabulary.json",
            "$vocabulary (custom meta-schemas that switch vocabularies off) is not supported: every 2020-12 keyword is always applied",
            ["schema that uses custom metaschema with with no validation vocabulary / no validation: invalid number, but it still validates"]
        ),
    ]

    static func loadRegistry(_ remotes: URL) throws -> [String: JSONValue] {
        var registry: [String: JSONValue] = [:]
        let files = FileManager.default.enumerator(at: remotes, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "json" else { continue }
            let relative = url.standardized.path.dropFirst(remotes.standardized.path.count + 1)
            registry["http://localhost:1234/" + relative] = try JSONParser().parse(String(contentsOf: url, encoding: .utf8))
        }
        return registry
    }

    @Test func draft2020_12() throws {
        let directory = Self.suiteURL.appendingPathComponent("draft2020-12")
        guard FileManager.default.fileExists(atPath: directory.path) else {
            print("SchemaSuiteTests: \(directory.path) not found; skipping the JSON Schema conformance suite")
            return
        }
        let registry = try Self.loadRegistry(Self.suiteURL.appendingPathComponent("remotes"))
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var failures: Set<String> = []
        var passed = 0
        var total = 0
        for file in files {
            let document = try JSONParser().parse(String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
            var filePassed = 0
            var fileTotal = 0
            for group in document.arrayValue ?? [] {
                let groupName = group["description"]?.stringValue ?? "?"
                let schema: JSONSchema?
                do {
                    schema = try JSONSchema(group["schema"] ?? .bool(true), registry: registry)
                } catch {
                    print("SchemaSuiteTests: \(file): \(groupName): \(error)")
                    schema = nil
                }
                for test in group["tests"]?.arrayValue ?? [] {
                    let name = "\(file): \(groupName) / \(test["description"]?.stringValue ?? "?")"
                    let expected = test["valid"]?.boolValue ?? false
                    fileTotal += 1
                    let data = test["data"] ?? .null
                    if let schema, schema.validate(data).isEmpty == expected, schema.isValid(data) == expected {
                        filePassed += 1
                    } else {
                        failures.insert(name)
                    }
                }
            }
            print("SchemaSuiteTests: \(file): \(filePassed)/\(fileTotal)")
            passed += filePassed
            total += fileTotal
        }
        print("SchemaSuiteTests: total \(passed)/\(total)")
        let expected = Set(Self.expectedFailures.flatMap { entry in entry.tests.map { "\(entry.file): \($0)" } })
        for name in failures.subtracting(expected).sorted() { Issue.record("unexpected failure: \(name)") }
        for name in expected.subtracting(failures).sorted() { Issue.record("expected failure now passes (update the table): \(name)") }
    }
}
