/// AWS secret access keys: exactly 40 base64 characters mixing upper, lower and digits, reported
/// only near an AWS context (an access key id, or the word `aws`) because the format alone is
/// not distinctive.
enum AWSSecretKeyScanner {
    /// How far (in bytes) a secret may sit from its context.
    static let window = 300

    static func scan(_ b: UnsafeBufferPointer<UInt8>, accessKeys: [ContentMatch], into out: inout [ContentMatch]) {
        var anchors: [Int] = accessKeys.map(\.range.lowerBound)
        var from = 0
        while let at = ScanByte.findFolded(b, "aws", from: from) {
            anchors.append(at)
            from = at + 3
        }
        guard !anchors.isEmpty else { return }
        anchors.sort()
        let n = b.count
        var i = 0
        var a = 0
        while i < n {
            guard ScanByte.isBase64(b[i]), i == 0 || !(ScanByte.isBase64(b[i - 1]) || b[i - 1] == 0x3D) else {
                i += 1
                continue
            }
            var j = i
            while j < n, j - i <= 40, ScanByte.isBase64(b[j]) { j += 1 }
            if j - i == 40, j == n || !(ScanByte.isBase64(b[j]) || b[j] == 0x3D) {
                while a + 1 < anchors.count, anchors[a + 1] <= i { a += 1 }
                let near = abs(anchors[a] - i) <= window || (a + 1 < anchors.count && anchors[a + 1] - i <= window)
                if near, isRandom(b, i..<j) {
                    out.append(ContentMatch(kind: .secret, type: "aws_secret_key", range: i..<j, confidence: 0.85))
                }
            }
            while j < n, ScanByte.isBase64(b[j]) { j += 1 }
            i = j
        }
    }

    static func isRandom(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Bool {
        let shape = ValueShape(b, r)
        return shape.upper > 0 && shape.lower > 0 && shape.digits > 0 && shape.entropy >= 4.0
    }
}
