/// A regular expression matched in time linear in the text (a Pike VM over a Thompson NFA:
/// every position is visited once, with at most one thread per instruction), so no pattern can
/// backtrack catastrophically. `matches` is an unanchored search, as CEL's `matches` (RE2) is.
///
/// Limits: repetition counts up to 1,000 and programs of up to `maxProgram` instructions;
/// anything larger is rejected when the pattern is compiled.
struct LinearRegex: Sendable {
    static let maxProgram = 10_000

    let program: [LinearRegexInstruction]
    /// UTF-8 of the longest literal every match contains, looked for before the VM runs (most
    /// texts a policy pattern sees do not match, and most patterns name a literal); and its
    /// failure table. Empty when the pattern requires no literal.
    let required: [UInt8]
    let requiredTable: [Int32]

    init(_ pattern: String) throws(LinearRegexError) {
        var parser = LinearRegexParser(pattern)
        let tree = try parser.parse()
        var compiler = Compiler()
        try compiler.emit(tree)
        compiler.program.append(.match)
        program = compiler.program
        var literal = ""
        for c in Self.requiredScalars(tree) { if let scalar = Unicode.Scalar(c) { literal.unicodeScalars.append(scalar) } }
        let bytes = Array(literal.utf8)
        required = bytes
        requiredTable = [Int32](unsafeUninitializedCapacity: bytes.count) { table, count in
            bytes.withUnsafeBufferPointer { SubstringSearch.failureTable($0, into: table) }
            count = bytes.count
        }
    }

    /// The longest run of scalars that every match of `node` contains.
    static func requiredScalars(_ node: LinearRegexNode) -> [UInt32] {
        switch node {
        case .scalar(let c): return [c]
        case .repetition(let inner, let min, _): return min >= 1 ? requiredScalars(inner) : []
        case .concat(let items):
            var best: [UInt32] = []
            var run: [UInt32] = []
            for item in items {
                switch item {
                case .scalar(let c): run.append(c)
                case .begin, .end, .empty: continue  // zero-width: the scalars around them stay adjacent
                default:
                    if run.count > best.count { best = run }
                    run = []
                    let inner = requiredScalars(item)
                    if inner.count > best.count { best = inner }
                }
            }
            return run.count > best.count ? run : best
        case .alternate, .set, .begin, .end, .empty: return []
        }
    }

    private struct Compiler {
        var program: [LinearRegexInstruction] = []

        mutating func append(_ i: LinearRegexInstruction) throws(LinearRegexError) {
            guard program.count < LinearRegex.maxProgram else {
                throw LinearRegexError("pattern compiles to more than \(LinearRegex.maxProgram) instructions", offset: 0)
            }
            program.append(i)
        }

        mutating func emit(_ node: LinearRegexNode) throws(LinearRegexError) {
            switch node {
            case .empty: break
            case .scalar(let c): try append(.scalar(c))
            case .set(let s): try append(.set(s))
            case .begin: try append(.begin)
            case .end: try append(.end)
            case .concat(let items):
                for item in items { try emit(item) }
            case .alternate(let branches):
                // split L1, next; L1: a; jump end; next: split L2, … ; last branch
                var jumps: [Int] = []
                for (i, branch) in branches.enumerated() {
                    if i < branches.count - 1 {
                        let split = program.count
                        try append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(program.count)
                        try append(.jump(-1))
                        program[split] = .split(split + 1, program.count)
                    } else {
                        try emit(branch)
                    }
                }
                for j in jumps { program[j] = .jump(program.count) }
            case .repetition(let inner, let min, let max):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    // Optional copies: split body, end — each nested inside the previous.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.count)
                        try append(.split(program.count + 1, -1))
                        try emit(inner)
                    }
                    for s in splits { program[s] = .split(s + 1, program.count) }
                } else {
                    // loop: split body, exit; body; jump loop
                    let loop = program.count
                    try append(.split(loop + 1, -1))
                    try emit(inner)
                    try append(.jump(loop))
                    program[loop] = .split(loop + 1, program.count)
                }
            }
        }
    }

    /// Whether the pattern matches anywhere in `text`. The thread lists live in one temporary
    /// (stack) allocation sized by the program.
    func matches(_ text: String) -> Bool {
        if !required.isEmpty {
            let present = required.withUnsafeBufferPointer { literal in
                requiredTable.withUnsafeBufferPointer { table in
                    text.withUTF8Bytes { SubstringSearch.occurs(literal, table: table, in: $0) }
                }
            }
            if !present { return false }
        }
        let n = program.count
        let anchored: Bool
        if case .begin = program[0] { anchored = true } else { anchored = false }
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 6 * n + 2) { buffer in
            buffer.initialize(repeating: 0)
            let base = buffer.baseAddress!
            var current = ThreadList(dense: base, sparse: base + n)
            var next = ThreadList(dense: base + 2 * n, sparse: base + 3 * n)
            let stack = base + 4 * n
            let scalars = text.unicodeScalars
            var position = scalars.startIndex
            var atStart = true
            while true {
                // An anchored pattern with no live thread after the start cannot match any more.
                if anchored, !atStart, current.count == 0 { return false }
                let atEnd = position == scalars.endIndex
                // Unanchored search: a new thread starts at every position.
                if addThread(0, to: &current, atStart: atStart, atEnd: atEnd, stack: stack) { return true }
                if atEnd { return false }
                let c = scalars[position].value
                position = scalars.index(after: position)
                let nextAtEnd = position == scalars.endIndex
                for k in 0..<current.count {
                    let pc = Int(current.dense[k])
                    let advances: Bool
                    switch program[pc] {
                    case .scalar(let s): advances = s == c
                    case .set(let set): advances = set.contains(c)
                    default: advances = false
                    }
                    if advances, addThread(pc + 1, to: &next, atStart: false, atEnd: nextAtEnd, stack: stack) { return true }
                }
                swap(&current, &next)
                next.count = 0
                atStart = false
            }
        }
    }

    /// Adds `pc` and everything reachable from it without consuming input; `true` on a match.
    /// Each instruction enters the list once and pushes at most two successors, so the stack
    /// never holds more than 2n + 1 entries.
    private func addThread(_ pc: Int, to list: inout ThreadList, atStart: Bool, atEnd: Bool, stack: UnsafeMutablePointer<Int32>) -> Bool {
        var top = 0
        stack[0] = Int32(pc)
        top = 1
        while top > 0 {
            top -= 1
            let pc = Int(stack[top])
            guard list.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target):
                stack[top] = Int32(target)
                top += 1
            case .split(let a, let b):
                stack[top] = Int32(b)
                stack[top + 1] = Int32(a)
                top += 2
            case .begin:
                if atStart { stack[top] = Int32(pc + 1); top += 1 }
            case .end:
                if atEnd { stack[top] = Int32(pc + 1); top += 1 }
            case .scalar, .set: break
            }
        }
        return false
    }

    /// A sparse set of instruction indices with O(1) insert, membership and clear, over
    /// caller-provided storage.
    private struct ThreadList {
        let dense: UnsafeMutablePointer<Int32>
        let sparse: UnsafeMutablePointer<Int32>
        var count = 0

        init(dense: UnsafeMutablePointer<Int32>, sparse: UnsafeMutablePointer<Int32>) {
            self.dense = dense
            self.sparse = sparse
        }

        /// Inserts `pc`; `false` if it was already present.
        mutating func insert(_ pc: Int) -> Bool {
            let i = Int(sparse[pc])
            if i < count && dense[i] == Int32(pc) { return false }
            sparse[pc] = Int32(count)
            dense[count] = Int32(pc)
            count += 1
            return true
        }
    }
}
