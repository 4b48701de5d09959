/// Payment card networks by issuer identification number (IIN) prefix and allowed lengths.
enum CardNetwork {
    /// The network of a card number (digit values 0–9), or nil when the prefix and length fit none.
    static func network(_ d: [UInt8]) -> String? {
        let len = d.count
        func prefix(_ k: Int) -> Int {
            var v = 0
            for i in 0..<min(k, len) { v = v * 10 + Int(d[i]) }
            return v
        }
        let p1 = prefix(1), p2 = prefix(2), p3 = prefix(3), p4 = prefix(4), p6 = prefix(6)
        if p1 == 4, [13, 16, 19].contains(len) { return "visa" }
        if (51...55).contains(p2) || (2221...2720).contains(p4) { return len == 16 ? "mastercard" : nil }
        if p2 == 34 || p2 == 37 { return len == 15 ? "amex" : nil }
        if p4 == 6011 || (644...649).contains(p3) || p2 == 65 || (622126...622925).contains(p6) {
            return (16...19).contains(len) ? "discover" : nil
        }
        // JCB assigns 3528–3589; the rest of the 35 range is treated as JCB-like rather than ignored.
        if p2 == 35 { return (16...19).contains(len) ? "jcb" : nil }
        if p4 == 1800 || p4 == 2131 { return len == 15 ? "jcb" : nil }
        if (300...305).contains(p3) || p3 == 309 || p2 == 36 || p2 == 38 || p2 == 39 {
            return (14...19).contains(len) ? "diners" : nil
        }
        if (2200...2204).contains(p4) { return (16...19).contains(len) ? "mir" : nil }
        if p2 == 62 { return (16...19).contains(len) ? "unionpay" : nil }
        if p2 == 50 || (56...69).contains(p2) { return (12...19).contains(len) ? "maestro" : nil }
        return nil
    }
}
