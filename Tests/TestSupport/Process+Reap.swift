import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Process {
    /// The exit status, without `waitUntilExit()`: with many children starting at once,
    /// Foundation on Linux can miss a SIGCHLD and wait forever on a child that is already a
    /// zombie (seen in a full test run). This polls, and reaps the child itself when
    /// Foundation has not after a short grace period.
    public func reapExitStatus(timeout: TimeInterval = 120) -> Int32 {
        let pid = processIdentifier
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if !isRunning { return terminationStatus }
            if Date().timeIntervalSince(start) > 0.5 {
                var status: Int32 = 0
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid { return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f) }
            }
            usleep(2_000)
        }
        return -1
    }
}
