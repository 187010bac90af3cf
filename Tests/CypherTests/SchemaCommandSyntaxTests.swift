import Testing
import QuiverCore
@testable import Cypher

/// Parsing schema commands: every Neo4j 3/4/5 form a graph script starts with.
@Suite struct SchemaCommandSyntaxTests {
    /// A one-line summary of a command, so a table of cases reads at a glance.
    static func summary(_ text: String) throws -> String {
        guard case .schema(let command) = try CypherParser.parseStatement(text) else { return "query" }
        func entity(_ e: SchemaEntity) -> String {
            (e.kind == .node ? "node " : "rel ") + (e.variable?.name ?? "_") + ":" + e.names.joined(separator: "|")
        }
        func keys(_ p: [SchemaProperty]) -> String { "(" + p.map(\.key).joined(separator: ",") + ")" }
        switch command.action {
        case .createIndex(let i):
            return "index \(i.kind.rawValue) \(i.name ?? "-") \(i.ifNotExists ? "ifNotExists " : "")\(entity(i.entity))\(keys(i.properties))"
                + (i.options == nil ? "" : " options")
        case .createConstraint(let c):
            return "constraint \(c.kind) \(c.name ?? "-") \(c.ifNotExists ? "ifNotExists " : "")\(entity(c.entity))\(keys(c.properties))"
        case .dropIndex(let d), .dropConstraint(let d):
            let target: String
            switch d.target {
            case .name(let name): target = name
            case .index(let i): target = "\(entity(i.entity))\(keys(i.properties))"
            case .constraint(let c): target = "\(c.kind) \(entity(c.entity))\(keys(c.properties))"
            }
            return "drop \(target)\(d.ifExists ? " ifExists" : "")"
        case .showIndexes(let kind): return "show indexes \(kind?.rawValue ?? "all")"
        case .showConstraints(let kind): return "show constraints \(kind.map { "\($0)" } ?? "all")"
        }
    }

    @Test(arguments: [
        ("CREATE CONSTRAINT IF NOT EXISTS FOR (p:Person) REQUIRE (p.name) IS UNIQUE",
         "constraint unique - ifNotExists node p:Person(name)"),
        ("CREATE CONSTRAINT Product_productID IF NOT EXISTS FOR (p:Product) REQUIRE (p.productID) IS UNIQUE;",
         "constraint unique Product_productID ifNotExists node p:Product(productID)"),
        ("create constraint on (n:Person) assert n.id is unique", "constraint unique - node n:Person(id)"),
        ("CREATE CONSTRAINT ON (n:Person) ASSERT exists(n.id)", "constraint notNull - node n:Person(id)"),
        ("CREATE CONSTRAINT k FOR (n:Person) REQUIRE (n.a, n.b) IS NODE KEY", "constraint key k node n:Person(a,b)"),
        ("CREATE CONSTRAINT FOR ()-[r:RATED]->() REQUIRE r.score IS NOT NULL", "constraint notNull - rel r:RATED(score)"),
        ("CREATE CONSTRAINT FOR ()-[r:RATED]-() REQUIRE r.id IS RELATIONSHIP UNIQUE", "constraint unique - rel r:RATED(id)"),
        ("CREATE CONSTRAINT age FOR (n:P) REQUIRE n.age IS :: INTEGER", "constraint propertyType(\"INTEGER\") age node n:P(age)"),
        ("CREATE INDEX IF NOT EXISTS FOR (p:Person) ON (p.born)", "index RANGE - ifNotExists node p:Person(born)"),
        ("CREATE TEXT INDEX bio FOR (p:Person) ON (p.bio) OPTIONS {indexProvider: 'text-2.0'}",
         "index TEXT bio node p:Person(bio) options"),
        ("CREATE INDEX ON :Person(name, born)", "index RANGE - node _:Person(name,born)"),
        ("CREATE BTREE INDEX FOR ()-[r:RATED]-() ON (r.score)", "index BTREE - rel r:RATED(score)"),
        ("CREATE LOOKUP INDEX node_labels FOR (n) ON EACH labels(n)", "index LOOKUP node_labels node n:()"),
        ("CREATE FULLTEXT INDEX titles FOR (n:Movie|Book) ON EACH [n.title, n.plot]", "index FULLTEXT titles node n:Movie|Book(title,plot)"),
        ("DROP CONSTRAINT Product_productID IF EXISTS", "drop Product_productID ifExists"),
        ("DROP INDEX ON :Person(name)", "drop node _:Person(name)"),
        ("DROP CONSTRAINT ON (n:Person) ASSERT n.id IS UNIQUE", "drop unique node n:Person(id)"),
        ("SHOW INDEXES", "show indexes all"),
        ("SHOW TEXT INDEXES", "show indexes TEXT"),
        ("SHOW UNIQUE CONSTRAINTS", "show constraints unique"),
        ("SHOW CONSTRAINTS", "show constraints all"),
        ("CREATE (n:INDEX) RETURN n", "query"),
    ])
    func everySchemaFormParses(text: String, expected: String) throws {
        #expect(try Self.summary(text) == expected)
    }

    @Test func schemaCommandsKeepTheirSourceRanges() throws {
        let text = "CREATE CONSTRAINT c IF NOT EXISTS\n  FOR (p:Person) REQUIRE p.name IS UNIQUE;"
        guard case .schema(let command) = try CypherParser.parseStatement(text),
              case .createConstraint(let constraint) = command.action
        else { Issue.record("not a constraint"); return }
        #expect(command.range.start.line == 1 && command.range.start.column == 1)
        #expect(command.range.end.line == 2 && command.range.end.column == 42)
        #expect(constraint.entity.range.start.line == 2 && constraint.entity.range.start.column == 7)
        #expect(constraint.properties[0].range.start.column == 26)
        #expect(constraint.properties[0].variable?.name == "p")
    }

    @Test(arguments: [
        ("CREATE CONSTRAINT FOR (p:Person)\nREQUIRE q.name IS UNIQUE", "UndefinedVariable", 2, 9),
        ("CREATE CONSTRAINT FOR (p:Person) REQUIRE p.name IS FANCY", "UnexpectedSyntax", 1, 52),
        ("CREATE CONSTRAINT FOR (p:Person|Film) REQUIRE p.name IS UNIQUE", "InvalidSchemaCommand", 1, 23),
        ("CREATE INDEX FOR (p:Person) ON (p.name", "UnexpectedSyntax", 1, 39),
        ("CREATE LOOKUP INDEX FOR (n:Person) ON EACH labels(n)", "InvalidSchemaCommand", 1, 25),
        ("SHOW INDEXES YIELD name", "UnsupportedSchemaCommand", 1, 14),
        ("DROP TABLE person", "UnexpectedSyntax", 1, 6),
    ])
    func malformedSchemaCommandsFailAtTheirPosition(text: String, code: String, line: Int, column: Int) {
        do {
            _ = try CypherEngine.prepare(text)
            Issue.record("expected \(code)")
        } catch {
            #expect(error.code == code)
            #expect(error.location?.line == line && error.location?.column == column, "\(error)")
            #expect(error.excerpt?.isEmpty == false)
        }
    }

    @Test func parseStillRejectsSchemaCommandsAsQueries() {
        #expect(throws: QueryError.self) { try CypherParser.parse("CREATE INDEX FOR (p:Person) ON (p.born)") }
    }
}
