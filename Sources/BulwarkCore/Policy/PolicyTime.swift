/// Calendar fields of a Unix time, in UTC, for `time.*` in policy conditions. The library has
/// no clock: the caller supplies the time (`ActionDefaults.now`).
enum PolicyTime {
    /// `(hour, minute, weekday (0 = Sunday), "YYYY-MM-DD")`.
    static func fields(unix: Int) -> (hour: Int, minute: Int, weekday: Int, date: String) {
        let days = unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400
        let seconds = unix - days * 86_400
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        // Civil date from days since the epoch (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return (seconds / 3600, (seconds % 3600) / 60, weekday, "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))")
    }
}
