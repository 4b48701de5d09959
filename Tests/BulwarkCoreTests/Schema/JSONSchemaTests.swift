import Testing
@testable import BulwarkCore

@Suite struct JSONSchemaTests {
    private func schema(_ text: String, registry: [String: JSONValue] = [:]) throws -> JSONSchema {
        try JSONSchema(JSONParser().parse(text), registry: registry)
    }

    private func json(_ text: String) throws -> JSONValue { try JSONParser().parse(text) }

    @Test func reportsPointersOfEachViolation() throws {
        let s = try schema(##"""
            {"type":"object","required":["path","mode"],"additionalProperties":false,
             "properties":{"path":{"type":"string","minLength":1},
                           "lines":{"type":"array","items":{"type":"integer","minimum":0}},
                           "mode":{"enum":["r","w"]}}}
            """##)
        #expect(s.validate(try json(##"{"path":"a","mode":"r","lines":[1,2]}"##)).isEmpty)
        let violations = s.validate(try json(##"{"path":"","lines":[1,-2,"x"],"extra/key":true}"##))
        let pairs = violations.map { "\($0.instancePointer) \($0.keyword)" }
        #expect(pairs.contains("/path minLength"))
        #expect(pairs.contains("/lines/1 minimum"))
        #expect(pairs.contains("/lines/2 type"))
        #expect(pairs.contains("/extra~1key additionalProperties"))
        #expect(pairs.contains(" required"))
        let minimum = violations.first { $0.keyword == "minimum" }
        #expect(minimum?.schemaPointer == "/properties/lines/items/minimum")
        #expect(s.isValid(try json(##"{"path":"","mode":"r"}"##)) == false)
    }

    @Test func compositionReportsOneViolationPerKeyword() throws {
        let s = try schema(##"{"anyOf":[{"type":"string"},{"type":"number"}],"not":{"const":5}}"##)
        #expect(s.validate("x").isEmpty)
        #expect(s.validate(true).map(\.keyword) == ["anyOf"])
        #expect(s.validate(5).map(\.keyword) == ["not"])
    }

    @Test func refCyclesThatNeverConsumeAreCompileErrors() throws {
        #expect(throws: SchemaError.self) { try schema(##"{"$ref":"#"}"##) }
        #expect(throws: SchemaError.self) { try schema(##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##) }
        #expect(throws: SchemaError.self) { try schema(##"{"allOf":[{"$ref":"#"}]}"##) }
        let nested = try json(##"{"properties":{"x":{"$defs":{"a":{"$ref":"#/properties/x/$defs/a"}},"$ref":"#/properties/x/$defs/a"}}}"##)
        do throws(SchemaError) {
            _ = try JSONSchema(nested)
            Issue.record("cycle not detected")
        } catch {
            #expect(error.pointer == "/properties/x/$defs/a")
        }
    }

    @Test func recursionThroughTheInstanceIsFineAndBounded() throws {
        let s = try schema(##"{"type":"object","properties":{"next":{"$ref":"#"}}}"##)
        var value: JSONValue = [:]
        for _ in 0..<100 { value = ["next": value] }
        #expect(s.validate(value).isEmpty)
        var deep: JSONValue = [:]
        for _ in 0..<2_000 { deep = ["next": deep] }
        #expect(s.validate(deep).contains { $0.message.contains("depth") })
    }

    @Test func badKeywordValuesNameTheirPointer() throws {
        for (text, pointer) in [
            (##"{"properties":{"a":{"type":"strin"}}}"##, "/properties/a/type"),
            (##"{"minLength":-1}"##, "/minLength"),
            (##"{"items":{"pattern":"(a"}}"##, "/items/pattern"),
            (##"{"pattern":"(a{1000}){1000}"}"##, "/pattern"),
            (##"{"$ref":"#/$defs/missing"}"##, "/$ref"),
            (##"{"allOf":[]}"##, "/allOf"),
            (##"{"not":3}"##, "/not"),
        ] {
            let value = try json(text)
            do throws(SchemaError) {
                _ = try JSONSchema(value)
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.pointer == pointer, "\(text)")
            }
        }
    }

    @Test func uncheckableKeywordsAreListedNotIgnored() throws {
        let s = try schema(##"""
            {"properties":{"a":{"pattern":"(?=x)"},"b":{"$ref":"https://example.com/s.json"}},
             "dependencies":{"a":["b"]}}
            """##)
        #expect(s.unsupportedKeywords == ["pattern", "$ref", "dependencies"])
        #expect(s.unsupported.map(\.pointer) == ["/properties/a/pattern", "/properties/b/$ref", "/dependencies"])
        #expect(try schema(##"{"type":"string","format":"email"}"##).unsupportedKeywords.isEmpty)
    }

    @Test func customMetaSchemaVocabulariesAreFlagged() throws {
        let meta = try json(##"{"$vocabulary":{"https://json-schema.org/draft/2020-12/vocab/core":true}}"##)
        let s = try schema(##"{"$schema":"https://meta.example/m.json","minimum":3}"##, registry: ["https://meta.example/m.json": meta])
        #expect(s.unsupportedKeywords == ["$schema"])
        #expect(try schema(##"{"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}"##).unsupportedKeywords.isEmpty)
    }

    @Test func draft07DefinitionsResolveByPointer() throws {
        let s = try schema(##"{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"n":{"type":"integer"}},"properties":{"n":{"$ref":"#/definitions/n"}}}"##)
        #expect(s.unsupportedKeywords.isEmpty)
        #expect(s.validate(try json(##"{"n":"x"}"##)).map(\.instancePointer) == ["/n"])
    }

    @Test func resolvesRegistryDocumentsAndAnchors() throws {
        let registry: [String: JSONValue] = [
            "https://tools.example/defs.json": try json(##"{"$defs":{"id":{"type":"string","pattern":"^[a-z]+$"}}}"##)
        ]
        let s = try schema(
            ##"{"$id":"https://tools.example/tool.json","properties":{"id":{"$ref":"defs.json#/$defs/id"},"n":{"$ref":"#num"}},"$defs":{"n":{"$anchor":"num","type":"integer"}}}"##,
            registry: registry)
        #expect(s.unsupportedKeywords.isEmpty)
        #expect(s.validate(try json(##"{"id":"abc","n":3}"##)).isEmpty)
        let violations = s.validate(try json(##"{"id":"ABC","n":3.5}"##))
        #expect(violations.map(\.keyword).sorted() == ["pattern", "type"])
        #expect(violations.contains { $0.schemaPointer == "https://tools.example/defs.json#/$defs/id/pattern" })
    }

    @Test func stringLengthCountsScalarsAndConstIsScalarExact() throws {
        let s = try schema(##"{"maxLength":2,"minLength":2}"##)
        #expect(s.validate("😀😀").isEmpty)
        #expect(!s.validate("😀").isEmpty)
        #expect(try schema(##"{"const":"\u00e9"}"##).validate("e\u{301}").count == 1)
    }

    /// A typical tool-call argument object against a 20-property schema.
    @Test func validatesToolArgumentsQuickly() throws {
        var properties: [(key: String, value: JSONValue)] = []
        for i in 0..<20 {
            properties.append((
                "field\(i)",
                i % 3 == 0 ? ["type": "string", "maxLength": 256, "pattern": "^[a-zA-Z0-9_./-]+$"]
                    : i % 3 == 1 ? ["type": "integer", "minimum": 0, "maximum": 10_000] : ["type": "boolean"]
            ))
        }
        let s = try JSONSchema([
            "type": "object", "required": ["field0", "field1"], "additionalProperties": false,
            "properties": .object(JSONObject(properties)),
        ])
        let args: JSONValue = ["field0": "src/main.swift", "field1": 42, "field2": true, "field3": "README.md", "field4": 7]
        #expect(s.validate(args).isEmpty)
        let clock = ContinuousClock()
        let rounds = 2_000
        let elapsed = clock.measure {
            for _ in 0..<rounds { precondition(s.validate(args).isEmpty) }
        }
        let perCall = elapsed / rounds
        print("JSONSchemaTests: 20-property tool schema validate: \(perCall) per call (this build)")
        #expect(perCall < .milliseconds(1))
    }
}
