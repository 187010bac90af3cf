import QuiverCore
import Testing
@testable import Cypher

@Suite("Cypher semantic analysis")
struct SemanticTests {
    @Test("scopes record each variable's kind after every clause")
    func variableKinds() throws {
        let analysed = try SemanticAnalyzer.compile(
            "MATCH p = (a)-[r]->(b)-[rs*]->(c) WITH a, r, rs, p, 1 AS one UNWIND [1] AS x RETURN *")
        let afterMatch = analysed.scopes[0][0]
        #expect(afterMatch["a"] == .node)
        #expect(afterMatch["r"] == .relationship)
        #expect(afterMatch["rs"] == .relationshipList)
        #expect(afterMatch["p"] == .path)
        let afterWith = analysed.scopes[0][1]
        #expect(afterWith.names == ["a", "r", "rs", "p", "one"])
        #expect(afterWith["b"] == nil)
        #expect(afterWith["one"] == .value)
        #expect(analysed.columns == ["a", "one", "p", "r", "rs", "x"])
        #expect(analysed.isReadOnly)
    }

    @Test("columns and read-only flag")
    func columns() throws {
        let read = try SemanticAnalyzer.compile("MATCH (n) RETURN n.name, count(*) AS c UNION MATCH (m) RETURN m.x AS `n.name`, 2 AS c")
        #expect(read.columns == ["n.name", "c"])
        let write = try SemanticAnalyzer.compile("CREATE (n:L) SET n.x = 1")
        #expect(!write.isReadOnly)
        #expect(write.columns.isEmpty)
    }

    @Test("compile-time errors carry the TCK detail codes", arguments: [
        ("MATCH (n) RETURN m", "UndefinedVariable"),
        ("MATCH (a) CREATE (a)", "VariableAlreadyBound"),
        ("MATCH ()-[r]-() MATCH (r) RETURN r", "VariableTypeConflict"),
        ("MATCH (a) WHERE count(a) > 1 RETURN a", "InvalidAggregation"),
        ("RETURN count(count(*))", "NestedAggregation"),
        ("MATCH (a) WITH a, count(*) RETURN a", "NoExpressionAlias"),
        ("RETURN 1 AS a, 2 AS a", "ColumnNameConflict"),
        ("MATCH () RETURN *", "NoVariablesInScope"),
        ("MATCH (n) RETURN n SKIP -1", "NegativeIntegerArgument"),
        ("MATCH (n) RETURN n LIMIT n.count", "NonConstantExpression"),
        ("MATCH (n) RETURN n LIMIT 1.5", "InvalidArgumentType"),
        ("RETURN 1 AS a UNION RETURN 2 AS b", "DifferentColumnsInUnion"),
        ("RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a", "InvalidClauseComposition"),
        ("MATCH (n) DELETE n:Person", "InvalidDelete"),
        ("CREATE (a)-[:T]-(b)", "RequiresDirectedRelationship"),
        ("CREATE (a)-->(b)", "NoSingleRelationshipType"),
        ("CREATE (a)-[:T*2]->(b)", "CreatingVarLength"),
        ("MATCH (n $p) RETURN n", "InvalidParameterUse"),
        ("RETURN foo(1)", "UnknownFunction"),
        ("MATCH (a)-[r]->()-[r]->(a) RETURN r", "RelationshipUniquenessViolation"),
        ("MATCH (me)--(you) RETURN me.age + count(you.age)", "AmbiguousAggregationExpression"),
        ("RETURN NOT 0", "InvalidArgumentType"),
        ("MATCH (n) RETURN (n)-->()", "UnexpectedSyntax"),
        ("MATCH (n) WHERE ()-[r]->() RETURN n", "UndefinedVariable"),
    ])
    func errors(text: String, code: String) throws {
        let error = try #require(throws: QueryError.self) { try SemanticAnalyzer.compile(text) }
        #expect(error.code == code, "\(error)")
        #expect(error.phase == .compileTime)
        #expect(error.location != nil)
    }

    @Test("valid queries that look suspicious are accepted", arguments: [
        "MATCH (a) WITH a.name AS name WHERE a.name = 'B' RETURN name",
        "MATCH (me)--(you) RETURN me.age, me.age + count(you.age)",
        "WITH null AS a OPTIONAL MATCH (a)-->(b) RETURN b",
        "MATCH (n) WHERE (n)-->() AND NOT exists((n)<--()) RETURN n",
        "MATCH ()-[r]->() MATCH ()-[r]->() RETURN r",
        "CREATE () WITH * CREATE ()",
        "MATCH (n) RETURN DISTINCT n.name ORDER BY n.name",
        "UNWIND [1, 2] AS x RETURN x ORDER BY x SKIP 1 LIMIT $n",
        "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.x = 1 } RETURN n",
        "MATCH (n) RETURN [(n)-[r]->(m) WHERE m.k > 1 | m.name] AS names",
    ])
    func accepted(text: String) throws {
        _ = try SemanticAnalyzer.compile(text)
    }
}
