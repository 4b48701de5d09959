/// Renders amounts for finding messages (`12,000.50`) without Foundation.
enum MoneyFormat {
    static func string(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
        guard value.magnitude < 1e15 else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        let unitsScale = Int64(scale)
        let total = Int64(scaled)
        let whole = total / unitsScale
        let fraction = total % unitsScale
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if decimals > 0 {
            let f = String(fraction)
            grouped += "." + String(repeating: "0", count: decimals - f.count) + f
        }
        return (value < 0 && scaled > 0 ? "-" : "") + grouped
    }
}
