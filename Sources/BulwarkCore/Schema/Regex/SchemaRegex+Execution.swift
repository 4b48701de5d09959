extension SchemaRegex {
    /// The NFA simulation over UTF-8 bytes, decoding scalars on the fly. Thread lists, the visited
    /// marks and the closure stack live in one temporary (usually stack) allocation.
    func run(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = instructions.count
        // current list, next list, marks, and a closure stack (each popped pc pushes at most two).
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: count * 5 + 2) { buffer in
            let current = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            let next = UnsafeMutableBufferPointer(rebasing: buffer[count..<(2 * count)])
            let marks = UnsafeMutableBufferPointer(rebasing: buffer[(2 * count)..<(3 * count)])
            let stack = UnsafeMutableBufferPointer(rebasing: buffer[(3 * count)...])
            marks.initialize(repeating: 0)
            return simulate(bytes, lists: (current, next), marks: marks, stack: stack)
        }
    }

    private func simulate(
        _ bytes: UnsafeBufferPointer<UInt8>, lists: (UnsafeMutableBufferPointer<Int32>, UnsafeMutableBufferPointer<Int32>),
        marks: UnsafeMutableBufferPointer<Int32>, stack: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        var (current, next) = lists
        var currentCount = 0
        var nextCount = 0
        var generation: Int32 = 1

        var position = 0
        var previous: UInt32 = UInt32.max  // no scalar before the start
        var (scalar, width) = Self.decode(bytes, at: 0)

        // Adds `pc` and its epsilon closure at the position between `before` and `after`.
        // Returns true if the closure reaches `match`.
        func add(
            _ pc: Int, into list: UnsafeMutableBufferPointer<Int32>, _ listCount: inout Int, atStart: Bool, atEnd: Bool,
            before: UInt32, after: UInt32
        ) -> Bool {
            var top = 0
            stack[top] = Int32(pc)
            top += 1
            while top > 0 {
                top -= 1
                let pc = Int(stack[top])
                if marks[pc] == generation { continue }
                marks[pc] = generation
                switch instructions[pc] {
                case .scalar, .set:
                    list[listCount] = Int32(pc)
                    listCount += 1
                case .split(let a, let b):
                    stack[top] = Int32(b)
                    stack[top + 1] = Int32(a)
                    top += 2
                case .jump(let target):
                    stack[top] = Int32(target)
                    top += 1
                case .assertStart:
                    if atStart { stack[top] = Int32(pc + 1); top += 1 }
                case .assertEnd:
                    if atEnd { stack[top] = Int32(pc + 1); top += 1 }
                case .wordBoundary(let negated):
                    let boundary = (before != UInt32.max && ScalarSet.isWord(before))
                        != (after != UInt32.max && ScalarSet.isWord(after))
                    if boundary != negated { stack[top] = Int32(pc + 1); top += 1 }
                case .match:
                    return true
                }
            }
            return false
        }

        while true {
            let atEnd = position >= bytes.count
            let here = atEnd ? UInt32.max : scalar
            // Start a new attempt at this position (unanchored search).
            if position == 0 || !anchoredAtStart {
                if add(0, into: current, &currentCount, atStart: position == 0, atEnd: atEnd, before: previous, after: here) {
                    return true
                }
            }
            if currentCount == 0 && (anchoredAtStart || atEnd) { return false }
            if atEnd { return false }
            // Step every thread over `scalar`.
            let nextPosition = position + width
            let (following, followingWidth) = Self.decode(bytes, at: nextPosition)
            let after = nextPosition >= bytes.count ? UInt32.max : following
            generation &+= 1
            nextCount = 0
            for k in 0..<currentCount {
                let pc = Int(current[k])
                let accepted: Bool
                switch instructions[pc] {
                case .scalar(let expected): accepted = expected == scalar
                case .set(let index): accepted = sets[index].contains(scalar)
                default: accepted = false
                }
                if accepted,
                    add(pc + 1, into: next, &nextCount, atStart: false, atEnd: nextPosition >= bytes.count,
                        before: scalar, after: after)
                {
                    return true
                }
            }
            swap(&current, &next)
            currentCount = nextCount
            previous = scalar
            position = nextPosition
            scalar = following
            width = followingWidth
        }
    }

    /// The scalar starting at `index` and its byte width. Invalid sequences decode as U+FFFD, width 1.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        guard index < bytes.count else { return (UInt32.max, 0) }
        let b0 = UInt32(bytes[index])
        if b0 < 0x80 { return (b0, 1) }
        func cont(_ k: Int) -> UInt32? {
            guard index + k < bytes.count else { return nil }
            let b = bytes[index + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        if b0 & 0xE0 == 0xC0, let b1 = cont(1) { return ((b0 & 0x1F) << 6 | b1, 2) }
        if b0 & 0xF0 == 0xE0, let b1 = cont(1), let b2 = cont(2) { return ((b0 & 0x0F) << 12 | b1 << 6 | b2, 3) }
        if b0 & 0xF8 == 0xF0, let b1 = cont(1), let b2 = cont(2), let b3 = cont(3) {
            return ((b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3, 4)
        }
        return (0xFFFD, 1)
    }
}
