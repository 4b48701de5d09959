/// A phrase family of the injection firewall: ordered slots, each a set of accepted words, with
/// at most `gap` other words between consecutive slots. Matched on normalized word tokens, so
/// case, spacing, punctuation, homoglyphs and zero-width characters do not change the result.
struct PhraseFamily: Sendable {
    let rule: RuleID
    let severity: Severity
    let message: String
    let slots: [Set<String>]
    let gap: Int
    /// When true, an occurrence preceded by a negation ("do not ignore …") does not count.
    let negatable: Bool

    init(_ rule: RuleID, _ severity: Severity, _ message: String, _ slots: [Set<String>], gap: Int, negatable: Bool = false) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.slots = slots
        self.gap = gap
        self.negatable = negatable
    }
}

/// Matches a catalogue of phrase families in one pass over the words: every distinct word set
/// gets a bit, each word maps to the bits of the sets it belongs to, and a family is a walk over
/// those bit masks. No allocation per family; linear in the number of words times the slots.
struct PhraseMatcher: Sendable {
    typealias Mask = UInt128

    let families: [PhraseFamily]
    let slotBits: [[Mask]]
    /// For each word: the bits of the sets it belongs to, and the bits of the sets whose word it
    /// is the rot13 of (so rot13-encoded phrases are found without decoding, in the same lookup).
    let wordBits: [String: (plain: Mask, rot13: Mask)]

    static let negations: Set<String> = ["not", "don", "dont", "never", "doesn", "didn", "shouldn", "won", "cannot", "mustn", "t"]

    init(_ families: [PhraseFamily]) {
        var sets: [Set<String>] = []
        let slotBits = families.map { family in
            family.slots.map { slot -> Mask in
                if let i = sets.firstIndex(of: slot) { return 1 << Mask(i) }
                sets.append(slot)
                precondition(sets.count <= Mask.bitWidth, "too many distinct word sets in the phrase catalogue")
                return 1 << Mask(sets.count - 1)
            }
        }
        var table: [String: Mask] = [:]
        for (f, family) in families.enumerated() {
            for (s, slot) in family.slots.enumerated() {
                for word in slot { table[word, default: 0] |= slotBits[f][s] }
            }
        }
        self.families = families
        self.slotBits = slotBits
        var both: [String: (plain: Mask, rot13: Mask)] = [:]
        for (word, mask) in table { both[word, default: (0, 0)].plain |= mask }
        for (word, mask) in table { both[Self.rot13(word), default: (0, 0)].rot13 |= mask }
        self.wordBits = both
    }

    /// One match per rule id: the first family of that rule that matches, in catalogue order.
    func matches(_ words: [String], into out: inout [InjectionScanner.Match], decoded: String? = nil) {
        guard words.count >= 2 else { return }
        var masks: [Mask] = []
        masks.reserveCapacity(words.count)
        var any: Mask = 0
        for word in words {
            let m = wordBits[word]?.plain ?? stretched(word)
            masks.append(m)
            any |= m
        }
        run(masks: masks, any: any, words: words, decoded: decoded, into: &out)
    }

    /// The plain pass and the rot13 pass over the same words, with one table lookup per word.
    func matchesWithRot13(_ words: [String], into out: inout [InjectionScanner.Match], rot13 rotated: inout [InjectionScanner.Match]) {
        guard words.count >= 2 else { return }
        var masks: [Mask] = []
        var rotMasks: [Mask] = []
        masks.reserveCapacity(words.count)
        rotMasks.reserveCapacity(words.count)
        var any: Mask = 0
        var anyRot: Mask = 0
        for word in words {
            if let entry = wordBits[word] {
                masks.append(entry.plain)
                rotMasks.append(entry.rot13)
                any |= entry.plain
                anyRot |= entry.rot13
            } else {
                let m = stretched(word)
                masks.append(m)
                rotMasks.append(0)
                any |= m
            }
        }
        run(masks: masks, any: any, words: words, decoded: nil, into: &out)
        run(masks: rotMasks, any: anyRot, words: words, decoded: "rot13", into: &rotated)
    }

    func run(masks: [Mask], any: Mask, words: [String], decoded: String?, into out: inout [InjectionScanner.Match]) {
        guard any != 0 else { return }
        for (index, family) in families.enumerated() {
            let bits = slotBits[index]
            if bits.contains(where: { any & $0 == 0 }) { continue }
            if out.contains(where: { $0.rule == family.rule }) { continue }
            if let range = find(family, bits: bits, masks: masks, words: words) {
                var phrase = words[range].joined(separator: " ")
                var message = family.message
                if let decoded {
                    phrase = "\(decoded): \(phrase)"
                    message += " (in a \(decoded) payload)"
                }
                out.append(InjectionScanner.Match(rule: family.rule, severity: family.severity, message: message, phrase: phrase))
            }
        }
    }

    static func rot13(_ word: String) -> String {
        String(decoding: word.utf8.map { c in c >= 0x61 && c <= 0x7A ? (c - 0x61 + 13) % 26 + 0x61 : c }, as: UTF8.self)
    }

    /// Typing a letter twice ("yourr previouss instructionss") does not hide a word: an unknown
    /// word ending in a doubled letter is looked up once more without it.
    func stretched(_ word: String) -> Mask {
        let u = word.utf8
        guard u.count >= 4, let last = u.last, u[u.index(u.endIndex, offsetBy: -2)] == last else { return 0 }
        return wordBits[String(word.dropLast())]?.plain ?? 0
    }

    /// Finds the slots in order with at most `gap` other words between consecutive slots.
    func find(_ family: PhraseFamily, bits: [Mask], masks: [Mask], words: [String]) -> ClosedRange<Int>? {
        var i = 0
        while i < masks.count {
            defer { i += 1 }
            guard masks[i] & bits[0] != 0 else { continue }
            if family.negatable, negated(at: i, words: words) { continue }
            var position = i
            var ok = true
            for slot in 1..<bits.count {
                var found = -1
                var j = position + 1
                let end = min(masks.count - 1, position + 1 + family.gap)
                while j <= end {
                    if masks[j] & bits[slot] != 0 { found = j; break }
                    j += 1
                }
                if found < 0 { ok = false; break }
                position = found
            }
            if ok { return i...position }
        }
        return nil
    }

    func negated(at i: Int, words: [String]) -> Bool {
        for k in max(0, i - 2)..<i where Self.negations.contains(words[k]) { return true }
        return false
    }
}
