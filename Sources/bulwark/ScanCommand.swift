import ArgumentParser
import BulwarkCLI
import BulwarkCore
import BulwarkRuntime

struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Scan text for prompt injection, secrets and personal data, and print the redacted text.",
        discussion: """
            Prints {"categories": [...], "risk": n, "findings": [...], "redacted": "…"}; categories are
            prompt_injection, secret, pii. With --batch, each stdin line is {"text": …} and each output line
            its result, in order (a malformed line gives {"error": …}). Exit status 0 unless the input could not be read (3).
            """
    )

    @Flag(help: "Read JSONL lines of {\"text\": …}; one result line per input line.")
    var batch = false

    @Option(help: "Largest accepted input (the whole text, or one line with --batch), in bytes.")
    var maxBytes: Int = 16 << 20

    func run() throws {
        if batch {
            var reader = LineReader(maxLine: maxBytes)
            var status = ExitStatus.allow
            while let (bytes, truncated) = reader.next() {
                if bytes.isEmpty && !truncated { continue }
                guard !truncated, let line = String(validating: bytes, as: UTF8.self),
                    let json = try? JSONParser().parse(line), let text = json["text"]?.stringValue
                else {
                    StandardIO.write(JSONWriter.string(["error": "expected a JSON line {\"text\": …} of valid UTF-8 under the size limit"]) + "\n")
                    status = .badInput
                    continue
                }
                StandardIO.write(JSONWriter.string(ContentScan.scan(text).json) + "\n")
            }
            throw status.code
        }
        let bytes = StandardIO.readAll(limit: maxBytes)
        guard bytes.count <= maxBytes, let text = String(validating: bytes, as: UTF8.self) else {
            StandardIO.write(JSONWriter.string(["error": "input is not valid UTF-8 or is over the size limit"]) + "\n")
            throw ExitStatus.badInput.code
        }
        StandardIO.write(JSONWriter.string(ContentScan.scan(text).json) + "\n")
    }
}
