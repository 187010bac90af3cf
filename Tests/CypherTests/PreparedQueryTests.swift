import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// Preparing a statement once and running it many times.
@Suite struct PreparedQueryTests {
    @Test func aPreparedQueryRunsAgainWithoutReparsing() throws {
        let graph = try sampleGraph()
        let prepared = try CypherEngine.prepare("MATCH (p:Person) WHERE p.age > $min RETURN p.name ORDER BY p.name")
        #expect(prepared.query?.first.clauses.count == 2)
        #expect(prepared.analysis?.columns == ["p.name"])
        #expect(prepared.isReadOnly)
        #expect(try CypherEngine.execute(prepared, parameters: ["min": 26], on: graph).rows == [["Ann"], ["Cid"]])
        #expect(try CypherEngine.execute(prepared, parameters: ["min": 40], on: graph).rows == [["Cid"]])
    }

    @Test func preparingReportsErrorsWithTheirPosition() {
        let error = #expect(throws: QueryError.self) { try CypherEngine.prepare("MATCH (n)\nRETURN m") }
        #expect(error?.code == "UndefinedVariable" && error?.location?.line == 2 && error?.location?.column == 8)
    }

    @Test func aParsedStatementIsAnalysedWithoutParsingAgain() throws {
        let text = "CREATE (:A)"
        let statement = try CypherParser.parseStatement(text)
        let prepared = try CypherEngine.prepare(statement, text: text)
        #expect(!prepared.isReadOnly)
        #expect(#expect(throws: QueryError.self) { try CypherEngine.execute(prepared, on: GraphStore(), readOnly: true) }?.code
            == "WriteInReadOnlyQuery")
    }
}
