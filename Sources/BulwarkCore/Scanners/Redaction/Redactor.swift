/// Replaces matches in a text with typed placeholders such as `[REDACTED:aws_access_key]`.
public enum Redactor {
    /// Returns `text` with every match replaced by `[REDACTED:<type>]`.
    ///
    /// Overlapping or touching matches are merged into one placeholder (named after the longest of
    /// them). Ranges are UTF-8 byte offsets; a range that starts or ends inside a multi-byte
    /// character is widened to whole characters, and ranges past the end are clamped, so the
    /// surrounding text is never corrupted.
    public static func redact(_ text: String, matches: [ContentMatch]) -> String {
        guard !matches.isEmpty else { return text }
        let bytes = Array(text.utf8)
        let spans = merged(matches, count: bytes.count, bytes: bytes)
        guard !spans.isEmpty else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + spans.count * 24)
        var cursor = 0
        for span in spans {
            out.append(contentsOf: bytes[cursor..<span.range.lowerBound])
            out.append(contentsOf: Array("[REDACTED:\(span.type)]".utf8))
            cursor = span.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return String(decoding: out, as: UTF8.self)
    }

    private struct Span {
        var range: Range<Int>
        var type: String
        var longest: Int
    }

    private static func merged(_ matches: [ContentMatch], count: Int, bytes: [UInt8]) -> [Span] {
        var spans: [Span] = []
        for m in matches {
            var lo = max(0, min(count, m.range.lowerBound))
            var hi = max(lo, min(count, m.range.upperBound))
            // Widen to scalar boundaries: continuation bytes are 10xxxxxx.
            while lo > 0, lo < count, bytes[lo] & 0xC0 == 0x80 { lo -= 1 }
            while hi < count, hi > 0, bytes[hi] & 0xC0 == 0x80 { hi += 1 }
            if lo < hi { spans.append(Span(range: lo..<hi, type: m.type, longest: hi - lo)) }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var out: [Span] = []
        for s in spans {
            if var last = out.last, s.range.lowerBound <= last.range.upperBound {
                if s.longest > last.longest {
                    last.type = s.type
                    last.longest = s.longest
                }
                last.range = last.range.lowerBound..<max(last.range.upperBound, s.range.upperBound)
                out[out.count - 1] = last
            } else {
                out.append(s)
            }
        }
        return out
    }
}
