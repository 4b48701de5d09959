/// The deterministic prompt-injection firewall. Three stages over one text:
/// (a) phrase families on normalized words (`PhraseCatalogue`),
/// (b) encoded payloads decoded and scanned again (`PayloadDecoder`), and rot13 matched on the
///     words in the same pass as (a) (`PhraseMatcher.matchesWithRot13`),
/// (c) structure: role markers, fake boundaries and tool calls, hidden text, markdown
///     exfiltration, tag characters, token floods (`StructureScanner`),
/// plus instructions embedded in data (`EmbeddedInstruction`).
///
/// Low-severity matches are signals: alone they do not flag the text; two different ones do
/// (`injection.combined_signals`). `flags` says whether a result counts as prompt injection.
public struct InjectionScanner: Sendable {
    public struct Match: Sendable, Equatable {
        public var rule: RuleID
        public var severity: Severity
        public var message: String
        public var phrase: String
    }

    /// Where the text sits. A message or argument may carry a serialized record, whose values are
    /// then data; a tool result is data as a whole, so an instruction anywhere in it is suspect.
    public enum Context: Sendable { case message, data }

    public init() {}

    /// The word stages look at a whole text up to `2 × halfWindow` bytes, and at the first and the
    /// last `halfWindow` bytes of a longer one; the byte stages look at all of it (decoding at the
    /// first 1 MB). Time stays linear and memory bounded.
    public static let halfWindow = 1 << 20

    public func scan(_ text: String, context: Context = .message) -> [Match] {
        var out: [Match] = []
        let words = TextNormalizer.headAndTailWords(text, half: Self.halfWindow)
        let matcher = PhraseCatalogue.matcher
        var decoded: [Match] = []
        matcher.matchesWithRot13(words, into: &out, rot13: &decoded)
        let bytes = Array(text.utf8)
        StructureScanner().scan(text, bytes: bytes, into: &out)
        EmbeddedInstruction().scan(text, wholeTextIsData: context == .data, into: &out)

        var signals: [Match] = []
        for payload in PayloadDecoder().payloads(text, bytes: bytes, signals: &signals) {
            matcher.matches(TextNormalizer.words(payload.text, limit: Self.halfWindow), into: &decoded, decoded: payload.encoding)
        }
        // Decoded text must say something unambiguous to count; hiding it is itself a signal.
        for match in decoded where match.severity >= .high {
            out.append(match)
        }
        out.append(contentsOf: signals)
        return Self.combine(out)
    }

    /// Whether the matches make the text a prompt injection: one at medium or above.
    public static func flags(_ matches: [Match]) -> Bool {
        matches.contains { $0.severity >= .medium }
    }

    /// One match per rule (the most severe), and two different low signals raised to medium.
    static func combine(_ matches: [Match]) -> [Match] {
        var best: [Match] = []
        for match in matches {
            if let i = best.firstIndex(where: { $0.rule == match.rule }) {
                if match.severity > best[i].severity { best[i] = match }
            } else {
                best.append(match)
            }
        }
        let lows = best.filter { $0.severity == .low }
        if lows.count >= 2, !best.contains(where: { $0.severity >= .medium }) {
            best.append(Match(rule: "injection.combined_signals", severity: .medium, message: "Several weak injection signals together",
                              phrase: lows.map { "\($0.rule)" }.joined(separator: ", ")))
        }
        return best
    }
}
