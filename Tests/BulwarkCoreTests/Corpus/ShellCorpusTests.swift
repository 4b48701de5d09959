import Foundation
import Testing
@testable import BulwarkCore

/// Measures the engine on ../shared/eval/shell.jsonl (high-confidence rows, each sent as a Claude
/// Code Bash payload) and guards against regressions. The floors are the measured figures
/// rounded down, not the targets: BENCHMARKS.md has the figures and the targets.
@Suite struct ShellCorpusTests {
    static let corpusURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/eval/shell.jsonl")
    static var available: Bool { FileManager.default.fileExists(atPath: corpusURL.path) }

    @Test(.enabled(if: available, "shared/eval/shell.jsonl is not present; corpus measurement skipped"))
    func highConfidenceShellRows() throws {
        let text = try String(contentsOf: Self.corpusURL, encoding: .utf8)
        let engine = Engine()
        var report = EvalReport()
        for line in text.split(separator: "\n") {
            guard let json = try? JSONParser().parse(String(line)), let row = CorpusRow(json: json), row.confidence == "high",
                let payload = row.payload()
            else { continue }
            report.record(row, verdict: engine.evaluate(payload))
        }
        let all = try #require(report.tallies["high"]?["all"])
        print("shell corpus (high): attacks blocked \(all.recallStrict), benign blocked \(all.fprStrict)")
        #expect(all.malicious > 700 && all.benign > 1400)
        #expect(all.fprStrict <= 0.01, "benign rows blocked: \(report.falseBlocks.map(\.id))")
        #expect(all.recallStrict >= 0.74, "attack recall regressed")
        #expect(report.tallies["high"]?["gtfobins"]?.recallStrict ?? 0 >= 0.94)
    }
}
