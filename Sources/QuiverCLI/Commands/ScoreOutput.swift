import Foundation
import Scoring

/// How the `score sql` and `score cypher` commands write JSON: keys sorted, slashes unescaped, one
/// object per line in an `--out` file (the layouts of `schemas/*-score-*.schema.json`).
///
/// ```swift
/// if let out { try ScoreOutput.writeJSONL(results, to: out) }
/// print(json ? try ScoreOutput.json(summary) : summary.table())
/// ```
enum ScoreOutput {
    /// `value` as one line of JSON.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// The run's header line, then one JSON line per result, written atomically to `path`; an
    /// unwritable path is an ``InputError`` (commands check `--out` before they start, with ``OutputPath``).
    static func writeJSONL(_ results: [some Encodable], header: ScoringRun, to path: String) throws {
        let encoder = encoder()
        var data = try encoder.encode(ScoringRun.Line(header))
        data.append(UInt8(ascii: "\n"))
        for result in results {
            data.append(try encoder.encode(result))
            data.append(UInt8(ascii: "\n"))
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw InputError("--out: cannot write '\(path)': \(error.localizedDescription)")
        }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
