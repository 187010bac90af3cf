import ArgumentParser
import Foundation
import QueryGraph
import QuiverCore
import SQL

/// `quiver ged`: graph edit distance between two query graphs, or over a file of pairs.
struct GEDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ged",
        abstract: "Graph edit distance between two graphs (JSON files), or for every pair of a JSONL file.",
        discussion: """
            Graph JSON: {"nodes": ["Person", "Movie"], "edges": [[0, 1, "ACTED_IN"]]}.
            Pairs JSONL: one {"g1": graph, "g2": graph, ...} per line (the format of
            $QUIVER_DATA/ged/vectors.jsonl); with --pairs, one line per pair is printed:
            {"index", "ged", "proven", "approx", "seconds"}.
            Queries are Cypher unless --language sql; a SQL schema (--tables FILE --db ID, or
            --schema DDL_FILE) resolves unqualified columns to their tables.
            """)

    /// The language `--language` names; a value outside it is a usage error listing both.
    enum Language: String, ExpressibleByArgument, CaseIterable {
        case cypher, sql

        /// The name messages use.
        var displayName: String { self == .sql ? "SQL" : "Cypher" }
    }

    @Argument(help: "Two queries: query text, a file holding one, or a graph JSON file (g1, then g2).")
    var graphs: [String] = []

    @Option(name: .long, help: "A JSONL file of graph pairs; prints one JSON result per line.")
    var pairs: String?

    @Option(name: .long, help: "Definition: exact (textbook) or networkx (reproduces networkx 3.6.1, incl. its self-loop rule).")
    var semantics: String = "exact"

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Maximum search nodes expanded per pair: a positive number, or `none` for no limit.", valueName: "n|none"))
    var maxExpansions: LimitOption<Int> = .value(10_000_000)

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("Time limit per pair in seconds (at most a year), or `none` for no limit.", valueName: "seconds|none"))
    var timeLimit: LimitOption<Double> = .value(10)

    @Flag(name: .long, help: "Only the Riesen–Bunke approximation (no search).")
    var approximate = false

    @Option(name: .long, help: "The language of the two queries: cypher or sql.")
    var language: Language = .cypher

    @Option(name: .long, help: "SQL: a Spider/BIRD tables.json; with --db, resolves unqualified columns.")
    var tables: String?

    @Option(name: .long, help: "SQL: the db_id of the schema in --tables.")
    var db: String?

    @Option(name: .long, help: "SQL: a file of CREATE TABLE statements, to resolve unqualified columns.")
    var schema: String?

    func validate() throws {
        if pairs == nil && graphs.count != 2 {
            throw ValidationError("give two queries (Cypher text or files, or graph JSON files), or --pairs FILE.jsonl")
        }
        if pairs != nil && !graphs.isEmpty {
            throw ValidationError("give either two graph files or --pairs, not both")
        }
        if (tables != nil || db != nil || schema != nil) && language != .sql {
            throw ValidationError("--tables, --db and --schema describe a SQL schema; add --language sql")
        }
        if (tables == nil) != (db == nil) {
            throw ValidationError("--tables FILE and --db ID go together (the schema is the tables.json entry with that db_id)")
        }
        if tables != nil && schema != nil {
            throw ValidationError("give either --tables FILE --db ID or --schema DDL_FILE, not both")
        }
        if GraphEditDistance.Semantics(rawValue: semantics) == nil {
            throw ValidationError("--semantics must be one of: exact, networkx (got '\(semantics)')")
        }
        try CountOption.validate(maxExpansions.limit, "--max-expansions", in: 1...Int.max, meaning: "give none for no limit")
        try TimeoutSeconds.validate(timeLimit.limit, option: "--time-limit", noLimit: "give none for no limit")
    }

    private var calculator: GraphEditDistance {
        GraphEditDistance(
            costs: .unit,
            budget: SearchBudget(maxExpansions: maxExpansions.limit, timeLimit: TimeoutSeconds.duration(timeLimit.limit)),
            semantics: GraphEditDistance.Semantics(rawValue: semantics) ?? .exact)
    }

    func run() async throws {
        if let pairs {
            try runPairs(pairs)
        } else {
            try runTwo(graphs[0], graphs[1])
        }
    }

    private func runPairs(_ path: String) throws {
        let list: [GraphPair]
        do {
            list = try GraphPair.readLines(of: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read pairs file: \(error). Expected one {\"g1\": graph, \"g2\": graph} per line.")
        }
        let ged = calculator
        let clock = ContinuousClock()
        for (index, pair) in list.enumerated() {
            var line: String
            if approximate {
                var value = 0.0
                let elapsed = clock.measure { value = ged.approximate(pair.g1, pair.g2) }
                line = #"{"index": \#(index), "ged": \#(json(value)), "proven": false, "approx": \#(json(value)), "seconds": \#(seconds(elapsed))}"#
            } else {
                var result: EditDistanceResult?
                let elapsed = clock.measure { result = ged.compute(pair.g1, pair.g2) }
                guard let r = result else { continue }
                line = #"{"index": \#(index), "ged": \#(json(r.distance)), "proven": \#(r.proven), "approx": \#(json(r.approximation)), "seconds": \#(seconds(elapsed))}"#
            }
            print(line)
        }
    }

    private func runTwo(_ path1: String, _ path2: String) throws {
        let sqlSchema = language == .sql ? try loadSchema() : nil
        let g1 = try readGraph(path1, schema: sqlSchema), g2 = try readGraph(path2, schema: sqlSchema)
        let ged = calculator
        if approximate {
            print("approximate distance: \(json(ged.approximate(g1, g2)))")
            return
        }
        let start = ContinuousClock.now
        let r = ged.compute(g1, g2)
        let elapsed = ContinuousClock.now - start
        print("distance: \(json(r.distance))")
        print("proven: \(r.proven)\(r.proven ? "" : " (lower bound \(json(r.lowerBound)))")")
        print("approximation: \(json(r.approximation))")
        print("similarity: \(GraphEditDistance.similarity(distance: r.distance, g1, g2))")
        print("expansions: \(r.expansions), seconds: \(seconds(elapsed))")
        if let mapping = r.mapping {
            print("edit path:")
            for op in mapping.editPath(from: g1, to: g2) {
                print("  \(op) [cost \(json(op.cost(.unit)))]")
            }
        }
    }

    /// The SQL schema given by `--tables`/`--db` or `--schema`, if any.
    private func loadSchema() throws -> Schema? {
        if let tables, let db {
            let schemas: [String: Schema]
            do {
                schemas = try SpiderTables.load(from: URL(fileURLWithPath: tables))
            } catch {
                throw ValidationError("cannot read --tables \(tables): \(error)")
            }
            guard let found = schemas[db] else {
                throw ValidationError("--db \(db) is not in \(tables); it has \(schemas.count) databases, e.g. \(schemas.keys.sorted().prefix(3).joined(separator: ", "))")
            }
            return found
        }
        if let schema {
            let data: [UInt8]
            do {
                data = try RegularFile.read(schema)
            } catch {
                throw ValidationError("cannot read --schema \(error)")
            }
            do {
                return try DDLSchemaReader.read(String(decoding: data, as: UTF8.self), databaseID: schema)
            } catch {
                throw ValidationError("cannot read --schema \(schema) as CREATE TABLE statements: \(error)")
            }
        }
        return nil
    }

    /// A graph JSON file, a file holding a query, or query text given directly.
    private func readGraph(_ argument: String, schema: Schema?) throws -> QueryGraph {
        let text: String
        if FileManager.default.fileExists(atPath: argument) {
            let data: Data
            do {
                data = try RegularFile.data(argument)
            } catch {
                throw ValidationError("\(error)")
            }
            text = String(decoding: data, as: UTF8.self)
            if text.drop(while: \.isWhitespace).first == "{" {
                do {
                    try JSONNesting.check(data)
                    return try JSONDecoder().decode(QueryGraph.self, from: data)
                } catch {
                    throw ValidationError("\(argument) is not a graph JSON file (\(error)). Expected {\"nodes\": [...], \"edges\": [[s, t, \"label\"]]}.")
                }
            }
        } else {
            text = argument
        }
        do {
            switch language {
            case .sql: return try SQLQueryGraph.build(sql: text, schema: schema)
            case .cypher: return try CypherQueryGraph.build(cypher: text)
            }
        } catch {
            let shown = argument.count > 60 ? String(argument.prefix(60)) + "…" : argument
            let name = language.displayName
            // One line: the position says where, without the excerpt of the query's line.
            var reason = "\(error)"
            if var queryError = error as? QueryError {
                queryError.excerpt = nil
                reason = "\(queryError)"
            }
            throw ValidationError("cannot parse \(shown) as \(name): \(reason). Give \(name) text, a file of \(name), or a graph JSON file.")
        }
    }

    private func json(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
    }

    private func seconds(_ d: Duration) -> String {
        let (s, atto) = d.components
        return String(format: "%.6f", Double(s) + Double(atto) / 1e18)
    }
}
