import Foundation
import Testing
@testable import BulwarkServer

/// Whether a waiter was woken by a decision or by its time running out (not how long it took:
/// under a full parallel test run the cooperative pool can be busy for seconds).
@Suite struct ReviewWaitersTests {
    /// A decision made after the caller read "pending" but before it waited is not missed: the
    /// waiter looks again once registered.
    @Test func aDecisionBeforeTheWaitEndsIt() async {
        #expect(await ReviewWaiters().wait(for: "r1", seconds: 60) { true })
    }

    @Test func aNotificationWakesTheWaiter() async throws {
        let waiters = ReviewWaiters()
        async let woken = waiters.wait(for: "r2", seconds: 60) { false }
        while waiters.lock.withLock({ waiters.waiters["r2"] == nil }) { try await Task.sleep(for: .milliseconds(10)) }
        waiters.notify("r2")
        #expect(await woken)
    }

    @Test func anUndecidedReviewWaitsItsTime() async {
        let start = Date()
        #expect(await ReviewWaiters().wait(for: "r3", seconds: 0.3) { false } == false)
        #expect(Date().timeIntervalSince(start) >= 0.25)
    }
}
