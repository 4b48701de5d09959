/// Splits SQL text into tokens with a hand-written scanner over UTF-8 bytes.
///
/// It never fails: unknown bytes become one-byte operator tokens and unterminated strings run to
/// the end of the input (and are marked). Work is linear in the input length; dollar-quote tags
/// are capped at 64 bytes so the closing-tag search stays bounded.
public enum SQLTokenizer {
    /// Tokenizes `text` with the standard options (see `Options.standard`).
    public static func tokenize(_ text: String) -> [SQLToken] {
        tokenize(text, options: .standard)
    }

    /// Tokenizes `text` with explicit dialect options.
    public static func tokenize(_ text: String, options: Options) -> [SQLToken] {
        scan(text, options: options).tokens
    }

    /// Tokens plus the dialect ambiguities met on the way.
    static func scan(_ text: String, options: Options) -> (tokens: [SQLToken], ambiguities: Ambiguities) {
        var text = text
        return text.withUTF8 { buffer in
            var scanner = SQLScanner(bytes: buffer, options: options)
            scanner.run()
            return (scanner.tokens, scanner.ambiguities)
        }
    }
}
