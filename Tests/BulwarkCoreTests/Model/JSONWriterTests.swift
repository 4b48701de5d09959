import Testing
@testable import BulwarkCore

@Suite struct JSONWriterTests {
    @Test func numbersAreIntegersWhenWholeAndShortestOtherwise() {
        #expect(JSONWriter.string([0, -7, 42, 1_795_264_074_214_211, -999_999_999_999_999]) == "[0,-7,42,1795264074214211.0,-999999999999999]")
        #expect(JSONWriter.string([40.5, -0.25, 1e-05, .number(.infinity), .number(.nan)]) == "[40.5,-0.25,1e-05,null,null]")
    }

    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        let text = "a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{01}i\u{1F}"
        #expect(JSONWriter.string(.string(text)) == #""a\"b\\c\nd\re\tf\bg\fh\u0001i\u001f""#)
        #expect(JSONWriter.string(.string("déjà vu — 東京 🚀")) == "\"déjà vu — 東京 🚀\"")
    }

    @Test func whatItWritesParsesBackToTheSameValue() throws {
        var object = JSONObject()
        object["z"] = .string("line\nbreak \"quoted\" \u{7F} é")
        object["a"] = .array([.null, .bool(true), .bool(false), .number(-12), .number(3.5)])
        object["nested"] = .object(object)
        let value = JSONValue.object(object)
        let text = JSONWriter.string(value)
        #expect(text.hasPrefix(#"{"z":"#))
        #expect(try JSONParser().parse(text) == value)
    }
}
