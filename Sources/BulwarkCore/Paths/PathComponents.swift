/// Fast splitting of paths on `/`, scanning UTF-8 bytes instead of grapheme clusters.
enum PathComponents {
    /// The non-empty components of `path`, as slices of it.
    static func split<S: StringProtocol>(_ path: S) -> [Substring] where S.SubSequence == Substring {
        let u = path.utf8
        var out: [Substring] = []
        out.reserveCapacity(8)
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == 0x2F {
                i = u.index(after: i)
                continue
            }
            var j = i
            while j < u.endIndex && u[j] != 0x2F { j = u.index(after: j) }
            out.append(path[i..<j])
            i = j
        }
        return out
    }
}
