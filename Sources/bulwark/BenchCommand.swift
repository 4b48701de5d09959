import ArgumentParser
import BulwarkCLI
import BulwarkCore

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure in-process latency (p50/p99/max per action) and throughput over a corpus, after warm-up.",
        discussion: "Each row is evaluated end to end (JSON parse, adapter, facets, layers, scoring) on one thread."
    )

    @Argument(help: "Corpus file(s) in the JSONL format of shared/eval (shell rows become Claude Code Bash payloads).")
    var files: [String]

    @Option(help: "Passes over the corpus for warm-up.")
    var warmup: Int = 2

    @Option(help: "Measured passes over the corpus.")
    var iterations: Int = 5

    @Flag(help: "Print JSON.")
    var json = false

    @Option(help: "Also list the N slowest inputs (median of the measured passes).")
    var slowest: Int = 0

    @OptionGroup var options: EngineOptions

    func run() throws {
        let engine = try options.engineOrExit()
        var payloads: [String] = []
        for file in files {
            guard let bytes = FileBytes.read(file) else { throw ValidationError("cannot read \(file)") }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                guard let value = try? JSONParser().parse(String(line)), let row = CorpusRow(json: value), let payload = row.payload() else { continue }
                payloads.append(payload)
            }
        }
        guard !payloads.isEmpty else { throw ValidationError("no usable rows in \(files.joined(separator: ", "))") }
        var sink = 0
        for _ in 0..<warmup { for p in payloads { sink &+= engine.evaluate(p).risk } }
        var samples: [Int64] = []
        samples.reserveCapacity(payloads.count * iterations)
        var perInput = [[Int64]](repeating: [], count: payloads.count)
        let clock = ContinuousClock()
        let total = clock.measure {
            for _ in 0..<iterations {
                for (index, p) in payloads.enumerated() {
                    let start = clock.now
                    sink &+= engine.evaluate(p).risk
                    let elapsed = (clock.now - start).nanoseconds
                    samples.append(elapsed)
                    if slowest > 0 { perInput[index].append(elapsed) }
                }
            }
        }
        if slowest > 0 {
            let medians = perInput.enumerated().map { ($0.offset, $0.element.sorted()[$0.element.count / 2]) }.sorted { $0.1 > $1.1 }
            for (index, ns) in medians.prefix(slowest) {
                StandardIO.write("\(String(format2: Double(ns) / 1000)) µs  \(payloads[index].prefix(200))\n")
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { Double(samples[min(samples.count - 1, Int(Double(samples.count) * p))]) / 1000 }
        let throughput = Double(samples.count) / (Double(total.nanoseconds) / 1e9)
        let result: JSONValue = [
            "actions": .number(Double(payloads.count)), "iterations": .number(Double(iterations)),
            "p50_us": .number(percentile(0.50)), "p90_us": .number(percentile(0.90)), "p99_us": .number(percentile(0.99)),
            "max_us": .number(Double(samples.last!) / 1000), "throughput_per_s": .number(throughput.rounded()),
        ]
        if json {
            StandardIO.write(JSONWriter.string(result) + "\n")
        } else {
            StandardIO.write("""
                actions per pass: \(payloads.count), measured passes: \(iterations) (after \(warmup) warm-up)
                latency per action: p50 \(String(format2: percentile(0.5))) µs, p90 \(String(format2: percentile(0.9))) µs, p99 \(String(format2: percentile(0.99))) µs, max \(String(format2: Double(samples.last!) / 1000)) µs
                throughput: \(Int(throughput)) actions/s on one thread

                """)
        }
        if sink == Int.min { StandardIO.write("") }
    }
}
