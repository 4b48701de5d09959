/// One allocation holding several typed tables back to back, each aligned for its type: the
/// storage of a compiled program's hot tables.
struct ProgramArena {
    /// Where each table goes, computed before the allocation.
    struct Layout {
        private(set) var size = 0
        private(set) var alignment = 16

        /// Room for `count` values of `T`; the result is the byte offset to pass to `copy`.
        mutating func reserve<T>(_: T.Type, _ count: Int) -> Int {
            let a = MemoryLayout<T>.alignment
            alignment = max(alignment, a)
            let offset = (size + a - 1) / a * a
            size = offset + MemoryLayout<T>.stride * count
            return offset
        }
    }

    private let base: UnsafeMutableRawPointer

    init(_ layout: Layout) {
        base = UnsafeMutableRawPointer.allocate(byteCount: max(1, layout.size), alignment: layout.alignment)
    }

    /// Initializes the table at `offset` with `items` (ownership of the copies stays here until
    /// the caller deinitializes them).
    func copy<T>(_ items: [T], at offset: Int) -> UnsafeBufferPointer<T> {
        let start = (base + offset).bindMemory(to: T.self, capacity: items.count)
        let buffer = UnsafeMutableBufferPointer(start: start, count: items.count)
        _ = buffer.initialize(from: items)
        return UnsafeBufferPointer(buffer)
    }

    func deallocate() {
        base.deallocate()
    }
}
