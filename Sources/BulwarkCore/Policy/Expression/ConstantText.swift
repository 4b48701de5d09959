/// A string constant of a compiled program as its UTF-8 bytes, with the KMP failure table that
/// `contains` uses; both live in the program's own storage.
struct ConstantText {
    let bytes: UnsafeBufferPointer<UInt8>
    let table: UnsafeBufferPointer<Int32>
}
