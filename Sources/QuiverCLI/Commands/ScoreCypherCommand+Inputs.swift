import ArgumentParser
import Foundation
import QuiverCore
import Scoring

/// Everything `score cypher` reads, read and checked before any example is scored.
struct CypherRunInputs {
    var examples: [CypherExample]
    var predictions: [String]
    /// The evaluation, its graphs already loaded.
    var evaluation: CypherEvaluation
}

extension ScoreCypherCommand {
    /// Reads the gold (or `--against`) queries and the predictions, and loads every graph the
    /// examples need; any problem is an ``InputError`` before an example is scored.
    func loadInputs() throws -> CypherRunInputs {
        var examples = try readExamples()
        var predictions: [String]
        if let pred {
            do {
                predictions = try CypherDatasetReader.readPredictions(at: URL(fileURLWithPath: pred), count: examples.count)
            } catch {
                throw InputError("--pred: \(error)")
            }
        } else {
            predictions = examples.map { $0.prediction ?? $0.gold }
        }
        if let database {
            let kept = examples.indices.filter { examples[$0].database == database }
            guard !kept.isEmpty else {
                let known = Set(examples.compactMap(\.database)).sorted()
                throw InputError("--database \(database): no example of that database in \(gold ?? against ?? "") (it has: \(known.joined(separator: ", ")))")
            }
            predictions = kept.map { predictions[$0] }
            examples = kept.map { examples[$0] }
        }
        let catalog: CypherGraphCatalog?
        do {
            catalog = try graph.map { path throws(FileError) in try CypherGraphCatalog(path: path) }
        } catch {
            throw InputError("--graph: \(error)")
        }
        let evaluation = CypherEvaluation(
            catalog: catalog, options: CypherEvaluationOptions(semantics: semantics, timeout: TimeoutSeconds.duration(timeout), jobs: jobs))
        do {
            try evaluation.preload(databases: examples.map(\.database))
        } catch {
            throw InputError("--graph: the graph cannot be loaded: \(error)")
        }
        return CypherRunInputs(examples: examples, predictions: predictions, evaluation: evaluation)
    }

    /// The examples of `--gold`, their gold replaced by the queries of `--against` when given (or,
    /// without `--gold`, one example per `--against` query).
    private func readExamples() throws -> [CypherExample] {
        var examples: [CypherExample] = []
        if let gold {
            do {
                examples = try CypherDatasetReader.readGold(at: URL(fileURLWithPath: gold), requireGold: against == nil)
            } catch {
                throw InputError("--gold: \(error)")
            }
        }
        guard let against else { return examples }
        let references: [String]
        do {
            references = gold == nil
                ? try CypherDatasetReader.readQueries(at: URL(fileURLWithPath: against))
                : try CypherDatasetReader.readPredictions(at: URL(fileURLWithPath: against), count: examples.count)
        } catch {
            throw InputError("--against: \(error)")
        }
        if gold == nil { return references.enumerated().map { CypherExample(index: $0.offset, gold: $0.element) } }
        for index in examples.indices { examples[index].gold = references[index] }
        return examples
    }

    /// The run's header: every option, and the hash of every input file (each file of a graph folder).
    func header() throws -> ScoringRun {
        var files: [RunInput] = []
        do {
            if let gold { files.append(try .file(role: "gold", path: gold)) }
            if let pred { files.append(try .file(role: "predictions", path: pred)) }
            if let against { files.append(try .file(role: "against", path: against)) }
            if let graph {
                for path in Self.files(under: graph) { files.append(try .file(role: "graph", path: path)) }
            }
        } catch {
            throw InputError("cannot hash an input for the run's header: \(error)")
        }
        var arguments = ScoringRunArguments(command: ["score", "cypher"])
        arguments.add("--gold", path: gold)
        arguments.add("--pred", path: pred)
        arguments.add("--against", path: against)
        arguments.add("--graph", path: graph)
        arguments.add("--database", database)
        arguments.add("--semantics", semantics.rawValue)
        arguments.add("--timeout", String(timeout))
        arguments.add("--jobs", String(jobs))
        return ScoringRun(command: "score cypher", arguments: arguments.list, options: arguments.options, inputs: files)
    }

    /// `path` itself, or every regular file under the folder `path`, in name order.
    static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let root = URL(fileURLWithPath: path)
        let names = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
        return names.map { root.appendingPathComponent($0).path }.filter { file in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &folder) && !folder.boolValue
        }
    }
}
