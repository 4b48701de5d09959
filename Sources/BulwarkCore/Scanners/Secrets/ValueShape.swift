/// Character-class counts and entropy of a candidate secret value.
struct ValueShape {
    var length = 0
    var lower = 0
    var upper = 0
    var digits = 0
    /// Punctuation other than the identifier-like `-`, `_` and `.`.
    var symbols = 0
    /// Bytes outside ASCII (part of multi-byte characters).
    var other = 0
    var entropy = 0.0

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var h = 0.0
        let n = Double(range.count)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 256) { histogram in
            histogram.initialize(repeating: 0)
            for i in range { histogram[Int(bytes[i])] += 1 }
            if range.count > 0 {
                for c in histogram where c > 0 {
                    let p = Double(c) / n
                    h -= p * ValueShape.log2(p)
                }
            }
        }
        entropy = h
        for i in range {
            let b = bytes[i]
            if ScanByte.isLower(b) { lower += 1 }
            else if ScanByte.isUpper(b) { upper += 1 }
            else if ScanByte.isDigit(b) { digits += 1 }
            else if b >= 0x80 { other += 1 }
            else if b != 0x2D && b != 0x5F && b != 0x2E && b > 0x20 { symbols += 1 }
        }
        length = range.count
    }

    /// How many of lower, upper, digit and symbol classes occur.
    var classes: Int {
        (lower > 0 ? 1 : 0) + (upper > 0 ? 1 : 0) + (digits > 0 ? 1 : 0) + (symbols > 0 ? 1 : 0)
    }

    var letters: Int { lower + upper }

    /// log2 without Foundation.
    @inline(__always) static func log2(_ x: Double) -> Double {
        // ln(x)/ln(2) via the standard library's Double methods is not available without Foundation,
        // so use a frexp-style decomposition and a short series on the mantissa.
        let exponent = x.exponent
        let m = x.significand  // in [1, 2)
        // ln(m) with m in [1,2): use atanh series, t = (m-1)/(m+1) in [0, 1/3).
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        for _ in 0..<12 {
            sum += term / k
            term *= t2
            k += 2
        }
        return Double(exponent) + (2 * sum) / 0.6931471805599453
    }
}
