import ArgumentParser
import Foundation
import QuiverCore
import Scoring

/// `quiver score triples`: triplet-set rewards (R1-SGG, CheXPO-v2, SC-Captioner) per example.
struct ScoreTriplesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triples",
        abstract: "Score predicted (subject, relation, object) sets against gold.",
        discussion: """
            Input JSONL, one example per line:
              {"id": "q1", "gold": [["s","r","o"]], "prediction": [["s","r","o"]], "initial": [["s","r","o"]]}
            ("initial" optional: the triplets before a revision, for SC-Captioner's reward).
            Output JSONL, one line per example:
              {"id", "r1sgg": {"node","edge","edge_hard","total"}, "chexpo": {"jaccard","f1"}, "sc_captioner": {...}|null}
            Means go to stderr.
            """)

    @Argument(help: "The input JSONL file.")
    var file: String

    @Option(name: .long, help: "Name similarity for R1-SGG and SC-Captioner: exact or tokens.")
    var similarity: String = "exact"

    @Option(name: .long, parsing: .unconditional, help: "R1-SGG node weight (a finite number ≥ 0).")
    var nodeWeight: Double = 2

    @Option(name: .long, parsing: .unconditional, help: "R1-SGG edge weight (a finite number ≥ 0).")
    var edgeWeight: Double = 5

    func validate() throws {
        if TextSimilarity(rawValue: similarity) == nil {
            throw ValidationError("--similarity must be exact or tokens (got '\(similarity)')")
        }
        try CountOption.validate(nodeWeight, "--node-weight", in: 0...Double.greatestFiniteMagnitude)
        try CountOption.validate(edgeWeight, "--edge-weight", in: 0...Double.greatestFiniteMagnitude)
    }

    func run() async throws {
        let text: String
        do {
            text = try RegularFile.text(file)
        } catch {
            throw ValidationError("\(error); give a UTF-8 JSONL file of {\"gold\", \"prediction\"} lines")
        }
        let scorer = TripletScorer(similarity: TextSimilarity(rawValue: similarity) ?? .exact,
                                   nodeWeight: nodeWeight, edgeWeight: edgeWeight)
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var sums = [Double](repeating: 0, count: 4)
        var count = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let example: TripletExample
            do {
                try JSONNesting.check(trimmed.utf8)
                example = try decoder.decode(TripletExample.self, from: Data(trimmed.utf8))
            } catch {
                throw ValidationError("\(file):\(number + 1): not a triples example (\(error)). Expected {\"gold\": [[s, r, o]], \"prediction\": [[s, r, o]]}.")
            }
            let scores = scorer.score(example)
            print(String(decoding: try encoder.encode(scores), as: UTF8.self))
            sums[0] += scores.r1sgg.node
            sums[1] += scores.r1sgg.edge
            sums[2] += scores.chexpo.jaccard
            sums[3] += scores.scCaptioner?.reward ?? 0
            count += 1
        }
        if count > 0 {
            let n = Double(count)
            FileHandle.standardError.write(Data(String(
                format: "%d examples: mean r1sgg node %.4f, edge %.4f; chexpo jaccard %.4f\n",
                count, sums[0] / n, sums[1] / n, sums[2] / n).utf8))
        }
    }
}
