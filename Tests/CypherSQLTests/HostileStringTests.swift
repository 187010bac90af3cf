import CypherSQL
import QuiverCore
import Testing

/// Strings that would end, comment out or extend a statement if they were spliced into SQL.
private let hostile = [
    "O'Brien", "'; DROP TABLE nodes; --", "\"; DELETE FROM relationships; --", "x' OR '1'='1", "/* c */ 1; --",
    "a\\'b", "$1", "?1", "line\nbreak", "ümlaut 🐟",
]

@Test func hostileParametersAreOnlyValues() throws {
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        let graph = scratch.graph
        for text in hostile {
            _ = try graph.execute("CREATE (:P {name: $name})-[:K {note: $name}]->(:Q)", parameters: ["name": .string(text)])
        }
        for text in hostile {
            let rows = try graph.execute("MATCH (p:P {name: $name})-[k:K]->() WHERE k.note = $name RETURN p.name, k.note",
                                         parameters: ["name": .string(text)]).rows
            #expect(rows == [[.string(text), .string(text)]], "\(backend): \(text)")
        }
        let counts = try graph.execute("MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r)").rows
        #expect(counts == [[.int(Int64(hostile.count * 2)), .int(Int64(hostile.count))]], "\(backend)")
    }
}

@Test func hostileLiteralsAreOnlyValues() throws {
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        let graph = scratch.graph
        _ = try graph.execute(#"CREATE (:P {name: 'it\'s; DROP TABLE nodes; --'}), (:P {name: '/* x */'})"#)
        let rows = try graph.execute(#"MATCH (p:P) WHERE p.name = 'it\'s; DROP TABLE nodes; --' RETURN p.name"#).rows
        #expect(rows == [["it's; DROP TABLE nodes; --"]], "\(backend)")
        let labels = try graph.execute("MATCH (p:P) WHERE p.name STARTS WITH '/*' RETURN count(*)").rows
        #expect(labels == [[1]], "\(backend)")
    }
}

@Test func nulInAStringIsAValueOrATypedErrorThatChangesNothing() throws {
    let text = "a\u{0}b'; --"
    for (backend, scratch) in try SQLBackends.scratchGraphs() {
        let graph = scratch.graph
        _ = try graph.execute("CREATE (:Keep)")
        do {
            _ = try graph.execute("CREATE (:P {name: $name})", parameters: ["name": .string(text)])
            let rows = try graph.execute("MATCH (p:P) WHERE p.name = $name RETURN p.name", parameters: ["name": .string(text)]).rows
            #expect(rows == [[.string(text)]], "\(backend)")
        } catch {
            // PostgreSQL cannot store NUL in text: the query fails as a whole and leaves the graph as it was.
            #expect(error.code == "NULCharacterInString", "\(backend): \(error)")
            #expect(try graph.execute("MATCH (n) RETURN count(n)").rows == [[1]], "\(backend)")
        }
    }
}
