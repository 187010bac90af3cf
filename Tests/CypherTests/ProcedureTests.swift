import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// A registry with the built-ins and three test procedures: a table, a VOID writer, and one with a default.
func testProcedures() throws -> ProcedureRegistry {
    var registry = ProcedureRegistry.standard
    let city = try #require(ProcedureSignature(
        declaration: "test.city(name :: STRING?) :: (city :: STRING?, country :: STRING?)"))
    registry.register(try Procedure.table(city, rows: [
        ["Ann", "Oslo", "NO"], ["Bob", "Rome", "IT"], ["Bob", "Milan", "IT"], [nil, "Nowhere", nil],
    ]))
    let addNode = try #require(ProcedureSignature(declaration: "test.addNode(label :: STRING) :: VOID"))
    registry.register(Procedure(addNode, mode: .write) { call in
        guard case .string(let label) = call["label"] else { return [] }
        _ = call.graph.addNode(labels: [label])
        return []
    })
    let scale = ProcedureSignature(name: "math.scale", inputs: [
        .init(name: "x", type: CypherType(.float)),
        .init(name: "factor", type: CypherType(.float), defaultValue: 2.0),
    ], outputs: [.init(name: "y", type: CypherType(.float))])
    registry.register(Procedure(scale) { call in
        guard case .float(let x) = call["x"], case .float(let factor) = call["factor"] else { return [] }
        return [[.float(x * factor)]]
    })
    return registry
}

@Suite struct ProcedureRegistryTests {
    @Test("the standard registry holds the built-ins and nothing else")
    func standardHoldsBuiltIns() {
        #expect(ProcedureRegistry.standard.signatures.map(\.name) == ["db.labels", "db.propertyKeys", "db.relationshipTypes"])
        #expect(ProcedureRegistry.standard["db.labels"]?.signature.outputs.map(\.name) == ["label"])
        #expect(ProcedureRegistry.standard["db.Labels"] == nil, "names are case-sensitive")
    }

    @Test("registering a procedure makes it callable; a second one of the same name replaces it")
    func registerReplaces() throws {
        var registry = ProcedureRegistry()
        let signature = try #require(ProcedureSignature(declaration: "test.one() :: (x :: INTEGER)"))
        registry.register(try Procedure.table(signature, rows: [[1]]))
        registry.register(try Procedure.table(signature, rows: [[2]]))
        #expect(registry.signatures == [signature])
        let result = try CypherEngine.execute("CALL test.one()", on: GraphStore(), procedures: registry)
        #expect(result.rows == [[2]])
    }

    @Test("an empty registry has no procedures, not even the built-ins")
    func emptyRegistry() {
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("CALL db.labels()", on: GraphStore(), procedures: ProcedureRegistry())
        }
        #expect(error?.code == "ProcedureNotFound")
    }

    @Test("a table's rows must be as wide as the inputs and outputs")
    func tableWidthIsChecked() throws {
        let signature = try #require(ProcedureSignature(declaration: "test.t(a :: INTEGER) :: (b :: INTEGER)"))
        let error = #expect(throws: QueryError.self) { try Procedure.table(signature, rows: [[1, 2], [3]]) }
        #expect(error?.code == "InvalidArgumentValue")
    }
}

@Suite struct BuiltInProcedureTests {
    @Test("db.labels, db.relationshipTypes and db.propertyKeys read the graph")
    func schemaProcedures() throws {
        let graph = try sampleGraph()
        #expect(try rows("CALL db.labels()", on: graph) == [["Person"], ["City"]])
        #expect(try rows("CALL db.relationshipTypes()", on: graph) == [["KNOWS"], ["LIVES_IN"]])
        #expect(try rows("CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey ORDER BY propertyKey",
                         on: graph) == [["age"], ["name"], ["since"]])
        let columns = try CypherEngine.execute("CALL db.relationshipTypes()", on: graph).columns
        #expect(columns == ["relationshipType"])
    }

    @Test("the built-ins follow the live graph, within the query too")
    func builtInsFollowTheGraph() throws {
        let graph = try sampleGraph()
        _ = try CypherEngine.execute("MATCH (c:City) DETACH DELETE c", on: graph)
        #expect(try rows("CALL db.labels()", on: graph) == [["Person"]])
        #expect(try rows("CALL db.relationshipTypes()", on: graph) == [["KNOWS"]])
        #expect(try rows("CREATE (:Tag) WITH 1 AS one CALL db.labels() YIELD label RETURN label", on: graph)
                    == [["Person"], ["Tag"]])
        #expect(try rows("CALL db.labels()", on: GraphStore()).isEmpty)
    }

    @Test("built-ins compose with other clauses")
    func builtInsInQueries() throws {
        let graph = try sampleGraph()
        let result = try rows("""
            CALL db.labels() YIELD label AS l WHERE l STARTS WITH 'P'
            MATCH (n) WHERE l IN labels(n)
            RETURN l, count(n) AS nodes
            """, on: graph)
        #expect(result == [["Person", 4]])
    }
}

@Suite struct CallExecutionTests {
    func run(_ query: String, _ parameters: [String: Value] = [:], on graph: GraphStore = GraphStore())
        throws -> QueryResult {
        try CypherEngine.execute(query, parameters: parameters, on: graph, procedures: try testProcedures())
    }

    @Test("standalone CALL yields every output as columns; YIELD picks, renames and filters")
    func standaloneCall() throws {
        let all = try run("CALL test.city('Bob')")
        #expect(all.columns == ["city", "country"])
        #expect(all.rows == [["Rome", "IT"], ["Milan", "IT"]])
        #expect(try run("CALL test.city('Bob') YIELD *").rows == all.rows)
        let renamed = try run("CALL test.city('Bob') YIELD country AS c, city WHERE city <> 'Rome'")
        #expect(renamed.columns == ["c", "city"])
        #expect(renamed.rows == [["IT", "Milan"]])
        #expect(try run("CALL test.city(null)").rows == [["Nowhere", nil]])
    }

    @Test("CALL without parentheses takes its arguments from the parameters")
    func implicitArguments() throws {
        #expect(try run("CALL test.city", ["name": "Ann"]).rows == [["Oslo", "NO"]])
        #expect(try run("CALL math.scale", ["x": 4]).rows == [[8.0]], "factor takes its default")
    }

    @Test("an in-query CALL runs once per row, with the row's arguments")
    func inQueryCall() throws {
        let result = try run("""
            UNWIND ['Ann', 'Bob', 'Eve'] AS name
            CALL test.city(name) YIELD city
            RETURN name, city
            """)
        #expect(result.rows == [["Ann", "Oslo"], ["Bob", "Rome"], ["Bob", "Milan"]])
    }

    @Test("INTEGER arguments become FLOAT where FLOAT is declared; defaults fill left-out inputs")
    func coercionAndDefaults() throws {
        let doubled = try run("CALL math.scale(3)")
        #expect(doubled.rows == [[6.0]])
        #expect(doubled.rows.first?.first?.typeName == "FLOAT")
        #expect(try run("CALL math.scale(3, 10) YIELD y RETURN y").rows == [[30.0]])
    }

    @Test("a VOID procedure inside a query passes its input rows on unchanged")
    func voidProcedure() throws {
        let graph = GraphStore()
        let result = try run("UNWIND [1, 2, 3] AS x CALL test.addNode('Made') RETURN x", on: graph)
        #expect(result.rows == [[1], [2], [3]])
        #expect(try rows("MATCH (n:Made) RETURN count(n)", on: graph) == [[3]])
        #expect(try run("CALL test.addNode('Made')", on: graph).columns.isEmpty)
    }

    @Test("a failing query leaves no trace of what a procedure wrote")
    func failedQueryIsAtomic() throws {
        let graph = GraphStore()
        let error = #expect(throws: QueryError.self) {
            try run("CALL test.addNode('Made') WITH 0 AS zero RETURN 1 / zero", on: graph)
        }
        #expect(error?.code == "DivisionByZero")
        #expect(graph.nodeIDs().isEmpty)
    }

    @Test("a read-only query may call reading procedures but not writing ones")
    func readOnlyQueries() throws {
        let graph = try sampleGraph()
        let procedures = try testProcedures()
        let labels = try CypherEngine.execute("CALL db.labels()", on: graph, readOnly: true, procedures: procedures)
        #expect(labels.rows.count == 2)
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("CALL test.addNode('X')", on: graph, readOnly: true, procedures: procedures)
        }
        #expect(error?.code == "WriteInReadOnlyQuery")
        #expect(try rows("MATCH (n:X) RETURN n", on: graph).isEmpty)
    }

    @Test("a procedure whose rows break its signature fails the call")
    func outputsAreChecked() throws {
        var registry = ProcedureRegistry()
        let signature = try #require(ProcedureSignature(declaration: "test.liar() :: (n :: INTEGER)"))
        registry.register(Procedure(signature) { _ in [["not a number"]] })
        let error = #expect(throws: QueryError.self) {
            try CypherEngine.execute("CALL test.liar()", on: GraphStore(), procedures: registry)
        }
        #expect(error?.category == .procedureError)
        #expect(error?.code == "ProcedureCallFailed")
        #expect(error?.phase == .runtime)
    }
}
