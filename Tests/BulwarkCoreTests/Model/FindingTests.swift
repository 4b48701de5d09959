import Testing
@testable import BulwarkCore

@Suite struct FindingTests {
    @Test func shortSingleLineEvidenceIsKept() {
        #expect(Finding.clip("rm -rf ~") == "rm -rf ~")
    }

    @Test func newlinesBecomeSpaces() {
        #expect(Finding.clip("cd /\nrm -rf *") == "cd / rm -rf *")
    }

    /// The limit counts Unicode scalars, so a multi-byte character is never cut in half.
    @Test func longEvidenceIsClippedOnScalarBoundaries() {
        let text = String(repeating: "é", count: 300)
        let clipped = Finding.clip(text, limit: 200)
        #expect(clipped == String(repeating: "é", count: 200) + "…")
        #expect(Finding.clip(String(repeating: "a", count: 201)) == String(repeating: "a", count: 200) + "…")
        #expect(Finding.clip(String(repeating: "a", count: 200) + "\n") == String(repeating: "a", count: 200) + "…")
    }
}
