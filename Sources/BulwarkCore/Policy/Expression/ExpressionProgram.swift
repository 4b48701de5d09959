/// A compiled expression laid out flat: instructions with integer operands and side tables.
/// Built once from the checked tree; shared, immutable, read without copying during evaluation.
///
/// The tables live in one allocation the program owns (`ProgramArena`), so that the evaluator
/// reads them through plain pointers (no array retain per instruction). `@unchecked Sendable`:
/// the tables are written once in `init`, never after, and freed in `deinit`.
final class ExpressionProgram: @unchecked Sendable {
    let regexes: [LinearRegex]
    let root: Int
    let source: String
    let type: ExpressionType
    /// How many macro variables evaluation needs.
    let localCount: Int
    let code: UnsafeBufferPointer<ExpressionInstruction>
    let operandTable: UnsafeBufferPointer<Int>
    let constantTable: UnsafeBufferPointer<ExpressionValue>
    /// The UTF-8 of every string constant and its KMP failure table, back to back (the two
    /// tables share offsets); `textStart` and `textCount` give each constant's (-1: not a string).
    /// String predicates read their constant argument here, without touching the `String`.
    let textBytes: UnsafeBufferPointer<UInt8>
    let failureTables: UnsafeBufferPointer<Int32>
    let textStart: UnsafeBufferPointer<Int>
    let textCount: UnsafeBufferPointer<Int>
    /// `names`, read without retaining the array.
    let nameTable: UnsafeBufferPointer<String>
    /// The slots the program reads (variables, and declared fields read directly), each once.
    var slotsRead: [Int] {
        var out: [Int] = []
        for i in code {
            switch i {
            case .variable(let s), .slotPresence(let s), .slotCompare(_, let s, _), .slotCall(_, let s, _), .slotIntCompare(_, let s, _):
                if !out.contains(s) { out.append(s) }
            default: break
            }
        }
        return out
    }
    /// `instructions[i].isPredicate`, looked up rather than recomputed on every operand.
    let predicates: UnsafeBufferPointer<Bool>
    /// The one allocation the tables above live in.
    private let arena: ProgramArena

    init(_ tree: ExpressionNode, source: String, type: ExpressionType, localCount: Int) {
        self.source = source
        self.type = type
        self.localCount = localCount
        var builder = Builder()
        root = builder.lower(tree)
        let instructions = builder.instructions
        let names = builder.names
        let operands = builder.operands
        regexes = builder.regexes
        let values = builder.constants
        var bytes: [UInt8] = []
        var starts = Array(repeating: -1, count: values.count)
        var counts = Array(repeating: -1, count: values.count)
        for c in values.indices {
            guard case .string(let text) = values[c] else { continue }
            starts[c] = bytes.count
            counts[c] = text.utf8.count
            bytes += text.utf8
        }
        var tables = [Int32](repeating: 0, count: bytes.count)
        bytes.withUnsafeBufferPointer { all in
            tables.withUnsafeMutableBufferPointer { out in
                for c in values.indices where counts[c] > 0 {
                    let range = starts[c]..<(starts[c] + counts[c])
                    SubstringSearch.failureTable(UnsafeBufferPointer(rebasing: all[range]), into: UnsafeMutableBufferPointer(rebasing: out[range]))
                }
            }
        }
        // All hot tables in one allocation, so that a small program sits in a few cache lines.
        var layout = ProgramArena.Layout()
        let codeAt = layout.reserve(ExpressionInstruction.self, instructions.count)
        let constantsAt = layout.reserve(ExpressionValue.self, values.count)
        let namesAt = layout.reserve(String.self, names.count)
        let operandsAt = layout.reserve(Int.self, operands.count)
        let startsAt = layout.reserve(Int.self, starts.count)
        let countsAt = layout.reserve(Int.self, counts.count)
        let tablesAt = layout.reserve(Int32.self, tables.count)
        let bytesAt = layout.reserve(UInt8.self, bytes.count)
        let predicatesAt = layout.reserve(Bool.self, instructions.count)
        arena = ProgramArena(layout)
        code = arena.copy(instructions, at: codeAt)
        constantTable = arena.copy(values, at: constantsAt)
        nameTable = arena.copy(names, at: namesAt)
        operandTable = arena.copy(operands, at: operandsAt)
        textStart = arena.copy(starts, at: startsAt)
        textCount = arena.copy(counts, at: countsAt)
        failureTables = arena.copy(tables, at: tablesAt)
        textBytes = arena.copy(bytes, at: bytesAt)
        predicates = arena.copy(instructions.map(\.isPredicate), at: predicatesAt)
    }

    /// The UTF-8 of string constant `c` and its failure table; `nil` when `c` is not a string.
    @inline(__always)
    func text(_ c: Int) -> ConstantText? {
        let count = textCount[c]
        guard count >= 0 else { return nil }
        let range = textStart[c]..<(textStart[c] + count)
        return ConstantText(bytes: UnsafeBufferPointer(rebasing: textBytes[range]), table: UnsafeBufferPointer(rebasing: failureTables[range]))
    }

    deinit {
        // The instructions, integers and bytes are trivial; constants and names hold references.
        UnsafeMutableBufferPointer(mutating: constantTable).deinitialize()
        UnsafeMutableBufferPointer(mutating: nameTable).deinitialize()
        arena.deallocate()
    }


    private struct Builder {
        var instructions: [ExpressionInstruction] = []
        var constants: [ExpressionValue] = []
        var names: [String] = []
        var regexes: [LinearRegex] = []
        var operands: [Int] = []

        mutating func emit(_ i: ExpressionInstruction) -> Int {
            instructions.append(i)
            return instructions.count - 1
        }

        mutating func constant(_ v: ExpressionValue) -> Int {
            constants.append(Self.compact(v))
            return constants.count - 1
        }

        /// Strings of up to 15 bytes rebuilt as small (inline) strings: the lexer builds its
        /// strings on the heap, and copying a heap string costs an atomic reference count.
        static func compact(_ s: String) -> String {
            s.utf8.count <= 15 ? String(decoding: Array(s.utf8), as: UTF8.self) : s
        }

        static func compact(_ v: ExpressionValue) -> ExpressionValue {
            switch v {
            case .string(let s): .string(compact(s))
            case .list(let items): .list(items.map(compact))
            default: v
            }
        }

        mutating func name(_ s: String) -> Int {
            if let i = names.firstIndex(of: s) { return i }
            names.append(Self.compact(s))
            return names.count - 1
        }

        mutating func list(_ nodes: [ExpressionNode]) -> Int {
            let lowered = nodes.map { lower($0) }
            let start = operands.count
            operands += lowered
            return start
        }

        /// Lowers a node; recursion is bounded by the tree depth the parser allowed.
        mutating func lower(_ node: ExpressionNode) -> Int {
            switch node {
            case .constant(let v):
                return emit(.constant(constant(v)))
            case .variable(let slot): return emit(.variable(slot))
            case .local(let slot): return emit(.local(slot))
            case .select(.local(let slot), let field):
                return emit(.localField(slot, name(field)))
            case .select(let o, let field):
                let operand = lower(o)
                return emit(.select(operand, name(field)))
            case .presence(let o, let field):
                let operand = lower(o)
                return emit(.presence(operand, name(field)))
            case .slotPresence(let slot): return emit(.slotPresence(slot))
            case .index(let o, let k):
                let a = lower(o)
                let b = lower(k)
                return emit(.index(a, b))
            case .not(let o): return emit(.not(lower(o)))
            case .negate(let o): return emit(.negate(lower(o)))
            case .and(let items): return emit(.and(list(items), items.count))
            case .or(let items): return emit(.or(list(items), items.count))
            case .binary(let op, let l, let r) where op.isPredicate:
                if case .constant(let v) = r {
                    if case .variable(let slot) = l {
                        if case .int(let n) = v, op != .isIn { return emit(.slotIntCompare(op, slot, n)) }
                        return emit(.slotCompare(op, slot, constant(v)))
                    }
                    if case .select(.local(let slot), let field) = l { return emit(.localFieldCompare(op, slot, name(field), constant(v))) }
                    if case .local(let slot) = l { return emit(.localCompare(op, slot, constant(v))) }
                    let a = lower(l)
                    return emit(.compareConstant(op, a, constant(v)))
                }
                let a = lower(l)
                let b = lower(r)
                return emit(.binary(op, a, b))
            case .binary(let op, let l, let r):
                let a = lower(l)
                let b = lower(r)
                return emit(.binary(op, a, b))
            case .conditional(let c, let t, let e):
                let a = lower(c)
                let b = lower(t)
                let d = lower(e)
                return emit(.conditional(a, b, d))
            case .list(let items):
                // A literal list of constants (`['shell', 'http']`) is built once, here.
                let values = items.compactMap { item -> ExpressionValue? in if case .constant(let v) = item { v } else { nil } }
                if values.count == items.count { return emit(.constant(constant(.list(values)))) }
                return emit(.list(list(items), items.count))
            case .map(let entries):
                let start = list(entries.flatMap { [$0.key, $0.value] })
                return emit(.map(start, entries.count))
            case .call(let f, let first, let second) where f.isPredicate && f != .matches:
                if case .constant(let v)? = second {
                    switch first {
                    case .variable(let slot): return emit(.slotCall(f, slot, constant(v)))
                    case .select(.local(let slot), let field):
                        return emit(.localFieldCall(f, slot, name(field), constant(v)))
                    case .local(let slot): return emit(.localCall(f, slot, constant(v)))
                    default:
                        let a = lower(first)
                        return emit(.call(f, a, emit(.constant(constant(v)))))
                    }
                }
                let a = lower(first)
                let b = second.map { lower($0) } ?? -1
                return emit(.call(f, a, b))
            case .call(let f, let first, let second):
                let a = lower(first)
                let b = second.map { lower($0) } ?? -1
                return emit(.call(f, a, b))
            case .matches(let text, let regex):
                let a = lower(text)
                regexes.append(regex)
                return emit(.matches(a, regexes.count - 1))
            case .comprehension(let macro, let range, let slot, let body, let transform):
                let r = lower(range)
                let b = lower(body)
                let t = transform.map { lower($0) } ?? -1
                return emit(.comprehension(macro, r, slot, b, t))
            }
        }
    }
}
