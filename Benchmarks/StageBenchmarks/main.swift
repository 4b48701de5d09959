// Stage-by-stage latency over a corpus: JSON parse, shell parse, shell analysis, whole engine.
// Usage: swift run -c release stage-benchmarks ../shared/eval/shell.jsonl [passes]
//        swift run -c release stage-benchmarks expressions [rounds]   (a 100-rule policy)
//        swift run -c release stage-benchmarks policy CORPUS.jsonl POLICY.json [passes]
import BulwarkCore

#if canImport(Glibc)
import Glibc
#endif

func readFile(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return String(decoding: bytes, as: UTF8.self)
}

let args = CommandLine.arguments
if args.count >= 2, args[1] == "expressions" {
    runExpressionBenchmark(rounds: args.count >= 3 ? Int(args[2]) ?? 20_000 : 20_000)
    exit(0)
}
if args.count >= 4, args[1] == "policy" {
    runPolicyBenchmark(corpus: args[2], policyFile: args[3], passes: args.count >= 5 ? Int(args[4]) ?? 5 : 5)
    exit(0)
}
guard args.count >= 2, let text = readFile(args[1]) else {
    print("usage: stage-benchmarks CORPUS.jsonl [passes]")
    exit(2)
}
let passes = args.count >= 3 ? Int(args[2]) ?? 5 : 5
var commands: [String] = []
var payloads: [String] = []
var texts: [String] = []
for line in text.split(separator: "\n") {
    guard let json = try? JSONParser().parse(String(line)), let row = CorpusRow(json: json), let payload = row.payload() else { continue }
    payloads.append(payload)
    if let c = row.input.stringValue, row.kind == "shell" { commands.append(c) }
    if let t = row.input.stringValue, row.kind != "shell", t.utf8.count <= 4096 { texts.append(t) }
}

func measure(_ name: String, _ inputs: [String], _ body: (String) -> Int) {
    var sink = 0
    for input in inputs { sink &+= body(input) }  // warm-up
    var samples: [Int64] = []
    let clock = ContinuousClock()
    for _ in 0..<passes {
        for input in inputs {
            let start = clock.now
            sink &+= body(input)
            let d = clock.now - start
            samples.append(d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000)
        }
    }
    samples.sort()
    func p(_ q: Double) -> Double { Double(samples[min(samples.count - 1, Int(Double(samples.count) * q))]) / 1000 }
    print("\(name + String(repeating: " ", count: max(0, 16 - name.count))) p50 \(p(0.5)) µs  p90 \(p(0.9)) µs  p99 \(p(0.99)) µs  (n=\(samples.count))\(sink == 42 ? " " : "")")
}

if !texts.isEmpty {
    // Text corpora (injection, secrets, PII): the full content scan of texts up to 4 KB.
    measure("content scan", texts) { ContentScan.scan($0).risk }
    measure("injection scan", texts) { InjectionScanner().scan($0).count }
    measure("secret scan", texts) { SecretScanner().scan($0).count }
    measure("pii scan", texts) { PIIScanner().scan($0).count }
    exit(0)
}

let parser = JSONParser()
let engine = Engine()
measure("json parse", payloads) { (try? parser.parse($0)) == nil ? 0 : 1 }
measure("shell parse", commands) { ShellParser.parse($0).script.items.count }
measure("shell analysis", commands) { ShellAnalysis.analyze($0, cwd: "/home/user/project", home: nil).findings.count }
measure("secret scan", commands) { SecretScanner().scan($0).count }
measure("pii scan", commands) { PIIScanner().scan($0).count }
measure("injection scan", commands) { InjectionScanner().scan($0).count }
measure("engine", payloads) { engine.evaluate($0).risk }

// Hand-written scanner versus a Swift Regex compiled once, for the same question:
// does this argument name a shell binary to run (`/bin/sh`, `/usr/bin/bash`)?
let shellPathRegex = try! Regex(#"(?:^|[\s'"=!:(,])/(?:[\w.-]+/)*(?:sh|bash|dash|zsh|ksh|csh|tcsh|ash|mksh|fish)(?:$|[^\w.-])"#)
measure("scan: hand", commands) { ShellScanProbe.handWritten($0) ? 1 : 0 }
measure("scan: regex", commands) { $0.contains(shellPathRegex) ? 1 : 0 }
