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

            Batch mode: --queries FILE runs one query per line (or JSONL {"id", "query", "params"}), \
            reads on --jobs threads at once on snapshots, writes one at a time in file order, and \
            prints one JSONL record per query in file order: {"id", "columns", "rows", "error"}. A \
            query's error is its record's; the run goes on. The output is the same for any --jobs.

            Limits: --timeout stops a query after that many seconds; --max-memory (default 2G) \
            bounds what one query holds (rows it gathers, lists and strings it builds). Queries \
            nested more than 1,000 levels deep are refused before they run.

            Example: quiver cypher --graph people.qgraph -e "MATCH (p:Person) RETURN p.name LIMIT 5"
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, dot, mermaid
    }

    @Option(name: .long, help: "A graph snapshot to load (and to write back with --save).")
    var graph: String?

    @Option(name: .long, help: "Run on a database instead: sqlite:FILE (created when missing) or postgres://URL (schema: ?schema=NAME, default public).")
    var db: String?

    @Flag(name: .long, help: "Write the graph back to --graph when every query succeeded (with --queries: the committed writes).")
    var save = false

    @Option(name: .long, help: "Query parameters as a JSON object, e.g. '{\"name\": \"Ann\"}'.")
    var params: String?

    @Option(name: .long, help: "Output format: table, json (one JSON object per query), csv, or a picture of the returned nodes and relationships: dot (Graphviz) or mermaid.")
    var format: Format = .table

    @Flag(name: .long, help: "Print each query's execution time to stderr.")
    var timing = false

    @Option(name: .long, help: "The directory LOAD CSV reads 'file:///name.csv' from (also 'https://…/name.csv', read locally, never fetched).")
    var importDir: String?

    @Option(name: .long, parsing: .unconditional, help: "Stop a query that runs longer than this many seconds (a positive number).")
    var timeout: Double?

    @Option(name: .long, parsing: .unconditional, help: "The most memory one query may hold, e.g. 512M or 4G (default 2G).")
    var maxMemory: String?

    @Option(name: .long, help: "Batch mode: a file of queries, one per line, or JSONL {\"id\", \"query\", \"params\"}; prints JSONL.")
    var queries: String?

    @Option(name: .long, parsing: .unconditional, help: "Batch mode: how many read queries run at once (default 1).")
    var jobs: Int = 1

    @Option(name: .customShort("e"), help: "A query to run (repeatable; runs before SCRIPT).")
    var inline: [String] = []

    @Argument(help: "A file of ';'-separated queries ('-' for stdin).")
    var script: String?

    func validate() throws {
        if db != nil {
            try SQLBackendRun.validate(graph: graph, save: save, importDir: importDir, maxMemory: maxMemory, jobs: jobs)
        }
        if save && graph == nil { throw ValidationError("--save needs --graph FILE to write to") }
        if queries != nil && (!inline.isEmpty || script != nil) {
            throw ValidationError("--queries FILE is a run of its own; give it without -e or SCRIPT")
        }
        if inline.isEmpty && script == nil && queries == nil {
            throw ValidationError("give a query with -e QUERY, a SCRIPT file, or --queries FILE")
        }
        if let timeout { try TimeoutSeconds.validate(timeout) }
        if let maxMemory, ByteCount.parse(maxMemory) == nil {
            throw ValidationError("--max-memory must be a size such as 512M, 2G or 1073741824; got \(maxMemory)")
        }
        try CountOption.validate(jobs, "--jobs", in: 1...CountOption.maximumJobs)
        if jobs > 1 && queries == nil { throw ValidationError("--jobs runs queries in parallel in batch mode; add --queries FILE") }
        if let importDir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: importDir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--import-dir \(importDir) is not a directory; give the folder that holds the CSV files")
            }
        }
    }

    private var options: ExecutionOptions {
        ExecutionOptions(timeout: timeout.map(TimeoutSeconds.duration), importDirectory: importDir,
                         remoteURLsFromImportDirectory: importDir != nil,
                         maxMemory: maxMemory.flatMap(ByteCount.parse) ?? ExecutionOptions.defaultMaxMemory)
    }

    func run() async throws {
        let parameters = try parseParameters()
        let file = try queries.map(readQueryFile)
        defer { StandardOutput.shared.flush() }
        if let db {
            let run = SQLBackendRun(location: db, parameters: parameters, format: format, timing: timing,
                                    timeout: timeout.map(TimeoutSeconds.duration))
            if let file { return run.runBatch(file) }
            let (statements, text) = readStatements()
            return try run.runScript(statements, inlineCount: inline.count, scriptText: text, scriptName: script)
        }
        if let file { return try runBatch(file, on: GraphDatabase(try loadGraph()), parameters: parameters) }
        try runScript(on: try loadGraph(), parameters: parameters)
    }

    // MARK: Script mode

    /// The -e queries, then the script's statements; and the script's text (for error locations).
    private func readStatements() -> ([CypherScript.Statement], String) {
        var statements = inline.map { CypherScript.Statement(text: $0, line: 1, column: 1) }
        var scriptText = ""
        if let script {
            do {
                scriptText = script == "-"
                    ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                    : try RegularFile.text(script)
            } catch {
                fail("cannot read script \(script): \(error)")
            }
            statements += CypherScript.split(scriptText)
        }
        return (statements, scriptText)
    }

    private func runScript(on store: GraphStore, parameters: [String: Value]) throws {
        let (statements, scriptText) = readStatements()
        let printer = ResultPrinter(format: format)
        let schema = SchemaCatalog()
        for (index, statement) in statements.enumerated() {
            let stream = printer.stream(index: index, to: StandardOutput.shared)
            do throws(QueryError) {
                let clock = ContinuousClock()
                let started = clock.now
                let prepared = try CypherEngine.prepare(statement.text, parameterNames: Set(parameters.keys))
                let result = try CypherEngine.execute(prepared, parameters: parameters, on: store, schema: schema,
                                                      options: options, streaming: stream.handler)
                let elapsed = clock.now - started
                for message in result.notes { note(message, statement: index) }
                stream.finish(result)
                if timing {
                    let ms = elapsed.inSeconds * 1000
                    FileHandle.standardError.write(Data("query \(index + 1): \(String(format: "%.2f", ms)) ms\n".utf8))
                }
            } catch {
                let fromScript = index >= inline.count
                let located = fromScript ? statement.locate(error, in: scriptText) : error
                stream.fail(located)
                StandardOutput.shared.flush()
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

    // MARK: Batch mode

    private func readQueryFile(_ path: String) throws -> QueryFile {
        do {
            return QueryFile(text: try RegularFile.text(path))
        } catch {
            fail("cannot read --queries \(path): \(error)")
        }
    }

    private func runBatch(_ file: QueryFile, on database: GraphDatabase, parameters: [String: Value]) throws {
        let clock = ContinuousClock()
        let started = clock.now
        let output = StandardOutput.shared
        let summary = BatchRun(file: file, database: database, schema: SchemaCatalog(), parameters: parameters,
                               options: options, jobs: jobs).run { output.writeLine($0) }
        output.flush()
        let seconds = (clock.now - started).inSeconds
        let rate = seconds > 0 ? Double(summary.queries) / seconds : 0
        FileHandle.standardError.write(Data((
            "quiver cypher: \(summary.queries) queries (\(summary.writes) writes), \(summary.queries - summary.failed) ok, "
                + "\(summary.failed) failed, \(String(format: "%.3f", seconds)) s, \(String(format: "%.0f", rate)) queries/s, "
                + "\(jobs) job\(jobs == 1 ? "" : "s")\n").utf8))
        if save, let graph {
            do {
                try database.withWriter { (store: GraphStore) throws in try store.save(to: graph) }
            } catch {
                fail("cannot save \(graph): \(error)")
            }
        }
    }

    // MARK: Inputs

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
        StandardOutput.shared.flush()
        FileHandle.standardError.write(Data("quiver cypher: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
