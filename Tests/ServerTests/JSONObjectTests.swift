import Server
import Testing

/// Request bodies are read strictly: every problem is a 4xx naming the field.
struct JSONObjectTests {
    @Test(arguments: [
        (#"{"query": "RETURN 1", "colour": 1}"#, 400, "UnknownField", "`colour`"),
        (#"{"params": {}}"#, 400, "MissingField", "`query`"),
        (#"{"query": 1}"#, 400, "WrongType", "a string"),
        (#"{"query": "RETURN 1", "timeout": -1}"#, 400, "BadRequest", "`timeout`"),
        (#"{"query": "RETURN 1", "timeout": 100000}"#, 400, "BadRequest", "…300"),
        (#"{"query": "RETURN 1", "max_rows": 1.5}"#, 400, "WrongType", "an integer"),
        (#"{"query": "RETURN 1", "params": [1]}"#, 400, "BadRequest", "`params`"),
        (#"{"query": "#, 400, "MalformedJSON", "not valid JSON"),
        (#"[1, 2]"#, 400, "BadRequest", "body must be a JSON object"),
        ("", 400, "MalformedJSON", "not valid JSON"),
    ])
    func badBodiesSayWhatIsWrong(body: String, status: Int, code: String, fragment: String) {
        do {
            _ = try CypherRequest(body: Array(body.utf8), limits: ServiceLimits())
            Issue.record("accepted \(body)")
        } catch {
            #expect(error.status == status && error.code == code && error.message.contains(fragment), "\(error)")
        }
    }

    @Test func bodiesThatAreNotUTF8AreRefused() {
        #expect(throws: ServiceError.self) { try CypherRequest(body: [0x7b, 0xff, 0xfe, 0x7d], limits: ServiceLimits()) }
    }

    @Test func aGoodBodyKeepsIntegersApartFromFloats() throws {
        let request = try CypherRequest(body: Array(#"{"query": "RETURN $a, $b", "params": {"a": 1, "b": 1.5}, "timeout": 2, "draw": true}"#.utf8),
                                        limits: ServiceLimits())
        #expect(request.parameters == ["a": .int(1), "b": .float(1.5)])
        #expect(request.timeout == 2 && request.draw && request.maxRows == ServiceLimits().maxRows)
    }

    /// JSON does not tell 7 from 7.0 (JSON Schema calls both integers), so an integer field takes either.
    @Test func anIntegralFloatIsTheInteger() throws {
        let request = try CypherRequest(body: Array(#"{"query": "RETURN 1", "max_rows": 7.0}"#.utf8), limits: ServiceLimits())
        #expect(request.maxRows == 7)
    }

    @Test func deeplyNestedBodiesAreRefusedNotRecursedInto() {
        let deep = #"{"query": "RETURN 1", "params": {"a": "# + String(repeating: "[", count: 100_000) + "}"
        do {
            _ = try CypherRequest(body: Array(deep.utf8), limits: ServiceLimits())
            Issue.record("accepted a body nested 100,000 deep")
        } catch {
            #expect(error.status == 400 && error.message.contains("nest"), "\(error)")
        }
    }
}
