import Testing
import PropertyGraph
import QuiverCore
@testable import Cypher

/// Running schema commands: the catalog records them, SHOW lists them, writes respect constraints.
@Suite struct SchemaCatalogTests {
    /// A graph with a catalog, and a runner that fails the test on a query error.
    struct Session {
        let graph = GraphStore()
        let schema = SchemaCatalog()

        @discardableResult
        func run(_ query: String) throws -> QueryResult {
            try CypherEngine.execute(query, on: graph, schema: schema)
        }

        func error(_ query: String) -> QueryError? {
            do {
                _ = try CypherEngine.execute(query, on: graph, schema: schema)
                return nil
            } catch {
                return error
            }
        }
    }

    @Test func uniqueConstraintRejectsADuplicateAndRollsTheQueryBack() throws {
        let session = Session()
        let created = try session.run("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE")
        #expect(created.notes == ["created constraint `constraint_Person_name_unique`: UNIQUENESS on :Person(name), enforced on writes"])
        try session.run("CREATE (:Person {name: 'Ann'})")
        let error = try #require(session.error("CREATE (:Person {name: 'Bob'})\nCREATE (:Person {name: 'Ann'})"))
        #expect(error.category == .constraintValidationFailed && error.code == "UniquenessConstraintViolation")
        #expect(error.message.contains("Node(0) already exists with label `Person` and property `name` = 'Ann'"))
        #expect(error.location?.line == 1 && error.location?.column == 1)
        // Rolled back: Bob, created before the violation in the same query, is gone too.
        #expect(try session.run("MATCH (p:Person) RETURN p.name").rows == [["Ann"]])
    }

    @Test func writesThatChangeExistingNodesAreCheckedToo() throws {
        let session = Session()
        try session.run("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE")
        try session.run("CREATE (:Person {name: 'Ann'}), (:Person {name: 'Bob'}), (:Robot {name: 'Ann'})")
        #expect(session.error("MATCH (p:Person {name: 'Bob'}) SET p.name = 'Ann'")?.code == "UniquenessConstraintViolation")
        #expect(session.error("MATCH (r:Robot) SET r:Person")?.code == "UniquenessConstraintViolation")
        #expect(session.error("MERGE (p:Person {name: 'Bob'}) ON MATCH SET p.name = 'Ann'")?.code == "UniquenessConstraintViolation")
        try session.run("MATCH (p:Person {name: 'Bob'}) SET p.name = 'Cid'")
        #expect(try session.run("MATCH (p:Person) RETURN p.name ORDER BY p.name").rows == [["Ann"], ["Cid"]])
    }

    @Test func notNullAndKeyConstraintsRequireTheProperty() throws {
        let session = Session()
        try session.run("CREATE CONSTRAINT FOR (m:Movie) REQUIRE m.title IS NOT NULL")
        try session.run("CREATE CONSTRAINT FOR (c:City) REQUIRE c.code IS NODE KEY")
        try session.run("CREATE (:Movie {title: 'Heat'}), (:City {code: 'OSL'})")
        let missing = try #require(session.error("MATCH (m:Movie) REMOVE m.title"))
        #expect(missing.code == "NotNullConstraintViolation")
        #expect(missing.message.contains("Node(0) with label `Movie` must have the property `title`"))
        #expect(session.error("CREATE (:City {name: 'Bergen'})")?.code == "NotNullConstraintViolation")
        #expect(session.error("CREATE (:City {code: 'OSL'})")?.code == "UniquenessConstraintViolation")
    }

    @Test func creatingAConstraintTheDataBreaksFailsAndLeavesNoIndex() throws {
        let session = Session()
        try session.run("CREATE (:Person {name: 'Ann'}), (:Person {name: 'Ann'})")
        let error = try #require(session.error("CREATE CONSTRAINT c FOR (p:Person) REQUIRE p.name IS UNIQUE"))
        #expect(error.code == "ConstraintCreationFailed" && error.location?.column == 1)
        #expect(session.schema.constraints.isEmpty)
        #expect(session.graph.indexDefinitions.isEmpty)
    }

    @Test func ifNotExistsMakesARepeatANoteAndWithoutItAnError() throws {
        let session = Session()
        let text = "CREATE CONSTRAINT movie_title IF NOT EXISTS FOR (m:Movie) REQUIRE (m.title) IS UNIQUE"
        try session.run(text)
        #expect(try session.run(text).notes == ["constraint `movie_title` already exists; nothing changed"])
        let again = session.error("CREATE CONSTRAINT FOR (m:Movie) REQUIRE m.title IS UNIQUE")
        #expect(again?.code == "EquivalentSchemaRuleAlreadyExists")
        #expect(session.error("CREATE INDEX movie_title FOR (m:Movie) ON (m.year)")?.code == "SchemaNameAlreadyUsed")
        #expect(session.schema.constraints.count == 1)
    }

    @Test func rangeIndexesLiveInTheGraphAndOtherKindsAreRecorded() throws {
        let session = Session()
        let range = try session.run("CREATE INDEX IF NOT EXISTS FOR (p:Person) ON (p.born)")
        #expect(range.notes == ["created RANGE index `index_Person_born` on :Person(born)"])
        #expect(session.graph.indexDefinitions.map { "\($0.label).\($0.key)" } == ["Person.born"])
        let text = try session.run("CREATE TEXT INDEX bio FOR (p:Person) ON (p.bio)")
        #expect(text.notes.first?.hasPrefix("recorded TEXT index `bio` on :Person(bio); not used by the embedded engine") == true)
        try session.run("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS UNIQUE")
        let shown = try session.run("SHOW INDEXES")
        #expect(shown.columns == ["id", "name", "state", "type", "entityType", "labelsOrTypes", "properties", "owningConstraint"])
        #expect(shown.rows == [
            [1, "index_Person_born", "ONLINE", "RANGE", "NODE", ["Person"], ["born"], .null],
            [2, "bio", "RECORDED", "TEXT", "NODE", ["Person"], ["bio"], .null],
            [3, "constraint_Person_name_unique", "ONLINE", "RANGE", "NODE", ["Person"], ["name"], "constraint_Person_name_unique"],
        ])
        #expect(try session.run("SHOW TEXT INDEXES").rows.count == 1)
        #expect(session.error("DROP INDEX constraint_Person_name_unique")?.code == "IndexDropFailed")
        try session.run("DROP INDEX index_Person_born")
        #expect(session.graph.indexDefinitions.map(\.label) == ["Person"])
        #expect(session.error("DROP INDEX index_Person_born")?.code == "IndexDropFailed")
        #expect(try session.run("DROP INDEX index_Person_born IF EXISTS").notes == ["no such index; nothing dropped"])
    }

    @Test func showConstraintsSaysWhichAreEnforced() throws {
        let session = Session()
        try session.run("CREATE CONSTRAINT person_name FOR (p:Person) REQUIRE p.name IS UNIQUE")
        let composite = try session.run("CREATE CONSTRAINT FOR (p:Person) REQUIRE (p.first, p.last) IS NODE KEY")
        #expect(composite.notes.first?.contains("not enforced by the embedded engine") == true)
        let shown = try session.run("SHOW CONSTRAINTS")
        #expect(shown.columns == ["id", "name", "type", "entityType", "labelsOrTypes", "properties", "ownedIndex", "enforced"])
        #expect(shown.rows == [
            [1, "person_name", "UNIQUENESS", "NODE", ["Person"], ["name"], "person_name", true],
            [2, "constraint_Person_first_last_key", "NODE_KEY", "NODE", ["Person"], ["first", "last"],
             "constraint_Person_first_last_key", false],
        ])
        try session.run("DROP CONSTRAINT person_name")
        try session.run("CREATE (:Person {name: 'Ann'}), (:Person {name: 'Ann'})")
        #expect(session.graph.indexDefinitions.isEmpty)
        #expect(try session.run("SHOW UNIQUE CONSTRAINTS").rows.isEmpty)
    }

    @Test func schemaChangesAreWritesAndNeedACatalog() throws {
        let graph = GraphStore()
        let readOnly = try #require(throws: QueryError.self) {
            try CypherEngine.execute("CREATE INDEX FOR (p:Person) ON (p.born)", on: graph, schema: SchemaCatalog(), readOnly: true)
        }
        #expect(readOnly.code == "WriteInReadOnlyQuery")
        #expect(try CypherEngine.execute("SHOW INDEXES", on: graph, schema: SchemaCatalog(), readOnly: true).rows.isEmpty)
        let missing = try #require(throws: QueryError.self) {
            try CypherEngine.execute("CREATE INDEX FOR (p:Person) ON (p.born)", on: graph)
        }
        #expect(missing.code == "SchemaCatalogMissing")
    }

    @Test func indexesTheGraphAlreadyHadAreListed() throws {
        let graph = GraphStore()
        graph.createIndex(label: "Person", key: "id")
        let rows = try CypherEngine.execute("SHOW INDEXES", on: graph, schema: SchemaCatalog()).rows
        #expect(rows == [[0, "index_Person_id", "ONLINE", "RANGE", "NODE", ["Person"], ["id"], .null]])
        // SHOW needs no catalog (a scored prediction runs without one).
        #expect(try CypherEngine.execute("SHOW INDEXES", on: graph, readOnly: true).rows == rows)
        #expect(try CypherEngine.execute("SHOW CONSTRAINTS", on: graph, readOnly: true).rows.isEmpty)
    }
}
