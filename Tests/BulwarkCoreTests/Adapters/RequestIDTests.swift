import Testing
@testable import BulwarkCore

/// JSON-RPC ids are echoed into action ids; no numeric value may trap the conversion.
@Suite struct RequestIDTests {
    @Test(arguments: ["1e300", "-1e300", "1.5", "9007199254740993", "0", "-0", "1E+308", "123456789012345678901234567890"])
    func numericIDsNeverTrap(_ id: String) {
        let verdict = Engine().evaluate(#"{"jsonrpc":"2.0","id":\#(id),"method":"tools/call","params":{"name":"run_shell","arguments":{"command":"ls"}}}"#)
        #expect(verdict.error == nil)
        #expect(verdict.actionID.hasPrefix("mcp-"))
    }
}
