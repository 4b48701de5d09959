/// A regular expression the linear-time matcher does not accept, with the offset (in Unicode
/// scalars, 0-based) where the problem starts.
struct LinearRegexError: Error, Sendable, Equatable {
    var message: String
    var offset: Int

    init(_ reason: String, offset: Int) {
        self.offset = offset
        message = "\(reason) at offset \(offset)"
    }
}
