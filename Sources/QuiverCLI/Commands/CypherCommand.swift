import ArgumentParser
import Cypher
import Foundation
import PropertyGraph
import QuiverCore

/// `quiver cypher`: runs Cypher queries on one graph and prints each result.
struct CypherCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cypher",
        abstract: "Run Cypher queries on an in-memory graph (empty, or loaded from a snapshot).",
        discussion: """
            Queries come from -e (repeatable) and then from SCRIPT, a file of ';'-separated queries \
            ('-' reads stdin). They run in order on one graph; the first error stops the run, prints \
            line:column, the offending text and the error code, and exits non-zero. With --save the \
            graph is written back to --graph only when every query succeeded. Schema commands \
            (CREATE/DROP CONSTRAINT|INDEX, SHOW INDEXES|CONSTRAINTS) run too: single-property node \
            constraints are enforced on later writes, other kinds are recorded with a note.

            Example: quiver cypher --graph people.qgraph -e "MATCH (p:Person) RETURN p.name LIMIT 5"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Option(name: .long, help: "A graph snapshot to load (and to write back with --save).")
    var graph: String?

    @Flag(name: .long, help: "Write the graph back to --graph when every query succeeded.")
    var save = false

    @Option(name: .long, help: "Query parameters as a JSON object, e.g. '{\"name\": \"Ann\"}'.")
    var params: String?

    @Option(name: .long, help: "Output format: table, json (one JSON object per query) or csv.")
    var format: Format = .table

    @Flag(name: .long, help: "Print each query's execution time to stderr.")
    var timing = false

    @Option(name: .long, help: "The directory LOAD CSV reads 'file:///name.csv' from (also 'https://…/name.csv', read locally, never fetched).")
    var importDir: String?

    @Option(name: .long, help: "Stop a query that runs longer than this many seconds.")
    var timeout: Double?

    @Option(name: .customShort("e"), help: "A query to run (repeatable; runs before SCRIPT).")
    var queries: [String] = []

    @Argument(help: "A file of ';'-separated queries ('-' for stdin).")
    var script: String?

    func validate() throws {
        if save && graph == nil { throw ValidationError("--save needs --graph FILE to write to") }
        if queries.isEmpty && script == nil { throw ValidationError("give a query with -e QUERY or a SCRIPT file") }
        if let timeout { try TimeoutSeconds.validate(timeout) }
        if let importDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: importDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--import-dir \(importDir) is not a directory; give the folder that holds the CSV files")
            }
        }
    }

    func run() async throws {
        let store = try loadGraph()
        let parameters = try parseParameters()
        var statements = queries.map { CypherScript.Statement(text: $0, line: 1, column: 1) }
        var scriptText = ""
        if let script {
            do {
                scriptText = script == "-"
                    ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                    : try String(contentsOfFile: script, encoding: .utf8)
            } catch {
                fail("cannot read script \(script): \(error.localizedDescription)")
            }
            statements += CypherScript.split(scriptText)
        }
        let printer = ResultPrinter(format: format)
        let options = ExecutionOptions(timeout: timeout.map(TimeoutSeconds.duration), importDirectory: importDir,
                                       remoteURLsFromImportDirectory: importDir != nil)
        let schema = SchemaCatalog()
        for (index, statement) in statements.enumerated() {
            do throws(QueryError) {
                let clock = ContinuousClock()
                let started = clock.now
                let result = try CypherEngine.execute(statement.text, parameters: parameters, on: store, schema: schema,
                                                      options: options)
                let elapsed = clock.now - started
                for message in result.notes { note(message, statement: index) }
                print(printer.render(result, index: index), terminator: "")
                if timing {
                    let ms = elapsed.inSeconds * 1000
                    FileHandle.standardError.write(Data("query \(index + 1): \(String(format: "%.2f", ms)) ms\n".utf8))
                }
            } catch {
                let fromScript = index >= queries.count
                let located = fromScript ? statement.locate(error, in: scriptText) : error
                if format == .json { print(ResultPrinter.errorJSON(located, index: index)) }
                let source = fromScript ? (script ?? "script") : "-e #\(index + 1)"
                FileHandle.standardError.write(Data("quiver cypher: \(source):\(located)\n".utf8))
                throw ExitCode.failure
            }
        }
        if save, let graph {
            if !schema.constraints.isEmpty {
                note("constraints are not stored in snapshots (indexes are); run the CREATE CONSTRAINT commands again after loading", statement: nil)
            }
            do { try store.save(to: graph) } catch { fail("cannot save \(graph): \(error)") }
        }
    }

    private func loadGraph() throws -> GraphStore {
        guard let graph else { return GraphStore() }
        guard FileManager.default.fileExists(atPath: graph) else {
            if save { return GraphStore() }
            fail("graph snapshot \(graph) does not exist; create it with --save or `quiver import`")
        }
        do { return try GraphStore.load(from: graph) } catch { fail("cannot load \(graph): \(error)") }
    }

    private func parseParameters() throws -> [String: Value] {
        guard let params else { return [:] }
        do {
            guard case .map(let map) = try ValueJSON.decode(params) else { fail("--params must be a JSON object") }
            return map
        } catch {
            fail("--params: \(error.message)")
        }
    }

    private func note(_ message: String, statement index: Int?) {
        let prefix = index.map { "statement \($0 + 1): " } ?? ""
        FileHandle.standardError.write(Data("quiver cypher: note: \(prefix)\(message)\n".utf8))
    }

    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("quiver cypher: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
