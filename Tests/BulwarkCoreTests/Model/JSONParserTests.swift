import Testing
@testable import BulwarkCore

@Suite struct JSONParserTests {
    let parser = JSONParser()

    @Test func parsesNestedDocumentKeepingKeyOrder() throws {
        let v = try parser.parse(#"{"b":1,"a":[true,false,null,"x\n\u00e9\ud83d\ude00"],"c":{"d":-1.5e2}}"#)
        #expect(v.objectValue?.keys == ["b", "a", "c"])
        #expect(v["a"] == .array([.bool(true), .bool(false), .null, .string("x\né😀")]))
        #expect(v["c"]?["d"] == .number(-150))
    }

    @Test(arguments: ["", "   ", "{", "[1,]", "{\"a\" 1}", "tru", "01x", "\"abc", "{\"a\":1}x", "-", "1.", "1e"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try parser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try parser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func boundsNestingDepth() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError(reason: .tooDeep, offset: 256)) { try parser.parse(deep) }
    }

    @Test func roundTripsThroughWriter() throws {
        let text = #"{"s":"q\"b\\c\u0001","n":[1,2.5,-3],"o":{}}"#
        let v = try parser.parse(text)
        #expect(try parser.parse(JSONWriter.string(v)) == v)
        #expect(JSONWriter.string(v) == #"{"s":"q\"b\\c\u0001","n":[1,2.5,-3],"o":{}}"#)
    }
}
