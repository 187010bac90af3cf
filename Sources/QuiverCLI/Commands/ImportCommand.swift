import ArgumentParser
import Foundation
import CypherSQL
import PropertyGraph
import QuiverCore

/// `quiver import`: bulk-loads Neo4j admin-import CSV files into a graph snapshot.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bulk-load CSV files (Neo4j admin-import headers) into a graph snapshot.",
        discussion: """
            Node files carry :ID (or name:ID, :ID(Group)), optional :LABEL (';'-separated) and typed \
            properties such as age:int, score:double, ok:boolean, tags:string[]. Relationship files carry \
            :START_ID, :END_ID, :TYPE and properties. Prefix a file with `Label1:Label2=` (nodes) or \
            `TYPE=` (relationships) to add labels or a default type.

            --into sqlite:FILE or --into postgres://URL loads the graph into the SQL layout of \
            `quiver cypher --db` instead (schemas/sql-graph-layout.sql): SQLite in one transaction with \
            prepared statements, PostgreSQL with COPY; the database must not hold the same ids already.

            Example: quiver import --nodes person.csv --relationships knows.csv --out people.qgraph
            """
    )

    @Option(name: .long, parsing: .upToNextOption, help: "Node CSV files ([Label:…=]FILE).")
    var nodes: [String] = []

    @Option(name: .long, parsing: .upToNextOption, help: "Relationship CSV files ([TYPE=]FILE).")
    var relationships: [String] = []

    @Option(name: .long, help: "The snapshot file to write.")
    var out: String?

    @Option(name: .long, help: "Load into a database instead: sqlite:FILE (created when missing) or postgres://URL.")
    var into: String?

    @Option(name: .long, help: "Field delimiter (one ASCII character).")
    var delimiter: String = ","

    @Option(name: .customLong("array-delimiter"), help: "Delimiter of array items and :LABEL lists.")
    var arrayDelimiter: String = ";"

    @Option(name: .long, help: "Also write a JSON Lines export of the graph to this file.")
    var jsonl: String?

    func validate() throws {
        guard !nodes.isEmpty else { throw ValidationError("give at least one node file with --nodes FILE") }
        guard (out == nil) != (into == nil) else {
            throw ValidationError("give where the graph goes: --out FILE (a snapshot) or --into sqlite:FILE | postgres://URL")
        }
        if let into, !into.hasPrefix("sqlite:"), !into.hasPrefix("postgres://"), !into.hasPrefix("postgresql://") {
            throw ValidationError("--into must be sqlite:FILE or a postgres:// URL, got `\(into)`")
        }
        guard delimiter.count == 1, delimiter.first?.isASCII == true else {
            throw ValidationError("--delimiter must be one ASCII character, got `\(delimiter)`")
        }
        guard arrayDelimiter.count == 1, arrayDelimiter.first?.isASCII == true else {
            throw ValidationError("--array-delimiter must be one ASCII character, got `\(arrayDelimiter)`")
        }
    }

    func run() async throws {
        let graph = GraphStore()
        let clock = ContinuousClock()
        let started = clock.now
        let summary: CSVImportSummary
        do {
            summary = try graph.importCSV(
                nodes: nodes.map(CSVImportFile.init(argument:)),
                relationships: relationships.map(CSVImportFile.init(argument:)),
                delimiter: delimiter.first ?? ",", arrayDelimiter: arrayDelimiter.first ?? ";")
        } catch let error as GraphStoreError {
            FileHandle.standardError.write(Data("quiver import: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let loaded = clock.now
        if let into {
            do {
                let summary = try SQLGraph(location: into, create: true).load(from: graph)
                let message = "imported \(summary.nodes) nodes and \(summary.relationships) relationships in "
                    + "\(Self.seconds(loaded - started)) s; loaded into \(into) in \(Self.seconds(clock.now - loaded)) s\n"
                FileHandle.standardError.write(Data(message.utf8))
            } catch {
                FileHandle.standardError.write(Data("quiver import: error: \(error.message)\n".utf8))
                throw ExitCode.failure
            }
            return
        }
        guard let out else { return }
        do {
            try graph.save(to: out)
            if let jsonl { try graph.exportJSONL(to: jsonl) }
        } catch let error as GraphStoreError {
            FileHandle.standardError.write(Data("quiver import: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let saved = clock.now
        let message = "imported \(summary.nodes) nodes and \(summary.relationships) relationships in \(Self.seconds(loaded - started)) s; "
            + "saved \(out) in \(Self.seconds(saved - loaded)) s\n"
        FileHandle.standardError.write(Data(message.utf8))
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.3f", duration.inSeconds)
    }
}
