import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// A CALL that must fail: the query, its parameters, and the error's category, code, phase and position.
struct CallErrorCase: Sendable, CustomTestStringConvertible {
    var query: String
    var parameters: [String: Value] = [:]
    var category: QueryError.Category = .syntaxError
    var code: String
    var phase: QueryError.Phase = .compileTime
    /// `line:column` of the offending text.
    var at: String

    var testDescription: String { "\(code): \(query)" }
}

@Suite struct CallErrorTests {
    static let cases: [CallErrorCase] = [
        CallErrorCase(query: "CALL test.nope()", category: .procedureError, code: "ProcedureNotFound", at: "1:6"),
        CallErrorCase(query: "MATCH (n)\nCALL db.Labels() YIELD label RETURN label", category: .procedureError,
                      code: "ProcedureNotFound", at: "2:6"),
        CallErrorCase(query: "CALL test.city('Ann', 1)", code: "InvalidNumberOfArguments", at: "1:1"),
        CallErrorCase(query: "CALL math.scale()", code: "InvalidNumberOfArguments", at: "1:1"),
        CallErrorCase(query: "CALL test.city(true)", code: "InvalidArgumentType", at: "1:16"),
        CallErrorCase(query: "CALL math.scale(null)", code: "InvalidArgumentType", at: "1:17"),
        CallErrorCase(query: "CALL test.city($name)", parameters: ["name": 1], category: .typeError,
                      code: "InvalidArgumentType", phase: .runtime, at: "1:16"),
        CallErrorCase(query: "MATCH (n)\nCALL test.city(count(n)) YIELD city\nRETURN city", code: "InvalidAggregation",
                      at: "2:16"),
        CallErrorCase(query: "WITH 'x' AS city CALL test.city('Ann') YIELD city RETURN city",
                      code: "VariableAlreadyBound", at: "1:46"),
        CallErrorCase(query: "CALL test.city('Ann') YIELD city AS c, country AS c RETURN c",
                      code: "VariableAlreadyBound", at: "1:51"),
        CallErrorCase(query: "CALL test.city('Ann') YIELD town RETURN town", code: "UndefinedVariable", at: "1:29"),
        CallErrorCase(query: "CALL test.addNode('X') YIELD x RETURN x", code: "UndefinedVariable", at: "1:30"),
        CallErrorCase(query: "CALL test.city('Ann')\nRETURN city", code: "UndefinedVariable", at: "2:8"),
        CallErrorCase(query: "MATCH (n) CALL test.city('Ann') RETURN n", code: "MissingYield", at: "1:11"),
        CallErrorCase(query: "MATCH (n) CALL test.city('Ann') YIELD city", code: "InvalidClauseComposition", at: "1:11"),
        CallErrorCase(query: "CALL test.city YIELD city RETURN city", code: "InvalidArgumentPassingMode", at: "1:1"),
        CallErrorCase(query: "CALL test.city", category: .parameterMissing, code: "MissingParameter", at: "1:1"),
        CallErrorCase(query: "CALL test.city('Ann') YIELD * RETURN city", code: "UnexpectedSyntax", at: "1:23"),
    ]

    @Test("CALL errors have the TCK's category, code and phase, at the offending text", arguments: cases)
    func raises(_ item: CallErrorCase) throws {
        let graph = GraphStore()
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute(item.query, parameters: item.parameters, on: graph, procedures: try testProcedures())
        }
        #expect(error?.category == item.category)
        #expect(error?.code == item.code)
        #expect(error?.phase == item.phase)
        #expect(error?.location?.description == item.at)
        #expect(graph.nodeIDs().isEmpty)
    }
}
