#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes a hook process fail closed even when it cannot finish: a crash signal or the watchdog
/// alarm writes a pre-rendered deny answer and exits with status 2, which Claude Code treats as
/// a block. (Claude Code lets the tool run when a hook crashes, times out or exits oddly.)
public enum FailClosed {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) private static var length = 0

    /// Arms the guard with `answer` (written to stdout) and a watchdog of `seconds`.
    public static func arm(answer: String, seconds: UInt32) {
        let bytes = Array(answer.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        message = buffer
        length = bytes.count
        // The parent may have left these signals blocked or ignored (spawners often do);
        // the guard only works if they are delivered to us.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGALRM] {
            signal(sig, failClosedHandler)
            sigaddset(&unblock, sig)
        }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        alarm(seconds)
    }

    public static func disarm() {
        alarm(0)
    }

    fileprivate static func emit() {
        if let message { _ = write(1, message, length) }
        _exit(2)
    }
}

private func failClosedHandler(_ signal: Int32) {
    FailClosed.emitFromSignal()
}

extension FailClosed {
    /// Only async-signal-safe calls (write, _exit) happen here.
    static func emitFromSignal() { emit() }
}
