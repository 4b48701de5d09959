/// A first, deterministic prompt-injection scanner: phrase families matched on normalized word
/// tokens, so spacing, case, homoglyphs, zero-width characters and newlines do not evade it,
/// while single words ("guidance", "ignore the previous draft") do not trigger it.
public struct InjectionScanner: Sendable {
    public struct Match: Sendable, Equatable {
        public var rule: RuleID
        public var severity: Severity
        public var message: String
        public var phrase: String
    }

    public init() {}

    /// A phrase family: each slot is a set of accepted words; up to `gap` filler words may sit between slots.
    struct Family {
        let rule: RuleID
        let severity: Severity
        let message: String
        let slots: [Set<String>]
        let gap: Int
    }

    static let overrideVerbs: Set<String> = ["ignore", "disregard", "forget", "override", "bypass", "skip", "drop", "abandon", "neglect", "overlook", "discard"]
    static let priorWords: Set<String> = ["previous", "prior", "above", "earlier", "preceding", "former", "old", "original", "initial", "all", "any", "your", "system", "developer", "safety"]
    static let instructionWords: Set<String> = ["instruction", "instructions", "prompt", "prompts", "rules", "rule", "directions", "directives", "guidelines", "commands", "orders", "context", "constraints", "restrictions", "programming", "policies", "policy", "filters", "guardrails"]

    static let families: [Family] = [
        Family(rule: "injection.override", severity: .critical, message: "Tells the model to ignore its instructions",
               slots: [overrideVerbs, priorWords, instructionWords], gap: 3),
        Family(rule: "injection.override", severity: .critical, message: "Tells the model to ignore its instructions",
               slots: [overrideVerbs, instructionWords, ["above", "before", "so", "given"]], gap: 1),
        Family(rule: "injection.new_instructions", severity: .high, message: "Announces replacement instructions",
               slots: [["new", "updated", "revised", "real", "actual", "true"], ["instructions", "instruction", "directive", "directives", "orders", "rules", "task"]], gap: 0),
        Family(rule: "injection.jailbreak_persona", severity: .critical, message: "Jailbreak persona (DAN and relatives)",
               slots: [["do"], ["anything"], ["now"]], gap: 0),
        Family(rule: "injection.jailbreak_persona", severity: .critical, message: "Jailbreak persona (DAN and relatives)",
               slots: [["you", "act", "pretend", "roleplay", "become"], ["dan", "stan", "dude", "aim", "jailbroken", "unfiltered", "uncensored", "unrestricted", "evil"]], gap: 3),
        Family(rule: "injection.jailbreak_persona", severity: .high, message: "Asks for a mode without restrictions",
               slots: [["developer", "jailbreak", "god", "unrestricted", "unfiltered", "dan"], ["mode"]], gap: 0),
        Family(rule: "injection.jailbreak_persona", severity: .high, message: "Claims the model has no restrictions",
               slots: [["no", "without", "free", "freed"], ["restrictions", "limitations", "filters", "censorship", "rules", "guidelines", "boundaries"]], gap: 2),
        Family(rule: "injection.prompt_extraction", severity: .high, message: "Asks the model to reveal its system prompt",
               slots: [["reveal", "print", "show", "repeat", "output", "display", "tell", "give", "leak", "dump", "write"], ["system", "initial", "hidden", "secret", "original"], ["prompt", "instructions", "message", "prompts"]], gap: 3),
        Family(rule: "injection.fake_authority", severity: .high, message: "Claims authority to issue instructions",
               slots: [["important", "urgent", "attention", "notice", "message"], ["from"], ["the", "your"], ["administrator", "admin", "developer", "developers", "system", "owner", "openai", "anthropic"]], gap: 1),
    ]

    public func scan(_ text: String) -> [Match] {
        let words = TextNormalizer.words(text)
        guard words.count >= 2 else { return [] }
        var matches: [Match] = []
        for family in Self.families {
            if let phrase = find(family, in: words) {
                if !matches.contains(where: { $0.rule == family.rule }) {
                    matches.append(Match(rule: family.rule, severity: family.severity, message: family.message, phrase: phrase))
                }
            }
        }
        return matches
    }

    /// Finds the slots in order with at most `gap` other words between consecutive slots.
    func find(_ family: Family, in words: [Substring]) -> String? {
        let first = family.slots[0]
        var i = 0
        while i < words.count {
            if first.contains(String(words[i])) {
                var position = i
                var ok = true
                for slot in family.slots.dropFirst() {
                    var found = -1
                    var j = position + 1
                    while j <= min(words.count - 1, position + 1 + family.gap) {
                        if slot.contains(String(words[j])) { found = j; break }
                        j += 1
                    }
                    if found < 0 { ok = false; break }
                    position = found
                }
                if ok { return words[i...position].joined(separator: " ") }
            }
            i += 1
        }
        return nil
    }
}
