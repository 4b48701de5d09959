/// Lowers a `RegexNode` tree to a flat NFA program, refusing programs above `maxInstructions`
/// (counted repetition is expanded, so `(a{1000}){1000}` is caught here before it grows).
struct RegexCompiler {
    private(set) var instructions: [RegexInstruction] = []
    private(set) var sets: [ScalarSet] = []
    let maxInstructions: Int

    init(maxInstructions: Int) {
        self.maxInstructions = maxInstructions
    }

    mutating func compile(_ node: RegexNode) throws(RegexError) {
        try emit(node)
        try append(.match)
    }

    private mutating func append(_ instruction: RegexInstruction) throws(RegexError) {
        guard instructions.count < maxInstructions else {
            throw RegexError(.tooLarge, "pattern expands to more than \(maxInstructions) instructions", at: 0)
        }
        instructions.append(instruction)
    }

    private mutating func emit(_ node: RegexNode) throws(RegexError) {
        switch node {
        case .empty:
            break
        case .set(let set):
            if let scalar = set.singleScalar {
                try append(.scalar(scalar))
            } else {
                sets.append(set)
                try append(.set(sets.count - 1))
            }
        case .concat(let nodes):
            for n in nodes { try emit(n) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i < branches.count - 1 {
                    let split = instructions.count
                    try append(.split(split + 1, -1))
                    try emit(branch)
                    jumps.append(instructions.count)
                    try append(.jump(-1))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for j in jumps { instructions[j] = .jump(instructions.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { try emit(body) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(instructions.count)
                    try append(.split(instructions.count + 1, -1))
                    try emit(body)
                }
                for s in splits { instructions[s] = .split(s + 1, instructions.count) }
            } else {
                let loop = instructions.count
                try append(.split(loop + 1, -1))
                try emit(body)
                try append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        case .inputStart:
            try append(.assertStart)
        case .inputEnd:
            try append(.assertEnd)
        case .wordBoundary(let negated):
            try append(.wordBoundary(negated: negated))
        }
    }
}
