import ArgumentParser
import BulwarkCLI
import BulwarkCore
import BulwarkRuntime

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Judge one action read from stdin and print the verdict JSON.",
        discussion: """
            The input may be a Bulwark action, an MCP tools/call request, a Claude Code hook payload,
            an OpenAI tool call or an Anthropic tool_use block; the format is detected.
            Exit status: 0 allow, 1 review, 2 block, 3 bad input (a block verdict with an `error`).
            With --batch, each stdin line is one input and each output line its verdict, in order;
            the exit status is the most severe of all lines.
            """
    )

    @OptionGroup var options: EngineOptions

    @Flag(help: "Read JSONL: one input per line, one verdict line out per line, in order.")
    var batch = false

    @Option(help: "Largest accepted input (one document, or one line with --batch), in bytes.")
    var maxBytes: Int = 16 << 20

    func run() throws {
        let engine = try options.engineOrExit()
        let format = options.inputFormat
        if batch {
            var worst = ExitStatus.allow
            var reader = LineReader(maxLine: maxBytes)
            var lineNumber = 0
            while let (bytes, truncated) = reader.next() {
                lineNumber += 1
                if bytes.isEmpty && !truncated { continue }
                let start = ContinuousClock.now
                var verdict: Verdict
                if truncated {
                    verdict = engine.refusal("line \(lineNumber) is over the \(maxBytes)-byte limit", input: "")
                } else {
                    verdict = engine.evaluate(bytes: bytes, format: format)
                }
                verdict.latencyMicros = (ContinuousClock.now - start).microseconds
                if verdict.error != nil { verdict.error = "line \(lineNumber): " + verdict.error! }
                StandardIO.write(verdict.jsonString + "\n")
                worst = max(worst, ExitStatus(verdict))
            }
            throw worst.code
        }
        let bytes = StandardIO.readAll(limit: maxBytes)
        let start = ContinuousClock.now
        var verdict: Verdict
        if bytes.count > maxBytes {
            verdict = engine.refusal("input is over the \(maxBytes)-byte limit", input: "")
        } else if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            verdict = engine.refusal("empty input: expected one JSON document on stdin", input: "")
        } else {
            verdict = engine.evaluate(bytes: bytes, format: format)
        }
        verdict.latencyMicros = (ContinuousClock.now - start).microseconds
        StandardIO.write(verdict.jsonString + "\n")
        throw ExitStatus(verdict).code
    }
}
