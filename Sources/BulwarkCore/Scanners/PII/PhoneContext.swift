/// Words near a number that say it is a phone number or an SSN.
enum PhoneContext {
    static let phoneWords: [StaticString] = [
        "phone", "tel", "mobile", "cell", "call", "fax", "desk", "office", "contact", "whatsapp", "sms", "text me",
        "dial", "reach", "ring", "answering", "messages to", "registered", "number", "landline", "hotline", "line:",
    ]

    /// How far before a number its context may start.
    static let window = 40

    /// A phone word in the `window` bytes before `start`, or right after `end` (`…-Office`, `… fax`).
    static func hasPhoneContext(_ b: UnsafeBufferPointer<UInt8>, before start: Int, after end: Int) -> Bool {
        let from = max(0, start - window)
        if containsAny(b, from..<start, phoneWords) { return true }
        let to = min(b.count, end + 10)
        return containsAny(b, end..<to, ["office", "fax", "mobile", "desk", "phone", "cell"])
    }

    static func hasSSNContext(_ b: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        let from = max(0, start - window)
        return containsAny(b, from..<start, ["ssn", "social security", "social-security", "ss#", "ss #"])
    }

    static func containsAny(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ words: [StaticString]) -> Bool {
        guard !r.isEmpty else { return false }
        for w in words {
            let n = w.utf8CodeUnitCount
            var k = r.lowerBound
            while k + n <= r.upperBound {
                if ScanByte.hasPrefixFolded(b, at: k, w) { return true }
                k += 1
            }
        }
        return false
    }
}
