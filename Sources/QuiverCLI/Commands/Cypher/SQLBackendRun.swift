import ArgumentParser
import Cypher
import CypherSQL
import Foundation
import QuiverCore

/// `quiver cypher --db sqlite:FILE | postgres://URL`: the same queries, output and errors as the
/// in-memory engine, compiled to SQL and run in the database (each query in one transaction).
///
/// A missing SQLite file is created with the graph layout. `EXPLAIN <query>` prints the SQL.
/// Batch mode (`--queries`) runs the queries one at a time in file order and prints the same JSONL.
struct SQLBackendRun {
    var location: String
    var parameters: [String: Value]
    var format: CypherCommand.Format
    var timing: Bool
    var timeout: Duration?

    /// Opens the graph, or ends the run with a one-line message.
    func open() -> SQLGraph {
        do {
            return try SQLGraph(location: location, create: true)
        } catch {
            Self.fail("cannot open --db \(location): \(error.message)")
        }
    }

    /// Script mode: every statement in order; the first error stops the run (exit 1).
    func runScript(_ statements: [CypherScript.Statement], inlineCount: Int, scriptText: String, scriptName: String?) throws {
        let graph = open()
        let printer = ResultPrinter(format: format)
        for (index, statement) in statements.enumerated() {
            let stream = printer.stream(index: index, to: StandardOutput.shared)
            do throws(QueryError) {
                let clock = ContinuousClock()
                let started = clock.now
                let result = try graph.execute(statement.text, parameters: parameters, timeout: timeout)
                let elapsed = clock.now - started
                if let handler = stream.handler {
                    try handler.columns(result.columns)
                    for row in result.rows { try handler.row(row) }
                }
                stream.finish(result)
                if timing {
                    let ms = elapsed.inSeconds * 1000
                    FileHandle.standardError.write(Data("query \(index + 1): \(String(format: "%.2f", ms)) ms\n".utf8))
                }
            } catch {
                let fromScript = index >= inlineCount
                let located = fromScript ? statement.locate(error, in: scriptText) : error
                stream.fail(located)
                StandardOutput.shared.flush()
                let source = fromScript ? (scriptName ?? "script") : "-e #\(index + 1)"
                FileHandle.standardError.write(Data("quiver cypher: \(source):\(located)\n".utf8))
                throw ExitCode.failure
            }
        }
    }

    /// Batch mode: one JSONL record per entry, in file order; a failing query's error is its record's.
    func runBatch(_ file: QueryFile) {
        let graph = open()
        let clock = ContinuousClock()
        let started = clock.now
        var failed = 0
        for entry in file.entries {
            let record: String
            do throws(QueryError) {
                if let problem = entry.problem { throw problem }
                let result = try graph.execute(entry.query, parameters: entry.parameters ?? parameters, timeout: timeout)
                record = BatchRecord.success(id: entry.id, result)
            } catch {
                failed += 1
                record = BatchRecord.failure(id: entry.id, error)
            }
            StandardOutput.shared.writeLine(record)
        }
        StandardOutput.shared.flush()
        let seconds = (clock.now - started).inSeconds
        FileHandle.standardError.write(Data((
            "quiver cypher: \(file.entries.count) queries, \(file.entries.count - failed) ok, \(failed) failed, "
                + "\(String(format: "%.3f", seconds)) s on \(graph.dialect.rawValue)\n").utf8))
    }

    /// Refuses the options that only the in-memory engine has.
    static func validate(graph: String?, save: Bool, importDir: String?, maxMemory: String?, jobs: Int) throws {
        if graph != nil || save { throw ValidationError("--db runs on the database; give it without --graph or --save") }
        if importDir != nil { throw ValidationError("LOAD CSV is not supported on SQL backends; drop --import-dir") }
        if maxMemory != nil { throw ValidationError("--max-memory bounds the in-memory engine only; drop it with --db") }
        if jobs > 1 { throw ValidationError("--jobs is for the in-memory engine; with --db batch queries run one at a time") }
    }

    private static func fail(_ message: String) -> Never {
        StandardOutput.shared.flush()
        FileHandle.standardError.write(Data("quiver cypher: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
