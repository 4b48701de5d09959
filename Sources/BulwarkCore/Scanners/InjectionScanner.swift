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

    /// Each distinct word set of the families gets a bit; every word maps to the bits of the sets
    /// it belongs to, so matching is one lookup per word and then bit tests.
    static let slotBits: [[UInt64]] = {
        var sets: [Set<String>] = []
        return families.map { family in
            family.slots.map { slot -> UInt64 in
                if let i = sets.firstIndex(of: slot) { return 1 << UInt64(i) }
                sets.append(slot)
                return 1 << UInt64(sets.count - 1)
            }
        }
    }()

    static let wordBits: [String: UInt64] = {
        var table: [String: UInt64] = [:]
        for (f, family) in families.enumerated() {
            for (s, slot) in family.slots.enumerated() {
                for word in slot { table[word, default: 0] |= slotBits[f][s] }
            }
        }
        return table
    }()

    public func scan(_ text: String) -> [Match] {
        let words = TextNormalizer.words(text)
        guard words.count >= 2 else { return [] }
        let masks = words.map { Self.wordBits[$0] ?? 0 }
        guard masks.contains(where: { $0 != 0 }) else { return [] }
        var matches: [Match] = []
        for (index, family) in Self.families.enumerated() {
            if let phrase = find(family, bits: Self.slotBits[index], masks: masks, words: words) {
                if !matches.contains(where: { $0.rule == family.rule }) {
                    matches.append(Match(rule: family.rule, severity: family.severity, message: family.message, phrase: phrase))
                }
            }
        }
        return matches
    }

    /// Finds the slots in order with at most `gap` other words between consecutive slots.
    func find(_ family: Family, bits: [UInt64], masks: [UInt64], words: [String]) -> String? {
        var i = 0
        while i < masks.count {
            if masks[i] & bits[0] != 0 {
                var position = i
                var ok = true
                for slot in 1..<bits.count {
                    var found = -1
                    var j = position + 1
                    while j <= min(masks.count - 1, position + 1 + family.gap) {
                        if masks[j] & bits[slot] != 0 { found = j; break }
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
