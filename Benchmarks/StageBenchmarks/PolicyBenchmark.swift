// What a policy's rules add to each action: the whole engine over a corpus with the policy, and
// with the same policy stripped of its rules; the difference of the p50s is the rules' cost
// (building the bindings once per action, then trying the rules).
// Usage: stage-benchmarks policy CORPUS.jsonl POLICY.json [passes]
import BulwarkCore

#if canImport(Glibc)
import Glibc
#endif

func runPolicyBenchmark(corpus: String, policyFile: String, passes: Int) {
    guard let text = readFile(corpus), let source = readFile(policyFile),
          let document = try? JSONParser().parse(source) else {
        print("cannot read \(corpus) or \(policyFile) (the policy must be JSON)")
        exit(2)
    }
    let policy: Policy
    do {
        policy = try PolicyCompiler.compile(document)
    } catch {
        print("\(policyFile): \(error)")
        exit(2)
    }
    var baseline = policy
    baseline.rules = []
    var payloads: [String] = []
    for line in text.split(separator: "\n") {
        guard let json = try? JSONParser().parse(String(line)), let row = CorpusRow(json: json), let payload = row.payload() else { continue }
        payloads.append(payload)
    }
    let engines = [("no rules", Engine(workspace: baseline)), ("\(policy.rules.count) rules", Engine(workspace: policy))]
    var p50s: [Double] = []
    for (name, engine) in engines {
        var sink = 0
        for p in payloads { sink &+= engine.evaluate(p).risk }  // warm-up
        var samples: [Int64] = []
        samples.reserveCapacity(payloads.count * passes)
        let clock = ContinuousClock()
        for _ in 0..<passes {
            for p in payloads {
                let start = clock.now
                sink &+= engine.evaluate(p).risk
                let d = clock.now - start
                samples.append(d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000)
            }
        }
        samples.sort()
        func q(_ f: Double) -> Double { Double(samples[min(samples.count - 1, Int(Double(samples.count) * f))]) / 1000 }
        p50s.append(q(0.5))
        print("engine, \(name + String(repeating: " ", count: max(0, 10 - name.count))) p50 \(q(0.5)) µs  p99 \(q(0.99)) µs  (n=\(samples.count))\(sink == 42 ? " " : "")")
    }
    print("the rules add p50 \(((p50s[1] - p50s[0]) * 1000).rounded() / 1000) µs per action")
}
