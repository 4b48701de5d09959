import ArgumentParser
import BulwarkCore

/// Documented process exit codes (see README, "Exit codes").
enum ExitStatus: Int32, Comparable {
    case allow = 0
    case review = 1
    case block = 2
    case badInput = 3

    init(_ verdict: Verdict) {
        if verdict.error != nil {
            self = .badInput
            return
        }
        switch verdict.decision {
        case .allow: self = .allow
        case .review: self = .review
        case .block: self = .block
        }
    }

    var code: ExitCode { ExitCode(rawValue) }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
