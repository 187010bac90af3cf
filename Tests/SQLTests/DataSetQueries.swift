import Foundation
import QuiverCore

/// Loads the gold and predicted SQL of Spider and BIRD from `QUIVER_DATA` for the data-set tests.
enum DataSetQueries {
    static var available: Bool { DataLocation.root() != nil }

    /// Spider dev gold queries (`dev_gold.sql`: `SQL<TAB>db_id`).
    static func spiderGold() -> [String] {
        lines("spider/dev_gold.sql").map { String($0.split(separator: "\t", maxSplits: 1).first ?? "") }
    }

    /// BIRD dev gold queries (`dev.json`, field `SQL`).
    static func birdGold() -> [String] { jsonField("bird/dev/dev.json", "SQL") }

    /// BIRD mini-dev gold queries (field `gold_sql`).
    static func birdMiniDevGold() -> [String] { jsonField("bird/mini_dev/mini_dev_sqlite.json", "gold_sql") }

    /// Prediction files: one SQL per line (BIRD lines carry `\t----- bird -----\tdb_id`).
    static func predictions(_ path: String) -> [String] {
        lines(path).map { String($0.components(separatedBy: "\t").first ?? "") }
    }

    static func lines(_ path: String) -> [String] {
        guard let url = DataLocation.item(path), let text = try? String(contentsOf: url, encoding: .utf8) else {
            return []
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    static func jsonField(_ path: String, _ field: String) -> [String] {
        guard let url = DataLocation.item(path), let data = try? Data(contentsOf: url),
            let items = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return items.compactMap { $0[field] as? String }
    }
}
