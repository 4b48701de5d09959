// What a policy's rules add to each action: the whole engine over a corpus with the policy, and
// with the same policy stripped of its rules, each action through both; the median of the
// per-action differences is the rules' cost (building the bindings, then trying the rules).
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
    let plain = Engine(workspace: baseline)
    let ruled = Engine(workspace: policy)
    // Each action is run through both engines back to back, so that both see the same state of
    // the machine; the rules' cost is the median of the per-action differences.
    var sink = 0
    for p in payloads { sink &+= plain.evaluate(p).risk &+ ruled.evaluate(p).risk }  // warm-up
    var plainSamples: [Int64] = [], ruledSamples: [Int64] = []
    var differences: [[Int64]] = [[], []]  // by which engine went first: plain, rules
    let clock = ContinuousClock()
    func nanoseconds(_ d: Duration) -> Int64 { d.components.seconds * 1_000_000_000 + d.components.attoseconds / 1_000_000_000 }
    for pass in 0..<passes {
        for (index, p) in payloads.enumerated() {
            // Which engine goes first alternates, so that neither gains from caches the other warmed.
            let ruledFirst = (pass + index) % 2 == 1
            let t0 = clock.now
            sink &+= (ruledFirst ? ruled : plain).evaluate(p).risk
            let t1 = clock.now
            sink &+= (ruledFirst ? plain : ruled).evaluate(p).risk
            let t2 = clock.now
            let (plainTime, ruledTime) = ruledFirst ? (nanoseconds(t2 - t1), nanoseconds(t1 - t0)) : (nanoseconds(t1 - t0), nanoseconds(t2 - t1))
            plainSamples.append(plainTime)
            ruledSamples.append(ruledTime)
            differences[ruledFirst ? 1 : 0].append(ruledTime - plainTime)
        }
    }
    func p50(_ samples: [Int64]) -> Double { Double(samples.sorted()[samples.count / 2]) / 1000 }
    print("engine, no rules    p50 \(p50(plainSamples)) µs  (n=\(plainSamples.count))\(sink == 42 ? " " : "")")
    print("engine, \(policy.rules.count) rules   p50 \(p50(ruledSamples)) µs")
    // The engine that goes second finds the action's data in cache; that gain goes one way in
    // each half and cancels in the mean of the two medians.
    let (second, first) = (p50(differences[0]), p50(differences[1]))
    print("the rules add p50 \(((second + first) / 2 * 1000).rounded() / 1000) µs per action (medians of the per-action differences: \(second) µs with the rules second, \(first) µs with them first)")
}
