import Foundation
import QuiverCore
import SQL

/// Spider dev examples, schemas and the official evaluators' verdicts, read from `QUIVER_DATA`.
enum ExactMatchData {
    struct Example {
        var query: String
        var databaseID: String
    }

    struct Verdict {
        var hardness: String
        var emOfficial: Bool
        var predParseOK: Bool
    }

    static var available: Bool { DataLocation.item("spider/dev.json") != nil }

    static func examples() -> [Example] {
        guard let url = DataLocation.item("spider/dev.json"), let data = try? Data(contentsOf: url),
            let items = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return items.map { Example(query: $0["query"] as? String ?? "", databaseID: $0["db_id"] as? String ?? "") }
    }

    static func schemas() -> [String: Schema] {
        guard let url = DataLocation.item("spider/tables.json") else { return [:] }
        return (try? SpiderTables.load(from: url)) ?? [:]
    }

    static func predictions(_ name: String) -> [String] {
        guard let url = DataLocation.item("spider/predictions/\(name).sql"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        // The official evaluators cut each line at its first TAB.
        return text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        }
    }

    static func verdicts(_ name: String) -> [Verdict] {
        guard let url = DataLocation.item("spider/predictions/\(name).verdicts.jsonl"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Verdict(
                hardness: object["hardness"] as? String ?? "",
                emOfficial: (object["em_official"] as? Int ?? 0) == 1,
                predParseOK: object["pred_parse_ok"] as? Bool ?? false)
        }
    }
}
