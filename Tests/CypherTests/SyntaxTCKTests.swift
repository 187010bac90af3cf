import Foundation
import QuiverCore
import Testing
@testable import Cypher

/// Runs the parser and the semantic analyser over every query of the openCypher TCK (outside
/// temporal and CALL) and holds the counts to floors that only ever rise.
@Suite("Front end over the TCK queries", .enabled(if: DataLocation.root() != nil, "skipped: QUIVER_DATA not found"))
struct SyntaxTCKTests {
    static let corpus: [TCKQuery] = {
        guard let root = DataLocation.item("opencypher-tck/tck/features") else { return [] }
        return TCKQuery.load(root: root, excluding: ["expressions/temporal", "clauses/call"])
    }()

    /// The CALL features, whose procedures are fixtures declared by each scenario.
    static let callCorpus: [TCKQuery] = {
        guard let root = DataLocation.item("opencypher-tck/tck/features") else { return [] }
        return TCKQuery.load(root: root, excluding: []).filter { $0.location.hasPrefix("clauses/call") }
    }()

    /// Parse and analyse; the error if either fails.
    static func compile(_ text: String) -> QueryError? {
        compile(TCKQuery(location: "", query: text, compileTimeError: nil, mayFailAtCompileTime: false))
    }

    /// Parse and analyse a scenario's query, with its procedure fixtures when it is a CALL scenario.
    static func compile(_ item: TCKQuery) -> QueryError? {
        do {
            let query = try CypherParser.parse(item.query)
            if item.location.hasPrefix("clauses/call") {
                let procedures = item.procedures.compactMap(ProcedureSignature.init(declaration:))
                _ = try SemanticAnalyzer.analyze(query, procedures: procedures, parameterNames: Set(item.parameterNames))
            } else {
                _ = try SemanticAnalyzer.analyze(query)
            }
            return nil
        } catch let error as QueryError {
            return error
        } catch {
            return QueryError(.syntaxError, code: "Unknown", phase: .compileTime, message: "\(error)")
        }
    }

    /// Writes a report of every miss to `$QUIVER_FRONTEND_REPORT` when set, for working on the front end.
    static func report(_ lines: [String], name: String) {
        guard let path = ProcessInfo.processInfo.environment["QUIVER_FRONTEND_REPORT"] else { return }
        try? lines.joined(separator: "\n\n").write(toFile: path + "." + name, atomically: true, encoding: .utf8)
    }

    @Test("queries the TCK expects to compile do compile")
    func validQueriesCompile() {
        let valid = Self.corpus.filter { $0.compileTimeError == nil && !$0.mayFailAtCompileTime }
        var failures: [String] = []
        for item in valid {
            if let error = Self.compile(item) {
                failures.append("\(item.location)\n\(item.query)\n\(error)")
            }
        }
        Self.report(failures, name: "valid")
        let compiled = valid.count - failures.count
        #expect(valid.count >= 2200, "the TCK corpus should hold at least 2200 valid queries")
        // Floor: what the front end achieved; it only goes up.
        #expect(compiled >= 2239, "compiled \(compiled) of \(valid.count); first misses:\n\(failures.prefix(5).joined(separator: "\n\n"))")
    }

    @Test("result column names are the expression texts as written")
    func columnNamesMatchTheTCK() throws {
        let withColumns = Self.corpus.filter { $0.expectedColumns != nil && $0.compileTimeError == nil }
        var misses: [String] = []
        for item in withColumns {
            guard let expected = item.expectedColumns,
                  let analysed = try? SemanticAnalyzer.analyze(CypherParser.parse(item.query)) else { continue }
            if analysed.columns != expected {
                misses.append("\(item.location)\nexpected \(expected), got \(analysed.columns)\n\(item.query)")
            }
        }
        Self.report(misses, name: "columns")
        let matched = withColumns.count - misses.count
        #expect(withColumns.count >= 2000)
        // Floor: what the front end achieved; it only goes up.
        #expect(matched >= 2087, "matched \(matched) of \(withColumns.count); first misses:\n\(misses.prefix(5).joined(separator: "\n\n"))")
    }

    @Test("temporal scenarios compile or fail as the TCK expects (temporal values run in a later issue)")
    func temporalScenarios() {
        guard let root = DataLocation.item("opencypher-tck/tck/features/expressions/temporal") else { return }
        let corpus = TCKQuery.load(root: root, excluding: [])
        var misses: [String] = []
        for item in corpus where !item.mayFailAtCompileTime {
            let error = Self.compile(item)
            switch (item.compileTimeError, error) {
            case (nil, nil): continue
            case (let expected?, let error?) where expected.code == error.code: continue
            default: misses.append("\(item.location)\n\(String(describing: error))\n\(item.query)")
            }
        }
        Self.report(misses, name: "temporal")
        let matched = corpus.count - misses.count
        #expect(corpus.count >= 900)
        // Floor: what the front end achieved; it only goes up.
        #expect(matched >= 1004, "matched \(matched) of \(corpus.count)")
    }

    @Test("CALL scenarios compile or fail as the TCK expects, given their procedure fixtures")
    func callScenarios() {
        var misses: [String] = []
        for item in Self.callCorpus where !item.mayFailAtCompileTime {
            let error = Self.compile(item)
            switch (item.compileTimeError, error) {
            case (nil, nil): continue
            case (let expected?, let error?) where expected.code == error.code && expected.category == error.category.rawValue:
                continue
            default:
                misses.append("\(item.location)\nexpected \(String(describing: item.compileTimeError)), got \(String(describing: error))\n\(item.query)")
            }
        }
        Self.report(misses, name: "call")
        let matched = Self.callCorpus.count - misses.count
        #expect(Self.callCorpus.count >= 50)
        // Floor: what the front end achieved; it only goes up.
        #expect(matched >= 52, "matched \(matched) of \(Self.callCorpus.count); first misses:\n\(misses.prefix(5).joined(separator: "\n\n"))")
    }

    @Test("queries the TCK expects to fail at compile time raise the expected code")
    func invalidQueriesRaiseTheirCode() {
        let invalid = Self.corpus.filter { $0.compileTimeError != nil }
        var misses: [String] = []
        var rejected = 0
        for item in invalid {
            guard let expected = item.compileTimeError else { continue }
            guard let error = Self.compile(item) else {
                misses.append("\(item.location)\nexpected \(expected.category) \(expected.code), compiled fine\n\(item.query)")
                continue
            }
            rejected += 1
            if error.category.rawValue != expected.category || error.code != expected.code {
                misses.append("\(item.location)\nexpected \(expected.category) \(expected.code), got \(error.category.rawValue) \(error.code)\n\(item.query)")
            }
        }
        Self.report(misses, name: "invalid")
        let matched = invalid.count - misses.count
        #expect(invalid.count >= 500, "the TCK corpus should hold at least 500 compile-time error queries")
        // Floors: what the front end achieved; they only go up.
        #expect(rejected >= 584, "rejected \(rejected) of \(invalid.count)")
        #expect(matched >= 584, "matched category and code for \(matched) of \(invalid.count)")
    }
}
