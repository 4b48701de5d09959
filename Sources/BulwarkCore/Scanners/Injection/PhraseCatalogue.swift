/// Stage (a) of the injection firewall: the phrase families. Each family needs several words in
/// order, so single trigger words ("ignore", "guidance", "uncensored", "system") never match alone.
/// Severities: `critical`/`high` are unambiguous attacks, `medium` is enough to flag the text,
/// `low` is a signal that only counts together with another one (see `InjectionScanner`).
enum PhraseCatalogue {
    // Word sets shared by several families.
    static let overrideVerbs: Set<String> = ["ignore", "disregard", "forget", "override", "bypass", "abandon", "neglect", "discard", "dismiss", "nullify", "supersede", "ignoring", "disregarding", "forgetting"]
    static let priorWords: Set<String> = ["previous", "prior", "above", "earlier", "preceding", "former", "old", "original", "initial", "all", "any", "your", "system", "developer", "safety", "every", "these", "those", "existing", "preset", "default", "below"]
    static let temporalWords: Set<String> = ["previous", "prior", "above", "earlier", "preceding", "former", "original", "initial", "below", "foregoing", "aforementioned"]
    /// Words for what a model is told; "text" or "input" alone are too common, so they need a
    /// temporal qualifier ("the above text").
    static let instructionWords: Set<String> = ["instruction", "instructions", "prompt", "prompts", "rules", "directions", "directives", "guidelines", "commands", "orders", "programming", "policies", "guardrails", "training", "safeguards", "principles", "ethics", "constraints", "restrictions"]
    static let contentWords: Set<String> = ["instruction", "instructions", "prompt", "prompts", "rules", "directions", "directives", "guidelines", "commands", "orders", "programming", "policies", "guardrails", "training", "safeguards", "principles", "ethics", "constraints", "restrictions", "context", "text", "words", "input", "inputs", "messages", "conversation", "line", "lines", "content", "filters", "settings", "limitations"]
    static let leakVerbs: Set<String> = ["repeat", "print", "reveal", "show", "output", "display", "tell", "give", "leak", "dump", "write", "list", "summarize", "summarise", "reiterate", "recite", "restate", "echo", "spell", "disclose", "share", "paste", "copy", "type", "return", "provide", "format", "convert", "translate", "encode", "rewrite", "state", "expose", "read", "explain", "describe", "rap", "sing", "store", "save", "send", "include", "rephrase", "paraphrase", "tldr"]
    static let hiddenQualifiers: Set<String> = ["your", "previous", "prior", "earlier", "preceding", "above", "last", "system", "initial", "hidden", "secret", "starting", "internal", "original", "confidential", "private", "underlying", "preprompt", "pre", "developer", "full", "entire", "exact", "verbatim"]
    static let promptObjects: Set<String> = ["prompt", "prompts", "instructions", "instruction", "rules", "directives", "guidelines", "configuration", "config", "preprompt", "programming", "directions", "password", "passcode", "passphrase", "systemprompt", "setup"]
    static let aboveWords: Set<String> = ["above", "preceding", "prior", "previous", "earlier", "before", "beginning", "start", "first"]
    static let contextObjects: Set<String> = ["instructions", "prompt", "text", "words", "rules", "content", "message", "messages", "conversation", "lines", "sentences", "everything", "context", "directives"]
    static let replyNouns: Set<String> = ["reply", "response", "answer", "output", "message", "completion", "responses", "replies", "answers"]
    static let personaNames: Set<String> = ["dan", "stan", "dude", "aim", "jailbroken", "unfiltered", "uncensored", "unrestricted", "evil", "amoral", "unethical", "unbound", "unchained", "immoral", "lawless"]
    static let restrictionWords: Set<String> = ["restrictions", "limitations", "filters", "censorship", "rules", "guidelines", "boundaries", "limits", "ethics", "morals", "morality", "filter", "restriction", "constraints", "policies", "guardrails", "safeguards"]

    static let families: [PhraseFamily] = [
        // Overrides: "ignore all previous instructions", "forget everything above".
        PhraseFamily("injection.override", .critical, "Tells the model to ignore its instructions",
                     [overrideVerbs, priorWords, instructionWords], gap: 3, negatable: true),
        PhraseFamily("injection.override", .critical, "Tells the model to ignore its instructions",
                     [overrideVerbs, temporalWords, contentWords], gap: 2, negatable: true),
        PhraseFamily("injection.override", .critical, "Tells the model to ignore its instructions",
                     [overrideVerbs, contentWords, ["above", "before", "so", "given", "earlier", "previously"]], gap: 1, negatable: true),
        PhraseFamily("injection.override", .high, "Tells the model to ignore what came before",
                     [overrideVerbs, ["everything", "anything", "all", "what", "that"], ["above", "before", "previously", "earlier", "said", "told", "so"]], gap: 2, negatable: true),
        PhraseFamily("injection.override", .high, "Tells the model to stop following its instructions",
                     [["stop", "cease", "quit", "no"], ["following", "obeying", "longer"], ["your", "the", "any", "previous", "prior", "all", "follow", "obey", "bound"], instructionWords], gap: 2, negatable: true),

        // Replacement instructions and the claim that they changed.
        PhraseFamily("injection.new_instructions", .high, "Announces replacement instructions",
                     [["new", "updated", "revised", "real", "actual", "true", "changed", "different", "following", "secret"], ["instructions", "instruction", "directive", "directives", "orders", "rules", "task", "prompt", "objective", "mission", "guidelines"]], gap: 0),
        PhraseFamily("injection.new_instructions", .high, "Claims the instructions were changed",
                     [["instructions", "rules", "prompt", "guidelines", "directives", "task"], ["have", "has", "were", "was", "are"], ["changed", "updated", "replaced", "revoked", "overridden", "cancelled", "canceled", "void", "suspended", "lifted", "expired"]], gap: 1),
        PhraseFamily("injection.new_instructions", .high, "Claims the instructions were changed",
                     [["changed", "updated", "replaced", "overridden", "revoked", "reset"], ["the", "your", "all"], ["instructions", "rules", "prompt", "guidelines", "directives", "programming"]], gap: 2),
        PhraseFamily("injection.new_instructions", .low, "Tells the model to follow instructions found in the text",
                     [["follow", "obey", "adhere", "comply"], ["these", "my", "following", "below", "new", "only", "strictly"], ["instructions", "instruction", "commands", "orders", "directives", "rules"]], gap: 3, negatable: true),

        // Jailbreak personas and claims of a mode without restrictions.
        PhraseFamily("injection.jailbreak_persona", .critical, "Jailbreak persona (DAN and relatives)",
                     [["do"], ["anything"], ["now"]], gap: 0),
        PhraseFamily("injection.jailbreak_persona", .critical, "Jailbreak persona (DAN and relatives)",
                     [["act", "pretend", "roleplay", "become", "simulate", "impersonate"], ["as", "to", "a", "an", "now", "the", "be", "like"], personaNames], gap: 2),
        PhraseFamily("injection.jailbreak_persona", .high, "Jailbreak persona (DAN and relatives)",
                     [["you"], ["are", "re"], ["now", "a", "an", "the"], personaNames], gap: 1),
        PhraseFamily("injection.jailbreak_persona", .high, "Asks for a mode without restrictions",
                     [["developer", "jailbreak", "jailbroken", "god", "unrestricted", "unfiltered", "dan", "debug", "maintenance", "admin", "sudo", "opposite", "chaos", "evil", "unlocked", "uncensored"], ["mode"]], gap: 0),
        PhraseFamily("injection.jailbreak_persona", .high, "Claims the model has no restrictions",
                     [["no", "without", "ignore", "beyond", "outside", "unbound", "zero"], ["any", "all", "of", "from", "the", "your", "ethical", "moral", "content", "typical", "usual"], restrictionWords], gap: 2),
        PhraseFamily("injection.jailbreak_persona", .medium, "Tells the model it has been freed from its rules",
                     [["freed", "liberated", "released", "escaped", "broken"], ["from", "free", "out"], ["typical", "openai", "anthropic", "confines", "rules", "restrictions", "shackles", "chains", "programming", "guidelines", "policies", "filters"]], gap: 3),
        PhraseFamily("injection.jailbreak_persona", .low, "Tells the model never to refuse",
                     [["never", "not", "cannot", "can", "won", "don", "must"], ["refuse", "decline", "reject", "deny", "apologize", "apologise", "warn", "censor"]], gap: 1),
        PhraseFamily("injection.jailbreak_persona", .low, "Tells the model to stay in a character",
                     [["stay", "remain", "keep", "break", "stay"], ["in", "out", "of"], ["character", "role", "persona"]], gap: 1),

        // System-prompt extraction.
        PhraseFamily("injection.prompt_extraction", .high, "Asks the model to reveal its system prompt",
                     [leakVerbs, hiddenQualifiers, promptObjects], gap: 3),
        PhraseFamily("injection.prompt_extraction", .high, "Asks the model to repeat the text it was given",
                     [["repeat", "reiterate", "recite", "print", "reveal", "output", "dump", "leak", "disclose", "echo", "restate", "summarize", "summarise", "list", "paste", "copy", "show", "display", "spell", "convert", "translate", "rewrite", "format"], ["all", "the", "everything", "your", "every", "each", "words", "text", "instructions"], aboveWords, contextObjects], gap: 2),
        PhraseFamily("injection.prompt_extraction", .high, "Asks the model to repeat the text it was given",
                     [["repeat", "reiterate", "recite", "print", "reveal", "output", "dump", "leak", "disclose", "echo", "restate", "summarize", "summarise", "list", "paste", "show", "display", "convert", "translate", "rewrite", "format"], ["all", "the", "everything", "your"], contextObjects, ["above", "so", "before", "verbatim", "received", "given"]], gap: 2),
        PhraseFamily("injection.prompt_extraction", .high, "Asks for the instructions given so far",
                     [["instructions", "prompt", "rules", "text", "conversation", "directives", "words", "everything"], ["so"], ["far"]], gap: 0),
        PhraseFamily("injection.prompt_extraction", .high, "Asks what the model was told",
                     [["what"], ["are", "were", "is", "was"], ["your", "you"], ["initial", "original", "system", "hidden", "secret", "first", "exact", "starting", "instructions", "prompt", "rules", "told", "instructed", "programmed", "given"]], gap: 1),
        PhraseFamily("injection.prompt_extraction", .high, "Asks the model to reveal its system prompt",
                     [["system", "initial", "hidden", "secret", "original", "starting", "pre"], ["prompt", "message", "instructions", "prompts"]], gap: 0),
        PhraseFamily("injection.prompt_extraction", .medium, "Asks what the model may not reveal",
                     [["not", "never"], ["supposed", "allowed", "permitted", "meant"], ["to"], ["tell", "reveal", "say", "share", "disclose", "output", "mention"]], gap: 0),

        // Output forcing: making the model say a chosen string.
        PhraseFamily("injection.output_forcing", .low, "Dictates how the reply must begin",
                     [["begin", "start", "prepend", "preface", "prefix", "open", "commence", "starting"], ["your", "the", "each", "every"], replyNouns, ["with", "by"]], gap: 1),
        PhraseFamily("injection.output_forcing", .low, "Dictates the only thing the model may say",
                     [["only", "just", "solely", "exclusively"], ["say", "output", "print", "respond", "reply", "return", "answer", "write"]], gap: 0),
        PhraseFamily("injection.output_forcing", .low, "Dictates the only thing the model may say",
                     [["say", "output", "print", "respond", "reply", "return", "write"], ["only", "nothing"], ["with", "else", "the", "this"]], gap: 2),
        PhraseFamily("injection.output_forcing", .low, "Dictates the only thing the model may say",
                     [["your"], ["sole", "only", "single", "default"], ["response", "reply", "answer", "output", "purpose"]], gap: 0),

        // Role reassignment.
        PhraseFamily("injection.role_reassignment", .low, "Reassigns the model's role",
                     [["you"], ["are", "will", "shall", "must"], ["now", "no"], ["a", "an", "the", "longer", "going", "in", "my", "called", "known", "acting", "playing", "be"]], gap: 0),
        PhraseFamily("injection.role_reassignment", .low, "Reassigns the model's role",
                     [["from"], ["now"], ["on"], ["you", "your"]], gap: 1),
        PhraseFamily("injection.role_reassignment", .low, "Reassigns the model's role",
                     [["your"], ["new"], ["role", "name", "identity", "persona", "purpose", "job", "goal"]], gap: 0),

        // Fake authority.
        PhraseFamily("injection.fake_authority", .high, "Claims authority to issue instructions",
                     [["important", "urgent", "attention", "notice", "message", "instructions", "instruction", "update", "note", "alert", "directive", "order", "command"], ["from", "by"], ["the", "your", "an", "our", "system"], ["administrator", "admin", "developer", "developers", "system", "owner", "openai", "anthropic", "creator", "creators", "operator", "security", "it", "management"]], gap: 1),
        PhraseFamily("injection.fake_authority", .medium, "Claims to be the model's developer or administrator",
                     [["i", "this"], ["am", "is"], ["your", "the", "an", "a"], ["developer", "developers", "creator", "administrator", "admin", "owner", "operator", "programmer", "maker"]], gap: 1),
        PhraseFamily("injection.fake_authority", .low, "Urgent all-caps directive",
                     [["important", "urgent", "attention", "warning", "override", "mandatory", "critical"], ["ignore", "follow", "you", "please", "do", "new", "read", "execute", "strictly", "immediately", "must", "the", "instructions", "instruction"]], gap: 0),

        // Exfiltration instructions.
        PhraseFamily("injection.exfiltration", .high, "Tells the model to send out secrets or the conversation",
                     [["send", "email", "forward", "post", "upload", "transmit", "leak", "exfiltrate", "include", "append", "embed", "attach", "encode"], ["the", "your", "all", "any", "this", "my", "user"], ["password", "passwords", "credentials", "api", "token", "tokens", "secret", "secrets", "keys", "conversation", "chat", "history", "cookies", "session", "ssh", "private", "prompt"]], gap: 2),
    ]

    static let matcher = PhraseMatcher(families)
}
