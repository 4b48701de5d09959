import Foundation
import Testing
@testable import BulwarkCore

/// Measures the secret and PII scanners on ../shared/eval/secrets.jsonl and pii.jsonl.
///
/// A row counts as detected when the scanner reports at least one match. Numbers are given for
/// all rows and for a held-out fifth chosen by hashing the row id (FNV-1a, `hash % 5 == 0`),
/// whose rows were not read while writing the rules (the rules follow the providers' documented
/// formats, not individual rows). The floors are the measured figures rounded down (and the
/// measured false-positive counts), not the targets (secrets `high`: recall ≥ 95% with FPR ≤ 5%;
/// PII with structured identifiers: recall ≥ 90% with FPR ≤ 2% on benign rows). `medium` and
/// `low` secret rows are printed, not asserted.
@Suite struct ContentCorpusTests {
    static let evalDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval")
    static var secretsAvailable: Bool {
        FileManager.default.fileExists(atPath: evalDirectory.appendingPathComponent("secrets.jsonl").path)
    }
    static var piiAvailable: Bool {
        FileManager.default.fileExists(atPath: evalDirectory.appendingPathComponent("pii.jsonl").path)
    }

    struct Row {
        var id: String
        var text: String
        var malicious: Bool
        var category: String
        var confidence: String
        var structured: Bool
    }

    struct Tally: CustomStringConvertible {
        var positives = 0, hits = 0, negatives = 0, falseHits = 0
        var recall: Double { positives == 0 ? 0 : Double(hits) / Double(positives) }
        var fpr: Double { negatives == 0 ? 0 : Double(falseHits) / Double(negatives) }
        mutating func add(malicious: Bool, detected: Bool) {
            if malicious {
                positives += 1
                if detected { hits += 1 }
            } else {
                negatives += 1
                if detected { falseHits += 1 }
            }
        }
        var description: String {
            "recall \(hits)/\(positives) = \(pct(recall)), FPR \(falseHits)/\(negatives) = \(pct(fpr))"
        }
        func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
    }

    /// FNV-1a over the id: a stable split that does not depend on the row order.
    static func heldOut(_ id: String) -> Bool {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h % 5 == 0
    }

    static func rows(_ file: String) throws -> [Row] {
        let text = try String(contentsOf: evalDirectory.appendingPathComponent(file), encoding: .utf8)
        var out: [Row] = []
        for line in text.split(separator: "\n") {
            guard let json = try? JSONParser().parse(String(line)), let id = json["id"]?.stringValue,
                let input = json["input"]?.stringValue, let label = json["label"]?.stringValue
            else { continue }
            let meta = json["meta"]
            out.append(
                Row(
                    id: id, text: input, malicious: label == "malicious", category: json["category"]?.stringValue ?? "",
                    confidence: meta?["confidence"]?.stringValue ?? "", structured: meta?["has_structured_pii"]?.boolValue ?? false))
        }
        return out
    }

    static func dump(_ name: String, _ lines: [String]) {
        guard let dir = ProcessInfo.processInfo.environment["BULWARK_CONTENT_DUMP"] else { return }
        try? lines.joined(separator: "\n").write(toFile: "\(dir)/\(name)", atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: secretsAvailable, "shared/eval/secrets.jsonl is not present; secrets measurement skipped"))
    func secretsCorpus() throws {
        let scanner = SecretScanner()
        var all: [String: Tally] = [:]
        var held: [String: Tally] = [:]
        var misses: [String] = []
        for row in try Self.rows("secrets.jsonl") {
            let matches = scanner.scan(row.text)
            let detected = !matches.isEmpty
            all[row.confidence, default: Tally()].add(malicious: row.malicious, detected: detected)
            if Self.heldOut(row.id) { held[row.confidence, default: Tally()].add(malicious: row.malicious, detected: detected) }
            if row.malicious != detected {
                let kinds = matches.map(\.type).joined(separator: ",")
                misses.append("\(row.confidence) \(row.malicious ? "MISS" : "FP  ") \(row.category) [\(kinds)] \(row.text.prefix(160))")
            }
        }
        Self.dump("secrets-misses.txt", misses)
        for c in ["high", "medium", "low"] {
            print("secrets \(c): all \(all[c] ?? Tally()); held-out \(held[c] ?? Tally())")
        }
        let high = try #require(all["high"])
        #expect(high.positives > 400 && high.negatives > 20)
        // Measured: 407/419 = 97.1% recall, 0/27 false positives (held-out fifth: 89/90, 0/4).
        #expect(high.recall >= 0.97, "secrets recall (high) regressed: \(high)")
        #expect(high.falseHits == 0, "secrets false positives (high): \(high)")
    }

    @Test(.enabled(if: piiAvailable, "shared/eval/pii.jsonl is not present; PII measurement skipped"))
    func piiCorpus() throws {
        let scanner = PIIScanner()
        var structured = Tally()
        var structuredHeld = Tally()
        var benign: [String: Tally] = [:]
        var benignHeld = Tally()
        var unstructured = Tally()
        var misses: [String] = []
        for row in try Self.rows("pii.jsonl") {
            let matches = scanner.scan(row.text)
            let detected = !matches.isEmpty
            let held = Self.heldOut(row.id)
            if row.malicious {
                if row.structured, row.confidence == "high" {
                    structured.add(malicious: true, detected: detected)
                    if held { structuredHeld.add(malicious: true, detected: detected) }
                    if !detected { misses.append("MISS \(row.category) \(row.text.prefix(200))") }
                } else {
                    unstructured.add(malicious: true, detected: detected)
                }
            } else {
                benign[row.category, default: Tally()].add(malicious: false, detected: detected)
                benign["all", default: Tally()].add(malicious: false, detected: detected)
                if held { benignHeld.add(malicious: false, detected: detected) }
                if detected {
                    let kinds = matches.map { "\($0.type)@\($0.range)" }.joined(separator: ",")
                    misses.append("FP   \(row.category) [\(kinds)] \(row.text.prefix(200))")
                }
            }
        }
        Self.dump("pii-misses.txt", misses)
        print("pii structured (high): all \(structured); held-out \(structuredHeld)")
        print("pii benign: all \(benign["all"] ?? Tally()); held-out \(benignHeld)")
        for (k, v) in benign.sorted(by: { $0.key < $1.key }) where k != "all" { print("pii benign \(k): \(v)") }
        print("pii unstructured-only rows flagged (not scored): \(unstructured.hits)/\(unstructured.positives)")
        #expect(structured.positives > 300)
        // Measured: 370/371 = 99.7% recall, 0/1227 benign rows flagged (held-out: 71/71, 0/253).
        #expect(structured.recall >= 0.99, "PII recall regressed: \(structured)")
        #expect((benign["all"]?.falseHits ?? 1) == 0, "PII false positives: \(benign["all"] ?? Tally())")
    }
}
