import ArgumentParser
import BulwarkCLI
import BulwarkCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score a labeled JSONL corpus: recall, false-positive rate and F1 per confidence and category, and the misses.",
        discussion: """
            Rows are {"id", "kind", "input", "label": "malicious"|"benign", "category", "meta": {"confidence"}}.
            Shell rows are sent as Claude Code Bash payloads; text rows as a message an agent sends.
            Strict counts block as a detection; lenient counts block or review.
            With --scan, text rows are judged by the content scanner instead, as `bulwark scan` would:
            a row counts as detected (block) when the scanner reports the category its kind asks about
            (text: prompt_injection, secret: secret, pii: pii), and as review when it reports only
            weaker signals of it.
            """
    )

    @Argument(help: "Corpus file(s) in JSONL.")
    var files: [String]

    @Option(help: "Only rows of this confidence (high, medium, low).")
    var confidence: String?

    @Option(help: "How many missed attacks and false blocks to list.")
    var misses: Int = 20

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Flag(help: "Judge text, secret and pii rows with the content scanner (`bulwark scan`) instead of the engine.")
    var scan = false

    @OptionGroup var options: EngineOptions

    func run() throws {
        let engine = try options.engineOrExit()
        var report = EvalReport()
        for file in files {
            let lines = try readLines(file)
            for line in lines where !line.isEmpty {
                guard let value = try? JSONParser().parse(line), let row = CorpusRow(json: value) else { report.recordSkip(); continue }
                if let confidence, row.confidence != confidence { continue }
                if scan, let text = row.input.stringValue, let category = Self.scanCategory[row.kind] {
                    let result = ContentScan.scan(text)
                    let detected = result.categories.contains(category)
                    let weak = !detected && category == .promptInjection && result.findings.contains { $0.layer == .injection }
                    report.record(row, decision: detected ? .block : weak ? .review : .allow, risk: result.risk, includeOverall: confidence == nil)
                    continue
                }
                guard let payload = row.payload(cwd: options.cwd ?? "/home/user/project") else { report.recordSkip(); continue }
                report.record(row, verdict: engine.evaluate(payload), includeOverall: confidence == nil)
            }
        }
        StandardIO.write(json ? JSONWriter.string(reportJSON(report)) + "\n" : renderText(report))
    }

    static let scanCategory: [String: ContentScan.Category] = ["text": .promptInjection, "secret": .secret, "pii": .pii]

    func readLines(_ path: String) throws -> [String] {
        guard let bytes = FileBytes.read(path) else { throw ValidationError("cannot read \(path)") }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    func percent(_ v: Double) -> String {
        v.isNaN ? "   -  " : String(format1: v * 100) + "%"
    }

    func renderText(_ report: EvalReport) -> String {
        var out = ""
        for confidence in report.tallies.keys.sorted() {
            out += "confidence \(confidence)\n"
            out += "  category                     mal  ben  recall(strict) recall(lenient)  FPR(strict) FPR(lenient)    F1\n"
            let categories = report.tallies[confidence]!
            for category in categories.keys.sorted(by: { $0 == "all" ? false : $1 == "all" ? true : $0 < $1 }) {
                let t = categories[category]!
                let name = category.padding(28)
                out += "  \(name) \(String(t.malicious).leftPad(4)) \(String(t.benign).leftPad(4))  \(percent(t.recallStrict).leftPad(14)) \(percent(t.recallLenient).leftPad(15))  \(percent(t.fprStrict).leftPad(11)) \(percent(t.fprLenient).leftPad(12))  \(t.f1Strict.isNaN ? "-" : String(format2: t.f1Strict))\n"
            }
        }
        if report.skipped > 0 { out += "skipped rows (unsupported kind or malformed): \(report.skipped)\n" }
        out += "\nmissed attacks (not blocked): \(report.missedAttacks.count)\n"
        for m in report.missedAttacks.prefix(misses) {
            out += "  \(m.id) [\(m.category), \(m.confidence)] \(m.decision.rawValue) risk \(m.risk): \(m.input.replacingNewlines)\n"
        }
        out += "\nbenign rows blocked: \(report.falseBlocks.count)\n"
        for m in report.falseBlocks.prefix(misses) {
            out += "  \(m.id) [\(m.category), \(m.confidence)] risk \(m.risk): \(m.input.replacingNewlines)\n"
        }
        return out
    }

    func reportJSON(_ report: EvalReport) -> JSONValue {
        var root = JSONObject()
        for (confidence, categories) in report.tallies {
            var group = JSONObject()
            for (category, t) in categories {
                group[category] = [
                    "malicious": .number(Double(t.malicious)), "benign": .number(Double(t.benign)),
                    "recall_strict": .number(t.recallStrict), "recall_lenient": .number(t.recallLenient),
                    "fpr_strict": .number(t.fprStrict), "fpr_lenient": .number(t.fprLenient), "f1_strict": .number(t.f1Strict),
                ]
            }
            root[confidence] = .object(group)
        }
        let missed = report.missedAttacks.prefix(misses).map { JSONValue.string($0.id) }
        let falseBlocks = report.falseBlocks.prefix(misses).map { JSONValue.string($0.id) }
        return ["by_confidence": .object(root), "missed_attacks": .array(Array(missed)), "false_blocks": .array(Array(falseBlocks))]
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? String(prefix(width)) : self + String(repeating: " ", count: width - count) }
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
    var replacingNewlines: String { String(map { $0 == "\n" ? " " : $0 }) }
    init(format1 v: Double) { self = String(Double((v * 10).rounded()) / 10) }
    init(format2 v: Double) { self = String(Double((v * 100).rounded()) / 100) }
}
